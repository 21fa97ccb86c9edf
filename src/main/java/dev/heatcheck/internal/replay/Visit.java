package dev.heatcheck.internal.replay;

import java.util.List;

/**
 * One visitor's tab from start to end: what a player drives in one page.
 *
 * @param id the window's id (PostHog's windowId, heatcheck's session), or "1" when the format has none
 * @param startedAt epoch ms of the first event; 0 when untimed
 * @param startUrl the first page
 * @param viewport the first recorded viewport; null when the recording gives none
 * @param actions in recorded order, times from the visit's first event
 */
public record Visit(
    String id, long startedAt, String startUrl, Viewport viewport, List<Action> actions) {
  public Visit {
    actions = List.copyOf(actions);
  }

  /** Whether actions carry recorded times (DevTools flows do not). */
  public boolean timed() {
    return actions.stream().allMatch(Action::timed);
  }
}
