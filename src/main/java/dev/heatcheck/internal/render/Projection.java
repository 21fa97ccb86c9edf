package dev.heatcheck.internal.render;

import dev.heatcheck.internal.drive.Shot;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.Target;
import java.util.List;
import java.util.Optional;

/**
 * Places recorded events on the screenshot being drawn on. A click goes to the same fraction of its
 * element's box there (element anchoring); without its element it stays where it was recorded only
 * when the screenshot shows the layout it was recorded on, else its element is gone.
 */
public final class Projection {
  /** How a click was placed. */
  public enum Placement {
    ANCHORED,
    AS_RECORDED,
    GONE
  }

  /** Where a click goes, and how it got there; x and y are meaningless when gone. */
  public record Placed(Placement placement, double x, double y) {}

  private final Optional<Shot> shot;
  private final boolean recordedLayout;
  private final String viewport;

  /**
   * @param viewport the viewport ("1280x800") of the screenshot drawn on
   * @param recordedLayout the screenshot shows the layout the events were recorded on
   */
  public Projection(Optional<Shot> shot, String viewport, boolean recordedLayout) {
    this.shot = shot;
    this.viewport = viewport;
    this.recordedLayout = recordedLayout;
  }

  /** @param recordedAt the viewport the click was recorded at */
  public Placed click(Event.Click click, String recordedAt) {
    Target target = click.target();
    Optional<List<Double>> box =
        target == null ? Optional.empty() : shot.flatMap(s -> s.anchor(target.selector()));
    if (box.isPresent()) {
      List<Double> b = box.get();
      return new Placed(
          Placement.ANCHORED, b.get(0) + target.rx() * b.get(2), b.get(1) + target.ry() * b.get(3));
    }
    if (recordedLayout && recordedAt.equals(viewport)) {
      return new Placed(Placement.AS_RECORDED, click.x(), click.y());
    }
    return new Placed(Placement.GONE, Double.NaN, Double.NaN);
  }

  /** Pointer positions have no element: on another width they are scaled across and kept in depth. */
  public double[] move(Event.Move move, String recordedAt) {
    double scale = (double) width(viewport) / Math.max(1, width(recordedAt));
    return new double[] {move.x() * scale, move.y()};
  }

  static int width(String viewport) {
    int x = viewport.indexOf('x');
    try {
      return x > 0 ? Integer.parseInt(viewport.substring(0, x)) : 1280;
    } catch (NumberFormatException e) {
      return 1280;
    }
  }
}
