package dev.heatcheck.internal.scenario;

import dev.heatcheck.result.Kind;

/**
 * One rule of a scenario's {@code expect:}. Each keeps {@code at}, where it is written, so a failed
 * check points back at it. A rule fails past {@code max} (or under {@code min}) and warns past
 * {@code warn} without failing the build.
 */
public sealed interface Expectation {
  Location at();

  /** How the rule is named in checks, e.g. "deadClicks on /checkout per 100 clicks". */
  String name();

  /** What a friction count is divided by. */
  enum Per {
    ALL("", 1),
    HUNDRED_CLICKS(" per 100 clicks", 100),
    VISITOR(" per visitor", 1);

    private final String shown;
    private final int scale;

    Per(String shown, int scale) {
      this.shown = shown;
      this.scale = scale;
    }

    public String shown() {
      return shown;
    }

    public int scale() {
      return scale;
    }
  }

  /** Narrows a rule to a page (path or pages: pattern), an element and a viewport; null is any. */
  record Scope(String page, String selector, String viewport) {
    public static final Scope ANY = new Scope(null, null, null);

    String shown() {
      return (selector == null ? "" : " on " + selector)
          + (page == null ? "" : " on " + page)
          + (viewport == null ? "" : " at " + viewport);
    }
  }

  /**
   * Dead or error clicks, or rage bursts; with {@code onlyNew}, only those on targets the baseline run
   * did not have (compare, run --baseline).
   */
  record Friction(
      Kind kind, boolean onlyNew, Scope scope, Per per, Double warn, Double max, Location at)
      implements Expectation {
    @Override
    public String name() {
      String base = kind.id() + "Clicks";
      return (onlyNew ? "new" + Character.toUpperCase(base.charAt(0)) + base.substring(1) : base)
          + scope.shown()
          + per.shown();
    }
  }

  /** The share of page views that saw an element (its top edge) or a depth {@code y}. */
  record ScrollReach(String selector, Double y, String page, Double warn, Double min, Location at)
      implements Expectation {
    @Override
    public String name() {
      return "scrollReach " + (selector != null ? selector : "y " + y.longValue())
          + (page == null ? "" : " on " + page);
    }
  }

  /** An element's share of the clicks on its page (of the scenario's clicks when no page is named). */
  record ClickShare(String selector, String page, Double min, Double max, Location at)
      implements Expectation {
    @Override
    public String name() {
      return "clickShare " + selector + (page == null ? "" : " on " + page);
    }
  }

  /**
   * How many visitors may fail (a deadline passed, the page or the browser crashed: {@code failedVisitors})
   * or how many page loads may fail (an HTTP error status or a cut connection: {@code failedPages}).
   * Without the rule, none may.
   */
  record FailureLimit(String name, int max, Location at) implements Expectation {
    public static final String VISITORS = "failedVisitors";
    public static final String PAGES = "failedPages";
    /** Replayed actions no locator found ({@code heatcheck replay}); without the rule, any number may. */
    public static final String DIVERGED = "divergedActions";
  }
}
