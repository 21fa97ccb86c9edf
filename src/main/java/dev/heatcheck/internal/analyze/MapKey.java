package dev.heatcheck.internal.analyze;

/** One set of maps: a page (or page group such as /product/:id) in one viewport bucket. */
public record MapKey(String page, String bucket) implements Comparable<MapKey> {
  @Override
  public int compareTo(MapKey other) {
    int byPage = page.compareTo(other.page);
    return byPage != 0 ? byPage : bucket.compareTo(other.bucket);
  }

  @Override
  public String toString() {
    return page + " @ " + bucket;
  }
}
