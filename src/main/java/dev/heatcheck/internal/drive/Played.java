package dev.heatcheck.internal.drive;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one visitor's visit left besides its events: whether it could do every step, whether it was
 * ended, and what the screenshots of its viewport must show.
 *
 * @param session the visitor, "scenario/viewport/n"
 * @param failure the step that could not be done, or null; the visitors of this viewport not yet
 *     started are then skipped
 * @param ended why the visitor was ended or not started, or null when it completed
 * @param pageFailures the pages the site failed to serve this visitor
 * @param pagesSeen each page the visitor saw (page key to URL), to be shot
 * @param selectorsClicked the elements it clicked, to be located on the screenshots
 * @param timedOut whether the run's deadline ended or prevented this visit
 */
public record Played(
    String session,
    StepFailure failure,
    VisitorFailure ended,
    List<PageFailure> pageFailures,
    Map<String, String> pagesSeen,
    Set<String> selectorsClicked,
    boolean timedOut) {
  public Played {
    pageFailures = List.copyOf(pageFailures);
    // in the order seen: a group's pages are merged visit by visit, first URL of a page kept
    pagesSeen = Collections.unmodifiableMap(new LinkedHashMap<>(pagesSeen));
    selectorsClicked = Collections.unmodifiableSet(new LinkedHashSet<>(selectorsClicked));
  }

  /** Whether the visitor did not complete: a step that could not be done, or an end. */
  public boolean failed() {
    return failure != null || ended != null;
  }
}
