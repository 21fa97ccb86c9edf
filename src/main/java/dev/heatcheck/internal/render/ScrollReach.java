package dev.heatcheck.internal.render;

import dev.heatcheck.result.HeatcheckException;
import java.util.List;
import java.util.Objects;

/**
 * How far down a page its views got.
 *
 * @param docHeight the page's full height in CSS px; 0 when unknown, and then the screenshot's bottom
 *     counts as the page's end
 * @param viewportHeight the height of the viewport the page was seen in: where the fold is
 * @param reach per page view, the deepest page y it saw: its largest scrollY plus the viewport height
 */
public record ScrollReach(int docHeight, int viewportHeight, List<Double> reach) {
  public ScrollReach {
    Objects.requireNonNull(reach, "reach");
    if (docHeight < 0) {
      throw new HeatcheckException(
          "scroll reach docHeight must be 0 (unknown) or more px, was " + docHeight);
    }
    if (viewportHeight < 0) {
      throw new HeatcheckException(
          "scroll reach viewportHeight must be 0 or more px, was " + viewportHeight);
    }
    reach = List.copyOf(reach);
    for (int view = 0; view < reach.size(); view++) {
      double depth = reach.get(view);
      if (!(depth >= 0 && depth < Double.POSITIVE_INFINITY)) {
        throw new HeatcheckException(
            "scroll reach of page view " + view + " must be a depth of 0 px or more, was " + depth);
      }
    }
  }
}
