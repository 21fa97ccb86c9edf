package dev.heatcheck.internal.analyze;

import java.util.List;

/**
 * An inner scroll container of a page (a scrolling element or frame, by selector) and how far into it
 * the page views that scrolled it got.
 *
 * @param height its scrollable height, the tallest seen
 * @param fold its visible height, on average
 * @param width its width on the page
 * @param reach for each view that scrolled it, the deepest point seen inside it (scroll top + visible height)
 */
public record ContainerStats(String selector, int height, int fold, int width, List<Double> reach) {
  public ContainerStats {
    reach = List.copyOf(reach);
  }
}
