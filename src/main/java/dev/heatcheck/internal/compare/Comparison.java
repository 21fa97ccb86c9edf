package dev.heatcheck.internal.compare;

import dev.heatcheck.result.Finding;
import java.util.List;
import java.util.Map;

/**
 * What changed from a baseline run to a new one: per page × bucket, and the friction that appeared or
 * went away. compare.json holds it.
 *
 * @param newFindings friction in the new run on a target that had none of that kind before
 * @param resolvedFindings friction of the baseline that the new run no longer has
 */
public record Comparison(
    int version,
    String base,
    String head,
    List<PageChange> pages,
    List<Finding> newFindings,
    List<Finding> resolvedFindings) {
  public static final int VERSION = 1;

  /**
   * One page × bucket in both runs.
   *
   * @param diffMap the difference heatmap (blue fewer, red more clicks per view), relative to the output
   * @param elements click share changes, largest first
   * @param reach the depths 75/50/25 % of views reached, before and after
   * @param gone clicks of either run whose element is not on the screenshot drawn on
   */
  public record PageChange(
      String page,
      String bucket,
      int baseViews,
      int headViews,
      String diffMap,
      List<ShareChange> elements,
      Map<String, Reach> reach,
      Map<String, Integer> gone) {}

  /** An element's share of its page's clicks, before and after; change = head − base. */
  public record ShareChange(
      String selector, String text, double baseShare, double headShare, double change) {}

  /** A depth before and after, in page pixels; null where the run did not have the page. */
  public record Reach(Integer base, Integer head) {}
}
