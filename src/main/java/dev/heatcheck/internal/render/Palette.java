package dev.heatcheck.internal.render;

/**
 * The heat colours and the pixel arithmetic around them. All integer or table lookups, so that the
 * same input always gives the same bytes.
 */
final class Palette {
  /**
   * Stops of the gradient in percent of the hottest spot: heat, red, green, blue, alpha. Alpha rises
   * with heat so cold areas stay see-through, and below 4 % nothing is drawn, so the blur's far tails
   * leave the page untouched.
   */
  private static final int[][] STOPS = {
    {0, 0, 0, 255, 0},
    {4, 0, 0, 255, 0},
    {15, 0, 0, 255, 120},
    {35, 0, 220, 255, 160},
    {55, 0, 230, 0, 185},
    {78, 255, 235, 0, 205},
    {100, 230, 0, 0, 220},
  };

  static final int LEVELS = 1024;
  private static final int[] TABLE = table(STOPS);

  // the page is greyed and darkened a little so that blue and yellow stay readable over white
  private static final int KEEP_SATURATION_PERCENT = 55;
  private static final int KEEP_BRIGHTNESS_PERCENT = 82;

  private Palette() {}

  /** The ARGB colour for a heat from 0 (transparent) to 1 (hottest). */
  static int color(float heat) {
    return lookUp(TABLE, heat);
  }

  /** The background as the heatmap shows it: transparency flattened onto white, then greyed and dimmed. */
  static int dim(int argb) {
    int opaque = blend(0xFFFFFF, argb);
    int r = (opaque >> 16) & 0xFF;
    int g = (opaque >> 8) & 0xFF;
    int b = opaque & 0xFF;
    int luma = (77 * r + 150 * g + 29 * b + 128) >> 8;
    return rgb(dimChannel(r, luma), dimChannel(g, luma), dimChannel(b, luma));
  }

  /** Paints {@code argb} over the opaque {@code rgb}; the result is opaque. */
  static int blend(int rgb, int argb) {
    int alpha = argb >>> 24;
    return rgb(
        mix((rgb >> 16) & 0xFF, (argb >> 16) & 0xFF, alpha),
        mix((rgb >> 8) & 0xFF, (argb >> 8) & 0xFF, alpha),
        mix(rgb & 0xFF, argb & 0xFF, alpha));
  }

  /** {@code argb} with its opacity scaled to {@code percent} of what it was. */
  static int fade(int argb, int percent) {
    int alpha = ((argb >>> 24) * percent + 50) / 100;
    return alpha << 24 | (argb & 0xFFFFFF);
  }

  private static int dimChannel(int channel, int luma) {
    int grey = luma + (channel - luma) * KEEP_SATURATION_PERCENT / 100;
    return grey * KEEP_BRIGHTNESS_PERCENT / 100;
  }

  private static int mix(int under, int over, int alpha) {
    return (under * (255 - alpha) + over * alpha + 127) / 255;
  }

  private static int rgb(int r, int g, int b) {
    return 0xFF000000 | r << 16 | g << 8 | b;
  }

  /**
   * The ARGB colours of {@value #LEVELS} levels from 0 to 100 % along {@code stops}, each stop being
   * percent, red, green, blue, alpha, from 0 to 100 %; looked up as {@link #color(float)} does.
   */
  static int[] table(int[][] stops) {
    int[] table = new int[LEVELS];
    for (int level = 0; level < LEVELS; level++) {
      table[level] = interpolate(stops, level * 100.0 / (LEVELS - 1));
    }
    return table;
  }

  /** The entry of a {@link #table(int[][])} for {@code fraction} from 0 to 1. */
  static int lookUp(int[] table, float fraction) {
    float clamped = Math.max(0f, Math.min(1f, fraction));
    return table[Math.round(clamped * (LEVELS - 1))];
  }

  private static int interpolate(int[][] stops, double heat) {
    int upper = 1;
    while (upper < stops.length - 1 && stops[upper][0] < heat) {
      upper++;
    }
    int[] from = stops[upper - 1];
    int[] to = stops[upper];
    double f = (heat - from[0]) / (to[0] - from[0]);
    int[] argb = new int[5];
    for (int channel = 1; channel < 5; channel++) {
      argb[channel] = (int) Math.round(from[channel] + (to[channel] - from[channel]) * f);
    }
    return argb[4] << 24 | argb[1] << 16 | argb[2] << 8 | argb[3];
  }
}
