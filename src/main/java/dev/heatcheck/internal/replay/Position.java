package dev.heatcheck.internal.replay;

/**
 * Where a targeted action happened, the last fallback when no locator finds the element.
 *
 * @param origin what {@code x, y} are measured from
 */
public record Position(double x, double y, Origin origin) {
  public enum Origin {
    /** The top document's viewport (rrweb's clientX/clientY in the top document). */
    VIEWPORT,
    /** The viewport of the iframe named by {@link Target#frame()} (rrweb's clientX/clientY inside a frame). */
    FRAME,
    /** The top document's page, scroll included (heatcheck's events without a viewport point). */
    PAGE,
    /** The element's top left corner (DevTools offsetX/offsetY). */
    ELEMENT
  }
}
