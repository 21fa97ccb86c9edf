package dev.heatcheck.result;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page (or {@code pages:} group) in one viewport bucket, as a run saw it.
 *
 * @param bucket the viewport bucket, e.g. "desktop"
 * @param viewports page views per exact viewport in the bucket, e.g. {"1280x800": 2}
 * @param clickMap the click heatmap of the page, null when none was drawn
 * @param elements the clicked elements, most clicked first
 */
public record PageSummary(
    String page,
    String bucket,
    Map<String, Integer> viewports,
    int views,
    int clicks,
    Path clickMap,
    List<Element> elements) {
  public PageSummary {
    viewports = Collections.unmodifiableMap(new LinkedHashMap<>(viewports));
    elements = List.copyOf(elements);
  }

  /**
   * Clicks on one element of a page.
   *
   * @param share the element's share of the page's clicks, 0 to 1
   * @param dead dead clicks on it; {@code rage} counts bursts
   */
  public record Element(
      String selector, String text, int clicks, double share, int dead, int rage, int error) {}
}
