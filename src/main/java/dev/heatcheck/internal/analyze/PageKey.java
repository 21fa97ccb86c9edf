package dev.heatcheck.internal.analyze;

/** What clicks are aggregated over: one page (URL path) at one viewport size ("1280x800"). */
public record PageKey(String page, String viewport) implements Comparable<PageKey> {
  @Override
  public int compareTo(PageKey other) {
    int byPage = page.compareTo(other.page);
    return byPage != 0 ? byPage : viewport.compareTo(other.viewport);
  }

  @Override
  public String toString() {
    return page + " @ " + viewport;
  }
}
