package dev.heatcheck.internal.scenario;

/** Where a scroll step scrolls to, or by how much. */
public sealed interface ScrollTarget {
  record ToTop() implements ScrollTarget {}

  record ToBottom() implements ScrollTarget {}

  record ToSelector(String css) implements ScrollTarget {}

  /** An absolute vertical page offset in CSS pixels. */
  record ToY(double y) implements ScrollTarget {}

  /** A relative vertical offset in CSS pixels; negative scrolls up. */
  record By(double dy) implements ScrollTarget {}

  /**
   * A share of the page's scrollable height (0 the top, 1 the bottom), drawn per visitor uniformly from
   * [min, max]; min equal to max is a fixed depth.
   */
  record Depth(double min, double max) implements ScrollTarget {}

  /** A replayed scroll of an inner scroll container to {@code x, y} (scrollLeft, scrollTop). */
  record Within(Target.Located target, double x, double y) implements ScrollTarget {}
}
