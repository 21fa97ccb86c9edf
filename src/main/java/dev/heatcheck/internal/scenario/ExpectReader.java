package dev.heatcheck.internal.scenario;

import dev.heatcheck.internal.scenario.Node.ListNode;
import dev.heatcheck.internal.scenario.Node.MapNode;
import dev.heatcheck.result.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code expect:}. Each key takes one rule (a map) or a list of them:
 *
 * <pre>
 * expect:
 *   deadClicks: {max: 0}
 *   rageClicks: [{max: 0, page: /checkout}, {warn: 1, max: 3, per: visitor}]
 *   newErrorClicks: {max: 0}
 *   scrollReach: {selector: "#pricing", min: 0.5}
 *   clickShare: {selector: "#buy", page: /checkout, min: 0.2}
 *   failedVisitors: {max: 1}
 *   divergedActions: {max: 0}
 * </pre>
 */
final class ExpectReader {
  private static final Map<String, Kind> FRICTION =
      Map.of("deadClicks", Kind.DEAD, "rageClicks", Kind.RAGE, "errorClicks", Kind.ERROR);
  private static final List<String> KEYS = List.of(
      "deadClicks",
      "rageClicks",
      "errorClicks",
      "newDeadClicks",
      "newRageClicks",
      "newErrorClicks",
      "scrollReach",
      "clickShare",
      Expectation.FailureLimit.VISITORS,
      Expectation.FailureLimit.PAGES,
      Expectation.FailureLimit.DIVERGED);
  private static final List<String> FRICTION_KEYS =
      List.of("max", "warn", "page", "selector", "viewport", "per");
  private static final List<String> PER = List.of("100 clicks", "visitor");
  /** More failed visitors or pages than a scenario can have is a typo. */
  static final int MAX_FAILURES = 1_000_000;

  private final Problems problems;
  private final Values values;

  ExpectReader(Problems problems, Values values) {
    this.problems = problems;
    this.values = values;
  }

  Expectations read(Node node) {
    if (!(node instanceof MapNode map)) {
      return values.wrong(node, "expect", "a map like {deadClicks: {max: 0}}");
    }
    Fields fields = new Fields(map, "expect", KEYS, problems);
    List<Expectation> rules = new ArrayList<>();
    for (String key : KEYS) {
      if (fields.has(key)) {
        for (Node rule : items(fields.get(key))) {
          Expectation read = rule(key, rule, fields.keyAt(key));
          if (read != null) {
            rules.add(read);
          }
        }
      }
    }
    return new Expectations(rules);
  }

  private static List<Node> items(Node node) {
    return node instanceof ListNode list ? list.items() : List.of(node);
  }

  private Expectation rule(String key, Node node, Location keyAt) {
    String what = "expect." + key;
    if (!(node instanceof MapNode map)) {
      return values.wrong(node, what, example(key));
    }
    // a rule written as the only value of its key points at the key, as a reader looks for it
    Location at = node.at().line() == keyAt.line() ? keyAt : node.at();
    return switch (key) {
      case "scrollReach" -> scrollReach(map, what, at);
      case "clickShare" -> clickShare(map, what, at);
      case Expectation.FailureLimit.VISITORS,
          Expectation.FailureLimit.PAGES,
          Expectation.FailureLimit.DIVERGED -> failureLimit(key, map, what, at);
      default -> friction(key, map, what, at);
    };
  }

  private Expectation friction(String key, MapNode map, String what, Location at) {
    boolean onlyNew = key.startsWith("new");
    Kind kind =
        FRICTION.get(onlyNew ? Character.toLowerCase(key.charAt(3)) + key.substring(4) : key);
    Fields fields = new Fields(map, what, FRICTION_KEYS, problems);
    Double max = fields.has("max") ? values.number(fields.get("max"), what + ".max", 0) : null;
    Double warn = fields.has("warn") ? values.number(fields.get("warn"), what + ".warn", 0) : null;
    if (!fields.has("max") && !fields.has("warn")) {
      problems.add(
          fields.at(), what + ": max or warn is required, e.g. {max: 0} or {warn: 0, max: 3}");
      return null;
    }
    if (max != null && warn != null && warn > max) {
      problems.add(
          fields.keyAt("warn"),
          what + ": warn (" + shown(warn) + ") must not be above max (" + shown(max) + ")");
    }
    Expectation.Scope scope = new Expectation.Scope(
        optional(fields, "page", what), optional(fields, "selector", what), viewport(fields, what));
    return new Expectation.Friction(kind, onlyNew, scope, per(fields, what), warn, max, at);
  }

  private Expectation scrollReach(MapNode map, String what, Location at) {
    Fields fields =
        new Fields(map, what, List.of("selector", "y", "page", "min", "warn"), problems);
    String selector = optional(fields, "selector", what);
    Double y = fields.has("y") ? values.number(fields.get("y"), what + ".y", 0) : null;
    if (fields.has("selector") == fields.has("y")) {
      problems.add(
          fields.at(),
          what + ": give either selector or y, e.g. {selector: \"#pricing\", min: 0.5}");
    }
    Double min = share(fields, "min", what);
    Double warn = share(fields, "warn", what);
    if (!fields.has("min") && !fields.has("warn")) {
      problems.add(
          fields.at(),
          what
              + ": min or warn is required (a share of views from 0 to 1), e.g. {selector: \"#pricing\", min: 0.5}");
    }
    return new Expectation.ScrollReach(selector, y, optional(fields, "page", what), warn, min, at);
  }

  private Expectation clickShare(MapNode map, String what, Location at) {
    Fields fields = new Fields(map, what, List.of("selector", "page", "min", "max"), problems);
    String selector = optional(fields, "selector", what);
    if (!fields.has("selector")) {
      problems.add(
          fields.at(), what + ": selector is required, e.g. {selector: \"#buy\", min: 0.2}");
    }
    Double min = share(fields, "min", what);
    Double max = share(fields, "max", what);
    if (!fields.has("min") && !fields.has("max")) {
      problems.add(
          fields.at(),
          what
              + ": min or max is required (a share of clicks from 0 to 1), e.g. {selector: \"#buy\", min: 0.2}");
    }
    return new Expectation.ClickShare(selector, optional(fields, "page", what), min, max, at);
  }

  private Expectation failureLimit(String key, MapNode map, String what, Location at) {
    Fields fields = new Fields(map, what, List.of("max"), problems);
    if (!fields.has("max")) {
      problems.add(fields.at(), what + ": max is required, e.g. {max: 0}");
      return null;
    }
    Integer max = values.integer(fields.get("max"), what + ".max", 0, MAX_FAILURES);
    return max == null ? null : new Expectation.FailureLimit(key, max, at);
  }

  private Double share(Fields fields, String key, String what) {
    if (!fields.has(key)) {
      return null;
    }
    Double share = values.number(fields.get(key), what + "." + key, 0);
    if (share != null && share > 1) {
      problems.add(
          fields.get(key).at(),
          what + "." + key + ": a share is from 0 to 1 (0.5 is half), got "
              + fields.get(key).shown());
      return null;
    }
    return share;
  }

  private Expectation.Per per(Fields fields, String what) {
    if (!fields.has("per")) {
      return Expectation.Per.ALL;
    }
    String per = values.string(fields.get("per"), what + ".per", "\"100 clicks\" or \"visitor\"");
    if (per == null) {
      return Expectation.Per.ALL;
    }
    if (!PER.contains(per)) {
      problems.add(
          fields.get("per").at(),
          what + ".per: expected \"100 clicks\" or \"visitor\", got "
              + fields.get("per").shown());
      return Expectation.Per.ALL;
    }
    return per.equals("visitor") ? Expectation.Per.VISITOR : Expectation.Per.HUNDRED_CLICKS;
  }

  private String viewport(Fields fields, String what) {
    String viewport = optional(fields, "viewport", what);
    if (viewport != null && !viewport.matches("\\d+x\\d+")) {
      problems.add(
          fields.get("viewport").at(),
          what + ".viewport: expected WIDTHxHEIGHT like 390x844, got "
              + fields.get("viewport").shown());
      return null;
    }
    return viewport;
  }

  private String optional(Fields fields, String key, String what) {
    return fields.has(key)
        ? values.string(fields.get(key), what + "." + key, "a non-empty string")
        : null;
  }

  private static String example(String key) {
    return switch (key) {
      case "scrollReach" -> "a map like {selector: \"#pricing\", min: 0.5}, or a list of them";
      case "clickShare" -> "a map like {selector: \"#buy\", min: 0.2}, or a list of them";
      default -> "a map like {max: 0}, or a list of them";
    };
  }

  private static String shown(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
