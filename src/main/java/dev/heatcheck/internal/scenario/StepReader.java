package dev.heatcheck.internal.scenario;

import dev.heatcheck.internal.scenario.Node.Entry;
import dev.heatcheck.internal.scenario.Node.Kind;
import dev.heatcheck.internal.scenario.Node.ListNode;
import dev.heatcheck.internal.scenario.Node.MapNode;
import dev.heatcheck.internal.scenario.Node.Scalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Reads the {@code steps:} list; each item is a map with one key, the step's name. */
final class StepReader {
  static final List<String> NAMES = List.of(
      "goto",
      "click",
      "fill",
      "hover",
      "press",
      "scroll",
      "wait",
      "pause",
      "choose",
      "maybe",
      "dblclick",
      "input");
  private static final int DEFAULT_TIMES = 1;
  private static final int DEFAULT_INTERVAL_MS = 100;
  // bounds that no real visit comes near, so a slipped digit is reported rather than run for hours
  static final int MAX_TIMES = 100;
  static final int MAX_MS = 60_000;
  static final int MAX_PX = 1_000_000;
  /**
   * Where on an element a scenario's click lands by default: a normal around the centre whose standard
   * deviation is this share of half the element's size, so a crowd's clicks spread as people's do.
   */
  static final double DEFAULT_SPREAD = 0.3;
  /** choose and maybe inside one another, at most this deep: deeper is a scenario no one can read. */
  static final int MAX_NESTING = 3;
  /** A weight is a relative frequency; beyond this it is a slipped digit. */
  static final int MAX_WEIGHT = 1_000_000;

  /** How many choose/maybe steps the steps being read sit inside. */
  private int nesting;

  private final Problems problems;
  private final Values values;

  StepReader(Problems problems, Values values) {
    this.problems = problems;
    this.values = values;
  }

  /** The steps that could be read; the others are reported. */
  List<Step> readAll(Node steps) {
    if (!(steps instanceof ListNode list)) {
      values.wrong(steps, "steps", "a list of steps like [click: \"#add\"]");
      return List.of();
    }
    List<Step> read = new ArrayList<>();
    for (Node item : list.items()) {
      read.add(read(item));
    }
    return read.stream().filter(Objects::nonNull).toList();
  }

  private Step read(Node item) {
    if (item instanceof Scalar scalar && scalar.kind() == Kind.STRING) {
      return bare(scalar);
    }
    if (!(item instanceof MapNode map) || map.entries().isEmpty()) {
      return values.wrong(item, "steps", "a step like click: \"#add\"");
    }
    if (map.entries().size() > 1) {
      problems.add(
          map.at(),
          "a step has exactly one key, its name; got " + map.entries().size() + ": "
              + String.join(", ", map.keys())
              + " (start each step with \"- \"; options go inside, e.g. click: {selector: \"#a\", times: 3})");
      return null;
    }
    return read(map.entries().get(0));
  }

  /** No step works without an argument today, so a bare name is a step with its value missing. */
  private Step bare(Scalar scalar) {
    if (NAMES.contains(scalar.text())) {
      problems.add(scalar.at(), scalar.text() + " needs a value, e.g. " + example(scalar.text()));
    } else {
      unknown(scalar.text(), scalar.at());
    }
    return null;
  }

  private Step read(Entry step) {
    Node value = step.value();
    Location at = step.keyAt();
    return switch (step.key()) {
      case "goto" -> goTo(value, at);
      case "click" -> click(value, at);
      case "fill" -> fill(value, at);
      case "hover" -> hover(value, at);
      case "press" -> press(value, at);
      case "scroll" -> scroll(value, at);
      case "wait" -> waitStep(value, at);
      case "pause" -> pause(value, at);
      case "choose" -> choose(value, at);
      case "maybe" -> maybe(value, at);
      case "dblclick" -> dblclick(value, at);
      case "input" -> input(value, at);
      default -> unknown(step.key(), at);
    };
  }

  private Step unknown(String name, Location at) {
    problems.add(
        at,
        "unknown step " + Node.Scalar.quoted(name) + "; expected one of: "
            + String.join(", ", NAMES));
    return null;
  }

  private Step goTo(Node value, Location at) {
    String url = values.url(value, "goto", "/product/1");
    return url == null ? null : new Step.Goto(url, at);
  }

  private Step hover(Node value, Location at) {
    if (value instanceof MapNode map) {
      if (map.keys().contains("frame")) {
        return hoverInFrame(map, at);
      }
      return map.keys().contains("locate") ? hoverLocated(map, at) : hoverAt(map, at);
    }
    String selector = values.string(value, "hover", "a CSS selector like \".menu\"");
    return selector == null ? null : new Step.Hover(selector, at);
  }

  private Step press(Node value, Location at) {
    String key = values.text(value, "press", "a key like Enter", false);
    return key == null ? null : new Step.Press(key, at);
  }

  private Step click(Node value, Location at) {
    if (value instanceof Scalar scalar && scalar.kind() == Kind.STRING) {
      String selector = values.string(value, "click", "a CSS selector");
      return selector == null
          ? null
          : new Step.Click(
              new Target.BySelector(selector),
              DEFAULT_TIMES,
              DEFAULT_INTERVAL_MS,
              DEFAULT_SPREAD,
              at);
    }
    if (!(value instanceof MapNode map)) {
      return values.wrong(
          value, "click", "a CSS selector or a map with selector, text, or x and y");
    }
    if (map.keys().contains("locate")) {
      Target.Located located = located(locatedFields(map, "click"), "click");
      return located == null ? null : new Step.Click(located, DEFAULT_TIMES, 0, at);
    }
    Fields fields = new Fields(
        map,
        "click",
        List.of("selector", "text", "x", "y", "times", "interval", "spread"),
        problems);
    Target target = clickTarget(fields);
    Integer times = fields.has("times")
        ? values.integer(fields.get("times"), "click.times", 1, MAX_TIMES)
        : Integer.valueOf(DEFAULT_TIMES);
    Integer interval = fields.has("interval")
        ? values.integer(fields.get("interval"), "click.interval", 0, MAX_MS)
        : Integer.valueOf(DEFAULT_INTERVAL_MS);
    Double spread = fields.has("spread")
        ? values.number(fields.get("spread"), "click.spread", 0, 1)
        : Double.valueOf(DEFAULT_SPREAD);
    if (target == null || times == null || interval == null || spread == null) {
      return null;
    }
    return new Step.Click(target, times, interval, spread, at);
  }

  private Target clickTarget(Fields fields) {
    boolean point = fields.has("x") || fields.has("y");
    int kinds = (fields.has("selector") ? 1 : 0) + (fields.has("text") ? 1 : 0) + (point ? 1 : 0);
    if (kinds != 1) {
      problems.add(
          fields.at(),
          kinds == 0
              ? "click: expected selector, text, or x and y, e.g. click: {selector: \"#add\"}"
              : "click: give only one of selector, text, or x and y");
      return null;
    }
    if (fields.has("selector")) {
      String css = values.string(fields.get("selector"), "click.selector", "a CSS selector");
      return css == null ? null : new Target.BySelector(css);
    }
    if (fields.has("text")) {
      String text =
          values.text(fields.get("text"), "click.text", "the visible text of an element", false);
      return text == null ? null : new Target.ByText(text);
    }
    return point(fields);
  }

  private Target point(Fields fields) {
    if (!fields.has("x") || !fields.has("y")) {
      problems.add(
          fields.at(),
          "click: x and y go together; " + (fields.has("x") ? "y" : "x") + " is missing");
      return null;
    }
    Double x = values.number(fields.get("x"), "click.x", 0, MAX_PX);
    Double y = values.number(fields.get("y"), "click.y", 0, MAX_PX);
    return x == null || y == null ? null : new Target.At(x, y);
  }

  private Step fill(Node value, Location at) {
    if (!(value instanceof MapNode map)) {
      return values.wrong(value, "fill", "a map like {selector: \"#email\", value: \"a@b.c\"}");
    }
    Fields fields =
        new Fields(map, "fill", List.of("selector", "value", "values", "csv", "column"), problems);
    String selector = required(fields, "fill", "selector")
        ? values.string(fields.get("selector"), "fill.selector", "a CSS selector")
        : null;
    long sources = Stream.of("value", "values", "csv").filter(fields::has).count();
    if (sources != 1) {
      problems.add(
          fields.at(),
          sources == 0
              ? "fill: value is required (or a feeder: values: [...], or csv: FILE with column: NAME)"
              : "fill: give only one of value, values or csv");
      return null;
    }
    if (fields.has("column") != fields.has("csv")) {
      problems.add(
          fields.has("csv") ? fields.at() : fields.keyAt("column"),
          fields.has("csv")
              ? "fill: csv needs column: the CSV column whose values are typed"
              : "fill: column goes with csv: FILE");
      return null;
    }
    if (fields.has("value")) {
      String text = values.text(fields.get("value"), "fill.value", "the text to type", true);
      return selector == null || text == null ? null : new Step.Fill(selector, text, at);
    }
    List<String> feed = fields.has("values") ? listFeed(fields.get("values")) : csvFeed(fields);
    return selector == null || feed == null ? null : new Step.Fill(selector, null, feed, at);
  }

  /** A feeder written in the scenario: one value per visitor, in turn. */
  private List<String> listFeed(Node node) {
    String expected = "a non-empty list of values to type, one per visitor in turn";
    if (!(node instanceof ListNode list) || list.items().isEmpty()) {
      return values.wrong(node, "fill.values", expected);
    }
    List<String> feed = new ArrayList<>();
    for (Node item : list.items()) {
      feed.add(values.text(item, "fill.values", "text to type", true));
    }
    return feed.contains(null) ? null : feed;
  }

  /** A feeder from a CSV file beside the scenario: one row per visitor, in turn. */
  private List<String> csvFeed(Fields fields) {
    String csv =
        values.string(fields.get("csv"), "fill.csv", "a CSV file, relative to the scenario");
    String column =
        values.text(fields.get("column"), "fill.column", "the name of a CSV column", false);
    if (csv == null || column == null) {
      return null;
    }
    Path scenario = fields.at().file().toAbsolutePath();
    Path file = scenario.resolveSibling(csv).normalize();
    try {
      return Feeds.column(file, csv, column);
    } catch (Feeds.Unusable e) {
      Node at = e.column ? fields.get("column") : fields.get("csv");
      problems.add(at.at(), (e.column ? "fill.column: " : "fill.csv: ") + e.getMessage());
      return null;
    }
  }

  private Step scroll(Node value, Location at) {
    if (!(value instanceof MapNode map)) {
      return values.wrong(
          value,
          "scroll",
          "a map like {to: bottom}, {to: top}, {to: \"#pricing\"}, {y: 1200}, {by: 600} or"
              + " {depth: {min: 0.3, max: 1}}");
    }
    if (map.keys().contains("locate")) {
      return scrollWithin(map, at);
    }
    List<String> keys = List.of("to", "y", "by", "depth");
    Fields fields = new Fields(map, "scroll", keys, problems);
    long given = map.keys().stream().filter(keys::contains).count();
    if (given != 1) {
      problems.add(
          map.at(),
          given == 0
              ? "scroll: expected one of to, y, by or depth, e.g. scroll: {to: bottom}"
              : "scroll: give only one of to, y, by or depth");
      return null;
    }
    ScrollTarget target = scrollTarget(fields);
    return target == null ? null : new Step.Scroll(target, at);
  }

  private ScrollTarget scrollTarget(Fields fields) {
    if (fields.has("depth")) {
      return depth(fields.get("depth"));
    }
    if (fields.has("y")) {
      Double y = values.number(fields.get("y"), "scroll.y", 0, MAX_PX);
      return y == null ? null : new ScrollTarget.ToY(y);
    }
    if (fields.has("by")) {
      Double dy = values.number(fields.get("by"), "scroll.by", -MAX_PX, MAX_PX);
      return dy == null ? null : new ScrollTarget.By(dy);
    }
    String to = values.string(fields.get("to"), "scroll.to", "top, bottom or a CSS selector");
    if (to == null) {
      return null;
    }
    return switch (to) {
      case "top" -> new ScrollTarget.ToTop();
      case "bottom" -> new ScrollTarget.ToBottom();
      default -> new ScrollTarget.ToSelector(to);
    };
  }

  /** A share of the scrollable height: fixed (0.5) or drawn per visitor ({min: 0.3, max: 1}). */
  private ScrollTarget depth(Node node) {
    if (!(node instanceof MapNode map)) {
      Double share = values.number(node, "scroll.depth", 0, 1);
      return share == null ? null : new ScrollTarget.Depth(share, share);
    }
    double[] range = range(map, "scroll.depth", 0, 1, "a share like {min: 0.3, max: 1}");
    return range == null ? null : new ScrollTarget.Depth(range[0], range[1]);
  }

  /** Think time: 500, or {min: 300, max: 2000} drawn per visitor. */
  private Step pause(Node value, Location at) {
    if (value instanceof Scalar scalar && scalar.kind() == Kind.INTEGER) {
      Integer ms = values.integer(value, "pause", 0, MAX_MS);
      return ms == null ? null : new Step.Pause(ms, ms, at);
    }
    if (!(value instanceof MapNode map)) {
      return values.wrong(
          value, "pause", "milliseconds like 500 or a range like {min: 300, max: 2000}");
    }
    double[] range = range(map, "pause", 0, MAX_MS, "milliseconds like {min: 300, max: 2000}");
    if (range == null) {
      return null;
    }
    if (range[0] != Math.rint(range[0]) || range[1] != Math.rint(range[1])) {
      problems.add(map.at(), "pause: min and max are whole milliseconds");
      return null;
    }
    return new Step.Pause((long) range[0], (long) range[1], at);
  }

  /** {min, max} within [low, high], min at most max; null (reported) otherwise. */
  private double[] range(MapNode map, String what, int low, int high, String example) {
    Fields fields = new Fields(map, what, List.of("min", "max"), problems);
    if (!fields.has("min") || !fields.has("max")) {
      problems.add(fields.at(), what + ": min and max are required, e.g. " + example);
      return null;
    }
    Double min = values.number(fields.get("min"), what + ".min", low, high);
    Double max = values.number(fields.get("max"), what + ".max", low, high);
    if (min == null || max == null) {
      return null;
    }
    if (min > max) {
      problems.add(
          fields.keyAt("max"),
          what + ": max (" + shown(max) + ") is below min (" + shown(min) + ")");
      return null;
    }
    return new double[] {min, max};
  }

  private static String shown(double number) {
    return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
  }

  /** Weighted alternatives, each {weight: 7, steps: [...]}; a visitor plays one. */
  private Step choose(Node value, Location at) {
    String expected =
        "a list of alternatives like [{weight: 7, steps: [...]}, {weight: 3, steps: [...]}]";
    if (!(value instanceof ListNode list) || list.items().isEmpty()) {
      return values.wrong(value, "choose", expected);
    }
    if (!nestable("choose", at)) {
      return null;
    }
    List<Step.Choose.Option> options = new ArrayList<>();
    nesting++;
    try {
      for (Node item : list.items()) {
        options.add(option(item, expected));
      }
    } finally {
      nesting--;
    }
    return options.contains(null) ? null : new Step.Choose(options, at);
  }

  private Step.Choose.Option option(Node node, String expected) {
    if (!(node instanceof MapNode map)) {
      return values.wrong(node, "choose", expected);
    }
    Fields fields = new Fields(map, "choose", List.of("weight", "steps"), problems);
    Integer weight = fields.has("weight")
        ? values.integer(fields.get("weight"), "choose.weight", 1, MAX_WEIGHT)
        : Integer.valueOf(1);
    List<Step> steps = nested(fields, "choose");
    return weight == null || steps == null ? null : new Step.Choose.Option(weight, steps, map.at());
  }

  /** Optional steps: {p: 0.3, steps: [...]}, played by a share p of the visitors. */
  private Step maybe(Node value, Location at) {
    if (!(value instanceof MapNode map)) {
      return values.wrong(value, "maybe", "a map like {p: 0.3, steps: [...]}");
    }
    if (!nestable("maybe", at)) {
      return null;
    }
    Fields fields = new Fields(map, "maybe", List.of("p", "steps"), problems);
    Double p =
        required(fields, "maybe", "p") ? values.number(fields.get("p"), "maybe.p", 0, 1) : null;
    nesting++;
    try {
      List<Step> steps = nested(fields, "maybe");
      return p == null || steps == null ? null : new Step.Maybe(p, steps, at);
    } finally {
      nesting--;
    }
  }

  private boolean nestable(String name, Location at) {
    if (nesting >= MAX_NESTING) {
      problems.add(
          at,
          name + ": nested too deep; choose and maybe go at most " + MAX_NESTING + " levels deep");
      return false;
    }
    return true;
  }

  /** The steps: list of an alternative or a maybe; an empty list is fine (do nothing). Null when any is wrong. */
  private List<Step> nested(Fields fields, String section) {
    if (!required(fields, section, "steps")) {
      return null;
    }
    Node node = fields.get("steps");
    if (!(node instanceof ListNode list)) {
      return values.wrong(node, section + ".steps", "a list of steps like [click: \"#add\"]");
    }
    List<Step> read = new ArrayList<>();
    for (Node item : list.items()) {
      read.add(read(item));
    }
    return read.contains(null) ? null : read;
  }

  private Step waitStep(Node value, Location at) {
    if (value instanceof Scalar scalar && scalar.kind() == Kind.INTEGER) {
      Integer ms = values.integer(value, "wait", 0, MAX_MS);
      return ms == null ? null : new Step.Wait(ms, null, at);
    }
    if (!(value instanceof MapNode map)) {
      return values.wrong(value, "wait", "milliseconds like 500 or a map like {for: \"#done\"}");
    }
    Fields fields = new Fields(map, "wait", List.of("for"), problems);
    String selector = required(fields, "wait", "for")
        ? values.string(fields.get("for"), "wait.for", "a CSS selector")
        : null;
    return selector == null ? null : new Step.Wait(0, selector, at);
  }

  // ---- replayed steps (heatcheck replay --to-scenario): locator candidates, then the recorded
  // point

  /**
   * {@code {locate: ["#buy", "text=Buy"], x: 640, y: 412, recorded: 10575}}: candidates tried in order,
   * the recorded viewport point as the fallback, when it happened in the recording (ms).
   */
  private Fields locatedFields(MapNode map, String what, String... others) {
    List<String> keys = new ArrayList<>(List.of("locate", "x", "y", "recorded"));
    keys.addAll(List.of(others));
    return new Fields(map, what, keys, problems);
  }

  private Target.Located located(Fields fields, String what) {
    if (!(fields.get("locate") instanceof ListNode list)) {
      values.wrong(
          fields.get("locate"),
          what + ".locate",
          "a list of selectors like [\"#buy\", \"text=Buy\"]");
      return null;
    }
    List<String> locate = new ArrayList<>();
    for (Node item : list.items()) {
      String selector = values.string(item, what + ".locate", "a selector");
      if (selector == null) {
        return null;
      }
      locate.add(selector);
    }
    if (fields.has("x") != fields.has("y")) {
      problems.add(
          fields.at(),
          what + ": x and y go together; " + (fields.has("x") ? "y" : "x") + " is missing");
      return null;
    }
    Double x = fields.has("x") ? values.number(fields.get("x"), what + ".x", 0, MAX_PX) : null;
    Double y = fields.has("y") ? values.number(fields.get("y"), what + ".y", 0, MAX_PX) : null;
    Integer recorded = fields.has("recorded")
        ? values.integer(fields.get("recorded"), what + ".recorded", 0, Integer.MAX_VALUE)
        : null;
    return new Target.Located(locate, x, y, recorded == null ? null : recorded.longValue());
  }

  /** {@code hover: {locate: ["#menu"], x: 40, y: 12, recorded: 1200}}: a replayed hover. */
  private Step hoverLocated(MapNode map, Location at) {
    Target.Located located = located(locatedFields(map, "hover"), "hover");
    return located == null ? null : new Step.Move(located, at);
  }

  /**
   * {@code hover: {frame: ["#pay", "iframe[name=\"pay\"]"], x: 30, y: 40, recorded: 800}}: the pointer to
   * a point of an iframe's viewport (a replayed pointer move inside a frame), the frame found by the first
   * selector that finds it.
   */
  private Step hoverInFrame(MapNode map, Location at) {
    Fields fields = new Fields(map, "hover", List.of("frame", "x", "y", "recorded"), problems);
    if (!(fields.get("frame") instanceof ListNode list) || list.items().isEmpty()) {
      values.wrong(
          fields.get("frame"), "hover.frame", "a list of the iframe's selectors like [\"#pay\"]");
      return null;
    }
    List<String> frame = new ArrayList<>();
    for (Node item : list.items()) {
      String selector = values.string(item, "hover.frame", "a selector");
      if (selector == null) {
        return null;
      }
      frame.add(selector);
    }
    if (!fields.has("x") || !fields.has("y")) {
      problems.add(
          fields.at(), "hover: frame needs x and y, e.g. hover: {frame: [\"#pay\"], x: 30, y: 40}");
      return null;
    }
    Double x = values.number(fields.get("x"), "hover.x", 0, MAX_PX);
    Double y = values.number(fields.get("y"), "hover.y", 0, MAX_PX);
    Integer recorded = fields.has("recorded")
        ? values.integer(fields.get("recorded"), "hover.recorded", 0, Integer.MAX_VALUE)
        : null;
    return x == null || y == null
        ? null
        : new Step.Move(
            new Target.InFrame(frame, x, y, recorded == null ? null : recorded.longValue()), at);
  }

  /** {@code hover: {x: 412, y: 1300}}: the pointer to a page point (a replayed pointer move). */
  private Step hoverAt(MapNode map, Location at) {
    Fields fields = new Fields(map, "hover", List.of("locate", "x", "y"), problems);
    if (!fields.has("x") || !fields.has("y")) {
      problems.add(
          fields.at(), "hover: expected locate, or x and y, e.g. hover: {x: 412, y: 1300}");
      return null;
    }
    Double x = values.number(fields.get("x"), "hover.x", 0, MAX_PX);
    Double y = values.number(fields.get("y"), "hover.y", 0, MAX_PX);
    return x == null || y == null ? null : new Step.Move(new Target.At(x, y), at);
  }

  private Step dblclick(Node value, Location at) {
    if (value instanceof Scalar scalar && scalar.kind() == Kind.STRING) {
      String selector = values.string(value, "dblclick", "a CSS selector");
      return selector == null ? null : new Step.DoubleClick(new Target.BySelector(selector), at);
    }
    if (!(value instanceof MapNode map)) {
      return values.wrong(value, "dblclick", "a CSS selector or a map like {locate: [\"#title\"]}");
    }
    Target.Located located = located(locatedFields(map, "dblclick"), "dblclick");
    return located == null ? null : new Step.DoubleClick(located, at);
  }

  /** {@code input: {locate: ["#name"], value: "Ada"}} or {@code {locate: ["#terms"], checked: true}}. */
  private Step input(Node value, Location at) {
    if (!(value instanceof MapNode map)) {
      return values.wrong(value, "input", "a map like {locate: [\"#name\"], value: \"Ada\"}");
    }
    Fields fields = locatedFields(map, "input", "value", "checked");
    Target.Located located = located(fields, "input");
    if (fields.has("value") == fields.has("checked")) {
      problems.add(fields.at(), "input: give either value or checked");
      return null;
    }
    String text = fields.has("value")
        ? values.text(fields.get("value"), "input.value", "the text to type", true)
        : null;
    Boolean checked = null;
    if (fields.has("checked")) {
      Node node = fields.get("checked");
      if (node instanceof Scalar scalar && scalar.kind() == Kind.BOOLEAN) {
        checked = Boolean.valueOf(scalar.text());
      } else {
        return values.wrong(node, "input.checked", "true or false");
      }
    }
    return located == null || (text == null && checked == null)
        ? null
        : new Step.Input(located, text, checked, false, at);
  }

  /** {@code scroll: {locate: ["#reviews"], left: 0, top: 360}}: an inner scroll container. */
  private Step scrollWithin(MapNode map, Location at) {
    Fields fields = locatedFields(map, "scroll", "left", "top");
    Target.Located located = located(fields, "scroll");
    Double left = fields.has("left")
        ? values.number(fields.get("left"), "scroll.left", 0, MAX_PX)
        : Double.valueOf(0);
    Double top = fields.has("top")
        ? values.number(fields.get("top"), "scroll.top", 0, MAX_PX)
        : Double.valueOf(0);
    return located == null || left == null || top == null
        ? null
        : new Step.Scroll(new ScrollTarget.Within(located, left, top), at);
  }

  private boolean required(Fields fields, String section, String key) {
    if (!fields.has(key)) {
      problems.add(fields.at(), section + ": " + key + " is required");
    }
    return fields.has(key);
  }

  private static String example(String name) {
    return switch (name) {
      case "goto" -> "goto: /product/1";
      case "click" -> "click: \"#add\"";
      case "fill" -> "fill: {selector: \"#email\", value: \"a@b.c\"}";
      case "hover" -> "hover: \".menu\"";
      case "press" -> "press: Enter";
      case "scroll" -> "scroll: {to: bottom}";
      case "pause" -> "pause: {min: 300, max: 2000}";
      case "choose" -> "choose: [{weight: 7, steps: [...]}, {weight: 3, steps: [...]}]";
      case "maybe" -> "maybe: {p: 0.3, steps: [...]}";
      default -> "wait: 500";
    };
  }
}
