package dev.heatcheck.internal.scenario;

import dev.heatcheck.internal.scenario.Node.Kind;
import dev.heatcheck.internal.scenario.Node.ListNode;
import dev.heatcheck.internal.scenario.Node.MapNode;
import dev.heatcheck.internal.scenario.Node.Scalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the top level of one scenario file from its node tree. */
final class ScenarioReader {
  /** Narrower than a phone is not a page anyone sees; wider than 8K is a typo that would exhaust the browser. */
  static final int MIN_VIEWPORT_PX = 200;

  static final int MAX_VIEWPORT_PX = 8192;
  /** Each visitor takes a browser context for seconds; more than this would run for hours. */
  static final int MAX_VISITORS = 10_000;
  /** The largest integer a JSON reader in JavaScript keeps exact: a seed copied from summary.json still works. */
  static final long MAX_SEED = (1L << 53) - 1;

  /** Each worker is a browser of its own; more would exhaust any one machine. */
  static final int MAX_WORKERS = 64;

  private static final List<String> KEYS = List.of(
      "name",
      "url",
      "viewports",
      "visitors",
      "pages",
      "steps",
      "expect",
      "judge",
      "capture",
      "variants",
      "timeouts",
      "seed",
      "workers");

  private final Path file;
  private final Problems problems;
  private final Values values;

  private ScenarioReader(Path file, Problems problems) {
    this.file = file;
    this.problems = problems;
    this.values = new Values(problems);
  }

  /** The scenario, or null when the file has any problem (all of them are reported). */
  static Scenario read(Path file, Node root, Problems problems) {
    return new ScenarioReader(file, problems).read(root);
  }

  private Scenario read(Node root) {
    if (!(root instanceof MapNode map)) {
      return values.wrong(root, "scenario", "a map with url, steps and the other settings");
    }
    Fields fields = new Fields(map, null, KEYS, problems);
    String name =
        fields.has("name") ? values.string(fields.get("name"), "name", "a name") : defaultName();
    String url = url(fields);
    List<Viewport> viewports =
        fields.has("viewports") ? viewports(fields.get("viewports")) : List.of(Viewport.DEFAULT);
    Integer visitors = fields.has("visitors")
        ? values.integer(fields.get("visitors"), "visitors", 1, MAX_VISITORS)
        : Integer.valueOf(1);
    List<Step> steps = isAbsent(fields.get("steps"))
        ? List.of()
        : new StepReader(problems, values).readAll(fields.get("steps"));
    Expectations expect = isAbsent(fields.get("expect"))
        ? Expectations.none()
        : new ExpectReader(problems, values).read(fields.get("expect"));
    List<String> pages = isAbsent(fields.get("pages")) ? List.of() : pages(fields.get("pages"));
    JudgeSettings judge = isAbsent(fields.get("judge"))
        ? JudgeSettings.none()
        : new JudgeReader(problems, values).read(fields.get("judge"));
    CaptureSettings capture =
        isAbsent(fields.get("capture")) ? CaptureSettings.none() : capture(fields.get("capture"));
    List<Variant> variants = isAbsent(fields.get("variants"))
        ? List.of()
        : new VariantReader(problems, values).read(fields.get("variants"));
    Timeouts timeouts =
        isAbsent(fields.get("timeouts")) ? Timeouts.defaults() : timeouts(fields.get("timeouts"));
    Long seed =
        isAbsent(fields.get("seed")) ? null : values.whole(fields.get("seed"), "seed", 0, MAX_SEED);
    Integer workers = fields.has("workers")
        ? values.integer(fields.get("workers"), "workers", 1, MAX_WORKERS)
        : Integer.valueOf(0);
    if (!problems.isEmpty()) {
      return null;
    }
    return new Scenario(
        file, name, url, viewports, visitors, steps, expect, pages, judge, capture, variants,
        timeouts, seed, workers);
  }

  private String defaultName() {
    String fileName = file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  private String url(Fields fields) {
    if (!fields.has("url")) {
      problems.add(
          fields.at(),
          "url is required, e.g. url: /checkout (relative to --base-url) or an http(s) URL");
      return null;
    }
    return values.url(fields.get("url"), "url", "/checkout");
  }

  private List<Viewport> viewports(Node node) {
    String expected = "a list like [{width: 1280, height: 800}]";
    if (!(node instanceof ListNode list) || list.items().isEmpty()) {
      return values.wrong(node, "viewports", expected);
    }
    List<Viewport> viewports = new ArrayList<>();
    for (Node item : list.items()) {
      Viewport viewport = viewport(item);
      if (viewport != null) {
        viewports.add(viewport);
      }
    }
    return viewports;
  }

  private Viewport viewport(Node node) {
    if (!(node instanceof MapNode map)) {
      return values.wrong(node, "viewports", "a map like {width: 1280, height: 800}");
    }
    Fields fields = new Fields(map, "viewports", List.of("width", "height"), problems);
    Integer width = dimension(fields, "width");
    Integer height = dimension(fields, "height");
    return width == null || height == null ? null : new Viewport(width, height);
  }

  private Integer dimension(Fields fields, String key) {
    if (!fields.has(key)) {
      problems.add(
          fields.at(), "viewports: " + key + " is required, e.g. {width: 1280, height: 800}");
      return null;
    }
    return values.integer(fields.get(key), "viewports." + key, MIN_VIEWPORT_PX, MAX_VIEWPORT_PX);
  }

  /** URL path patterns that pages aggregate under: {@code /product/:id} takes in /product/17 and /product/42. */
  private List<String> pages(Node node) {
    String expected = "a list of path patterns like [\"/product/:id\", \"/blog/*\"]";
    if (!(node instanceof ListNode list)) {
      return values.wrong(node, "pages", expected);
    }
    List<String> patterns = new ArrayList<>();
    for (Node item : list.items()) {
      String pattern = values.string(item, "pages", expected);
      if (pattern != null && !PagePattern.isValid(pattern)) {
        problems.add(
            item.at(),
            "pages: " + Node.Scalar.quoted(pattern) + " is not a path pattern; "
                + "start with / and use :name for one segment or a final * for the rest, e.g. /product/:id");
      } else if (pattern != null) {
        patterns.add(pattern);
      }
    }
    return patterns;
  }

  private CaptureSettings capture(Node node) {
    if (!(node instanceof MapNode map)) {
      return values.wrong(node, "capture", "a map like {maskText: true}");
    }
    Fields fields = new Fields(map, "capture", List.of("maskText"), problems);
    Boolean maskText = fields.has("maskText")
        ? values.bool(fields.get("maskText"), "capture.maskText")
        : Boolean.FALSE;
    return new CaptureSettings(Boolean.TRUE.equals(maskText));
  }

  private Timeouts timeouts(Node node) {
    if (!(node instanceof MapNode map)) {
      return values.wrong(
          node, "timeouts", "a map of milliseconds like {step: 30000, load: 30000, visit: 300000}");
    }
    Fields fields = new Fields(map, "timeouts", List.of("step", "load", "visit"), problems);
    Timeouts defaults = Timeouts.defaults();
    return new Timeouts(
        timeout(fields, "step", defaults.step()),
        timeout(fields, "load", defaults.load()),
        timeout(fields, "visit", defaults.visit()));
  }

  private int timeout(Fields fields, String key, int fallback) {
    Integer ms = fields.has(key)
        ? values.integer(fields.get(key), "timeouts." + key, 1, Timeouts.MAX_MS)
        : null;
    return ms == null ? fallback : ms;
  }

  /** An empty section ("steps:" with nothing under it) reads as no section rather than as a mistake. */
  private static boolean isAbsent(Node node) {
    return node == null || node instanceof Scalar scalar && scalar.kind() == Kind.NULL;
  }
}
