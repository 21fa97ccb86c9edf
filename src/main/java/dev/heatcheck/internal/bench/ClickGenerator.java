package dev.heatcheck.internal.bench;

import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.internal.events.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a repeatable events.jsonl for one long landing page: a view, then clicks that pile up on a few
 * buttons and links with Gaussian scatter, plus clicks anywhere on the page. The same seed, count and
 * size always give the same file.
 */
final class ClickGenerator {
  static final long SEED = 20_260_101L;
  static final String SESSION = "bench/1440x900/1";
  static final String VIEW = SESSION + ":k3j9x2ab";
  private static final long START_MS = 1_767_225_600_000L;
  /** The share of clicks that land anywhere on the page rather than near a hot spot. */
  private static final double NOISE = 0.14;

  private final int width;
  private final int height;
  private final List<HotSpot> spots;

  ClickGenerator(int width, int height) {
    this.width = width;
    this.height = height;
    this.spots = hotSpots(width, height);
  }

  /** Where the clicks pile up, heaviest first. */
  List<HotSpot> spots() {
    return spots;
  }

  /** Writes one view and {@code clicks} clicks on it to {@code file}, replacing it. */
  void write(Path file, long clicks) {
    Random random = new Random(SEED);
    double[] cumulative = cumulativeWeights();
    try (EventLog log = EventLog.create(file)) {
      log.append(new Event.View(VIEW, SESSION, "bench", "http://127.0.0.1/bench", "/bench", 1440, 900, width, height, START_MS));
      long t = START_MS;
      for (long i = 1; i <= clicks; i++) {
        t += 1 + random.nextInt(60);
        HotSpot spot = pick(random, cumulative);
        int x;
        int y;
        Target target;
        if (spot == null) {
          x = random.nextInt(width);
          y = random.nextInt(height);
          target = background(x, y);
        } else {
          int[] point = scatter(random, spot);
          x = point[0];
          y = point[1];
          target = spot.contains(x, y) ? spot.target(x, y) : background(x, y);
        }
        boolean modifier = random.nextInt(500) == 0;
        log.append(new Event.Click(SESSION + ":" + i, VIEW, SESSION, t, x, y, modifier, target));
      }
    }
  }

  private double[] cumulativeWeights() {
    double[] cumulative = new double[spots.size()];
    double sum = 0;
    for (int i = 0; i < spots.size(); i++) {
      sum += spots.get(i).weight();
      cumulative[i] = sum;
    }
    return cumulative;
  }

  private HotSpot pick(Random random, double[] cumulative) {
    double u = random.nextDouble();
    if (u < NOISE) {
      return null;
    }
    double share = (u - NOISE) / (1 - NOISE) * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (share < cumulative[i]) {
        return spots.get(i);
      }
    }
    return spots.get(spots.size() - 1);
  }

  /**
   * A click near the spot, rounded to whole px as the recorder does. One that falls off the page is
   * drawn again; on a page too small for the spot it is moved onto the page's edge instead.
   */
  private int[] scatter(Random random, HotSpot spot) {
    long x = 0;
    long y = 0;
    for (int attempt = 0; attempt < 100; attempt++) {
      x = Math.round(spot.x() + random.nextGaussian() * spot.sigmaX());
      y = Math.round(spot.y() + random.nextGaussian() * spot.sigmaY());
      if (x >= 0 && x < width && y >= 0 && y < height) {
        break;
      }
    }
    return new int[] {(int) Math.max(0, Math.min(width - 1, x)), (int) Math.max(0, Math.min(height - 1, y))};
  }

  /** What a click between the targets hits: the section of the page it is in. */
  private Target background(int x, int y) {
    int sections = 8;
    int sectionHeight = Math.max(1, height / sections);
    int section = Math.min(sections - 1, y / sectionHeight);
    double top = (double) section * sectionHeight;
    List<Double> box = List.of(0.0, top, (double) width, (double) sectionHeight);
    return new Target(
        "main > section:nth-of-type(" + (section + 1) + ")",
        "section",
        SECTION_TEXT[section],
        null,
        null,
        false,
        false,
        box,
        fraction(x, 0, width),
        fraction(y, top, sectionHeight));
  }

  private static final String[] SECTION_TEXT = {
    "Ship faster with fewer surprises",
    "See where visitors click, before your users do",
    "Works with the tools you already use",
    "Dead clicks, rage clicks, error clicks",
    "Trusted by teams who test in CI",
    "Simple pricing that grows with you",
    "Frequently asked questions",
    "© 2026 Example Inc. Privacy Terms Contact",
  };

  private static List<HotSpot> hotSpots(int width, int height) {
    return List.of(
        new HotSpot("#hero .cta-primary", "button", "Start free trial", "button", null,
            width * 0.50, height * 0.13, 240, 56, 30, 12, 0.27),
        new HotSpot("#plan-pro button", "button", "Choose Pro", "button", null,
            width * 0.50, height * 0.62, 200, 48, 24, 10, 0.16),
        new HotSpot("nav a[href=\"/pricing\"]", "a", "Pricing", "link", "/pricing",
            width * 0.66, 36, 80, 24, 14, 8, 0.08),
        new HotSpot("#hero img.screenshot", "img", "", "img", null,
            width * 0.50, height * 0.24, 960, 420, 160, 80, 0.08),
        new HotSpot("#features [role=tab]:nth-of-type(3)", "button", "Integrations", "tab", null,
            width * 0.35, height * 0.38, 160, 44, 20, 10, 0.07),
        new HotSpot("#plan-team button", "button", "Choose Team", "button", null,
            width * 0.77, height * 0.62, 200, 48, 24, 10, 0.07),
        new HotSpot("nav .sign-in", "a", "Sign in", "link", "/login",
            width * 0.80, 36, 90, 36, 12, 8, 0.05),
        new HotSpot("#faq details:nth-of-type(2) > summary", "summary", "Can I cancel anytime?", "button", null,
            width * 0.50, height * 0.80, 880, 56, 120, 12, 0.05),
        new HotSpot("footer a[href=\"/contact\"]", "a", "Contact", "link", "/contact",
            width * 0.20, height * 0.97, 70, 20, 10, 6, 0.03));
  }

  private static double fraction(double value, double start, double length) {
    return length <= 0 ? 0 : Math.round((value - start) / length * 1000) / 1000.0;
  }

  /**
   * An element that draws clicks: its centre, its box, how widely clicks scatter around the centre, and
   * its share of the clicks that are not noise.
   */
  record HotSpot(
      String selector,
      String tag,
      String text,
      String role,
      String href,
      double x,
      double y,
      double boxWidth,
      double boxHeight,
      double sigmaX,
      double sigmaY,
      double weight) {

    boolean contains(int px, int py) {
      return Math.abs(px - x) <= boxWidth / 2 && Math.abs(py - y) <= boxHeight / 2;
    }

    Target target(int px, int py) {
      double left = round1(x - boxWidth / 2);
      double top = round1(y - boxHeight / 2);
      return new Target(selector, tag, text, role, href, !tag.equals("img"), false,
          List.of(left, top, boxWidth, boxHeight), fraction(px, left, boxWidth), fraction(py, top, boxHeight));
    }

    private static double round1(double value) {
      return Math.round(value * 10) / 10.0;
    }
  }
}
