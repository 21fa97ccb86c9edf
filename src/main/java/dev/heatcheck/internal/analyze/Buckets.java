package dev.heatcheck.internal.analyze;

import dev.heatcheck.result.HeatcheckException;
import java.util.ArrayList;
import java.util.List;

/**
 * Viewport widths grouped the way designers think of them: mobile below 768 px, tablet below 1024,
 * desktop from there. Pages are aggregated and drawn per bucket.
 */
public record Buckets(List<Bucket> bounded, String widest) {
  /** Widths below {@code below} (and at or above the bucket before) belong to {@code name}. */
  public record Bucket(String name, int below) {}

  public Buckets {
    bounded = List.copyOf(bounded);
  }

  public static Buckets defaults() {
    return new Buckets(List.of(new Bucket("mobile", 768), new Bucket("tablet", 1024)), "desktop");
  }

  /** The {@link #parse} form: {@code mobile<768,tablet<1024,desktop}. */
  public String spec() {
    StringBuilder spec = new StringBuilder();
    bounded.forEach(b -> spec.append(b.name()).append('<').append(b.below()).append(','));
    return spec.append(widest).toString();
  }

  public String of(int width) {
    for (Bucket bucket : bounded) {
      if (width < bucket.below()) {
        return bucket.name();
      }
    }
    return widest;
  }

  /**
   * Parses {@code mobile<768,tablet<1024,desktop}: bounds rising, the last without one.
   *
   * @throws HeatcheckException naming what is wrong
   */
  public static Buckets parse(String text) {
    String[] parts = text.split(",");
    List<Bucket> bounded = new ArrayList<>();
    int last = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      String[] nameAndBound = parts[i].strip().split("<");
      int below = nameAndBound.length == 2 ? parseBound(nameAndBound[1].strip(), text) : -1;
      if (below <= last || !isName(nameAndBound[0].strip())) {
        throw new HeatcheckException(
            "--buckets: expected names with rising widths like mobile<768,tablet<1024,desktop, got \""
                + text + "\"");
      }
      bounded.add(new Bucket(nameAndBound[0].strip(), below));
      last = below;
    }
    String widest = parts[parts.length - 1].strip();
    if (!isName(widest)) {
      throw new HeatcheckException(
          "--buckets: the last bucket is a name without a width (like desktop), got \"" + text
              + "\"");
    }
    return new Buckets(bounded, widest);
  }

  private static boolean isName(String name) {
    return name.matches("[a-z][a-z0-9-]*");
  }

  private static int parseBound(String bound, String text) {
    try {
      return Integer.parseInt(bound);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
