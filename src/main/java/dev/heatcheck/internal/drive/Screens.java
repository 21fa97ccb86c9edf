package dev.heatcheck.internal.drive;

import java.nio.file.Path;
import java.util.Locale;

/** How files about one page at one viewport are named: {@code product-1-1280x800}. */
public final class Screens {
  private Screens() {}

  public static String stem(String page, String viewport) {
    return slug(page) + "-" + viewport;
  }

  public static Path file(Path dir, String page, String viewport) {
    return dir.resolve(stem(page, viewport) + ".png");
  }

  static String slug(String page) {
    String slug =
        page.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return slug.isEmpty() ? "home" : slug;
  }
}
