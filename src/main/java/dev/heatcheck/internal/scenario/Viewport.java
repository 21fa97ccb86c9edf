package dev.heatcheck.internal.scenario;

/** A browser window size in CSS pixels. */
public record Viewport(int width, int height) {
  /** The size used when a scenario names none: a common laptop screen. */
  public static final Viewport DEFAULT = new Viewport(1280, 800);

  public String label() {
    return width + "x" + height;
  }

  /** The size a {@link #label()} names ("1280x800"), or null for any other text. */
  public static Viewport ofLabel(String label) {
    int x = label.indexOf('x');
    try {
      return x < 0
          ? null
          : new Viewport(
              Integer.parseInt(label.substring(0, x)), Integer.parseInt(label.substring(x + 1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
