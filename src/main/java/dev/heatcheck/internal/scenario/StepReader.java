package dev.heatcheck.internal.scenario;

import dev.heatcheck.internal.scenario.Node.Entry;
import dev.heatcheck.internal.scenario.Node.Kind;
import dev.heatcheck.internal.scenario.Node.ListNode;
import dev.heatcheck.internal.scenario.Node.MapNode;
import dev.heatcheck.internal.scenario.Node.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads the {@code steps:} list; each item is a map with one key, the step's name. */
final class StepReader {
  static final List<String> NAMES =
      List.of("goto", "click", "fill", "hover", "press", "scroll", "wait");
  private static final int DEFAULT_TIMES = 1;
  private static final int DEFAULT_INTERVAL_MS = 100;
  // bounds that no real visit comes near, so a slipped digit is reported rather than run for hours
  static final int MAX_TIMES = 100;
  static final int MAX_MS = 60_000;
  static final int MAX_PX = 1_000_000;

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
          : new Step.Click(new Target.BySelector(selector), DEFAULT_TIMES, DEFAULT_INTERVAL_MS, at);
    }
    if (!(value instanceof MapNode map)) {
      return values.wrong(
          value, "click", "a CSS selector or a map with selector, text, or x and y");
    }
    Fields fields = new Fields(
        map, "click", List.of("selector", "text", "x", "y", "times", "interval"), problems);
    Target target = clickTarget(fields);
    Integer times = fields.has("times")
        ? values.integer(fields.get("times"), "click.times", 1, MAX_TIMES)
        : Integer.valueOf(DEFAULT_TIMES);
    Integer interval = fields.has("interval")
        ? values.integer(fields.get("interval"), "click.interval", 0, MAX_MS)
        : Integer.valueOf(DEFAULT_INTERVAL_MS);
    if (target == null || times == null || interval == null) {
      return null;
    }
    return new Step.Click(target, times, interval, at);
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
    Fields fields = new Fields(map, "fill", List.of("selector", "value"), problems);
    String selector = required(fields, "fill", "selector")
        ? values.string(fields.get("selector"), "fill.selector", "a CSS selector")
        : null;
    String text = required(fields, "fill", "value")
        ? values.text(fields.get("value"), "fill.value", "the text to type", true)
        : null;
    return selector == null || text == null ? null : new Step.Fill(selector, text, at);
  }

  private Step scroll(Node value, Location at) {
    if (!(value instanceof MapNode map)) {
      return values.wrong(
          value,
          "scroll",
          "a map like {to: bottom}, {to: top}, {to: \"#pricing\"}, {y: 1200} or {by: 600}");
    }
    Fields fields = new Fields(map, "scroll", List.of("to", "y", "by"), problems);
    long given = map.keys().stream().filter(List.of("to", "y", "by")::contains).count();
    if (given != 1) {
      problems.add(
          map.at(),
          given == 0
              ? "scroll: expected one of to, y or by, e.g. scroll: {to: bottom}"
              : "scroll: give only one of to, y or by");
      return null;
    }
    ScrollTarget target = scrollTarget(fields);
    return target == null ? null : new Step.Scroll(target, at);
  }

  private ScrollTarget scrollTarget(Fields fields) {
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
      default -> "wait: 500";
    };
  }
}
