package dev.heatcheck.internal.scenario;

import java.util.List;

/** What a click step clicks on. */
public sealed interface Target {
  record BySelector(String css) implements Target {}

  record ByText(String text) implements Target {}

  /** Page coordinates in CSS pixels, for spots that have no useful selector. */
  record At(double x, double y) implements Target {}

  /**
   * A point in an iframe's viewport (a replayed rrweb move inside a frame): the iframe element is found by
   * the first of {@code frame}'s candidates that finds a visible one, as a replayed click's element is, and
   * the point is taken from its content box's top left corner, as the page lays it out now.
   *
   * @param recordedMs when the visitor did it, ms into the recording; null when unknown
   */
  record InFrame(List<String> frame, double x, double y, Long recordedMs) implements Target {
    public InFrame {
      frame = List.copyOf(frame);
    }
  }

  /**
   * A replayed action's element ({@code heatcheck replay}, or {@code click: {locate: [...], x, y}}): locator
   * candidates tried in order (Playwright selectors; {@code frame >>> inner} enters an iframe, {@code host >>
   * inner} a shadow root), then the recorded viewport point. Never fails a visit: an element no candidate
   * finds is a divergence, reported, and the visit goes on.
   *
   * @param x the recorded viewport point, the fallback; null with y when none was recorded
   * @param recordedMs when the visitor did it, ms into the recording; null when unknown
   */
  record Located(List<String> locate, Double x, Double y, Long recordedMs) implements Target {
    public Located {
      locate = List.copyOf(locate);
    }

    /** Whether a recorded point is there to fall back on. */
    public boolean hasPoint() {
      return x != null && y != null;
    }
  }
}
