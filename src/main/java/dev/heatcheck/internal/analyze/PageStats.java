package dev.heatcheck.internal.analyze;

import java.util.List;
import java.util.Map;

/**
 * Everything seen of one page (group) in one viewport bucket, over all visitors and scenarios.
 *
 * @param viewports how many views each exact viewport ("1280x800") had
 * @param paths how many views each URL path had (several when the page is a group like /product/:id)
 * @param docHeight the tallest the document was seen
 * @param fold the average viewport height: what a visitor sees without scrolling
 * @param reach for each view, the deepest point seen (scroll position + viewport height)
 * @param elements clicks per element, most clicked first
 * @param containers the page's inner scroll containers that views scrolled
 */
public record PageStats(
    MapKey key,
    int views,
    Map<String, Integer> viewports,
    Map<String, Integer> paths,
    int docHeight,
    int fold,
    List<Double> reach,
    int clicks,
    List<ElementStats> elements,
    List<ContainerStats> containers) {
  public PageStats {
    containers = List.copyOf(containers);
    viewports = Map.copyOf(viewports);
    paths = Map.copyOf(paths);
    reach = List.copyOf(reach);
    elements = List.copyOf(elements);
  }

  /**
   * For 75, 50 and 25 (% of views): the deepest page y that share of views saw, the k-th deepest reach
   * with k = share × views. Empty without views.
   */
  public Map<String, Integer> reached() {
    List<Double> deepestFirst =
        reach.stream().sorted(java.util.Comparator.reverseOrder()).toList();
    Map<String, Integer> reached = new java.util.LinkedHashMap<>();
    for (int percent : new int[] {75, 50, 25}) {
      if (!deepestFirst.isEmpty()) {
        int k = (int) Math.ceil(percent / 100.0 * deepestFirst.size()) - 1;
        reached.put(
            String.valueOf(percent), (int) Math.min(docHeight, Math.round(deepestFirst.get(k))));
      }
    }
    return reached;
  }

  /** The viewport most views had (the widest on a tie): the layout the maps are drawn on. */
  public String mainViewport() {
    return mostSeen(viewports, (a, b) -> Integer.compare(width(a), width(b)));
  }

  /** The path most views had: the page the maps are drawn on. */
  public String mainPath() {
    return mostSeen(paths, (a, b) -> b.compareTo(a));
  }

  private static String mostSeen(Map<String, Integer> counts, java.util.Comparator<String> tie) {
    return counts.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey, tie))
        .map(Map.Entry::getKey)
        .orElse("?");
  }

  static int width(String viewport) {
    try {
      return Integer.parseInt(viewport.substring(0, viewport.indexOf('x')));
    } catch (RuntimeException e) {
      return 0;
    }
  }
}
