package dev.heatcheck.internal.scenario;

/** A browser window size in CSS pixels. */
public record Viewport(int width, int height) {
  /** The size used when a scenario names none: a common laptop screen. */
  public static final Viewport DEFAULT = new Viewport(1280, 800);

  public String label() {
    return width + "x" + height;
  }
}
