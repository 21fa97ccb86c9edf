package dev.heatcheck.internal.scenario;

/** What a click step clicks on. */
public sealed interface Target {
  record BySelector(String css) implements Target {}

  record ByText(String text) implements Target {}

  /** Page coordinates in CSS pixels, for spots that have no useful selector. */
  record At(double x, double y) implements Target {}
}
