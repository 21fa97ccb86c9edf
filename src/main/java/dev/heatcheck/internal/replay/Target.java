package dev.heatcheck.internal.replay;

import java.util.List;

/**
 * The element an action was aimed at: locators to try in order, then the recorded position.
 *
 * @param candidates locators, best first; empty when the recording named no element (rrweb's id -1)
 * @param tag the element's tag name, lower case; null when unknown (DevTools flows)
 * @param text its visible text or accessible name, for reports; null when unknown or masked
 * @param frame the selector of the iframe (chain) the element is in, as in {@code frame >>> inner}; null in
 *     the top document
 * @param position where it was hit; null when not recorded
 */
public record Target(
    List<Locator> candidates, String tag, String text, String frame, Position position) {
  public Target {
    candidates = List.copyOf(candidates);
  }

  /** The first candidate's selector, or null when there is none. */
  public String selector() {
    return candidates.isEmpty() ? null : candidates.get(0).selector();
  }

  /** How a report names it: the first selector, else the position. */
  public String describe() {
    if (!candidates.isEmpty()) {
      return selector();
    }
    return position == null
        ? "(nothing recorded)"
        : "(" + Math.round(position.x()) + ", " + Math.round(position.y()) + ")";
  }
}
