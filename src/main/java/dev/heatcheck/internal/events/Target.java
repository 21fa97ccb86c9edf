package dev.heatcheck.internal.events;

import java.util.List;

/**
 * What was under the pointer: a selector stable enough to aggregate on, a description for people, and
 * the click's position inside the element's box as fractions (for re-projection onto another layout).
 *
 * @param box page coordinates [x, y, width, height]
 * @param selector finds the element again: CSS, where {@code host >> inner} continues inside an open shadow
 *     root (Playwright's chaining) and {@code frame >>> inner} continues inside an iframe's document
 * @param editable a text input, select, textarea, contenteditable or canvas: clicks there are for typing or
 *     drawing, never judged dead
 * @param fixed the element (or the frame holding it) is position: fixed, or sticky and stuck, so it stays
 *     put in the viewport while the page scrolls: place its clicks by the click's {@code vx, vy}
 * @param ignored inside {@code [data-heatcheck-ignore]}: never judged dead, never part of a rage click
 * @param frame the selector of the top document's iframe the element is in; null in the top document
 */
public record Target(
    String selector,
    String tag,
    String text,
    String role,
    String href,
    boolean interactive,
    boolean editable,
    List<Double> box,
    double rx,
    double ry,
    boolean fixed,
    boolean ignored,
    String frame) {
  public Target(
      String selector,
      String tag,
      String text,
      String role,
      String href,
      boolean interactive,
      boolean editable,
      List<Double> box,
      double rx,
      double ry) {
    this(selector, tag, text, role, href, interactive, editable, box, rx, ry, false, false, null);
  }
}
