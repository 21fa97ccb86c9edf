package dev.heatcheck.events;

import java.util.List;

/**
 * What was under the pointer: a selector stable enough to aggregate on, a description for people, and
 * the click's position inside the element's box as fractions (for re-projection onto another layout).
 *
 * @param box page coordinates [x, y, width, height]
 * @param editable a text input, select, textarea, contenteditable or canvas: clicks there are for typing or
 *     drawing, never judged dead
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
    double ry) {}
