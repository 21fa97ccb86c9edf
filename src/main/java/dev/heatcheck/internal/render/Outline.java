package dev.heatcheck.internal.render;

import dev.heatcheck.result.HeatcheckException;
import dev.heatcheck.result.Kind;
import java.util.Objects;

/**
 * A target to mark on a page image: its box in page coordinates (CSS px, the image's pixels) and how
 * many dead or error clicks it got, or how many rage bursts.
 */
public record Outline(Kind kind, double x, double y, double width, double height, int count) {
  public Outline {
    Objects.requireNonNull(kind, "kind");
    if (!(Double.isFinite(x) && Double.isFinite(y))) {
      throw new HeatcheckException(
          kind.id() + " outline needs a finite position, was (" + x + ", " + y + ")");
    }
    if (!(width >= 0 && height >= 0 && Double.isFinite(width) && Double.isFinite(height))) {
      throw new HeatcheckException(
          kind.id() + " outline needs a size of 0 px or more, was " + width + "\u00d7" + height);
    }
    if (count < 1) {
      throw new HeatcheckException(kind.id() + " outline needs a count of 1 or more, was " + count);
    }
  }
}
