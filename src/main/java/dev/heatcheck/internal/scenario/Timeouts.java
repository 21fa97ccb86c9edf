package dev.heatcheck.internal.scenario;

/**
 * A scenario's deadlines ({@code timeouts:}), in ms. They hold even when the page never answers again
 * (an endless loop, an endless {@code alert()}): past one, heatcheck ends that visitor and says why.
 *
 * @param step one step, its element's wait included (a {@code wait:} step gets its own ms on top)
 * @param load one page load: the start URL, a {@code goto}
 * @param visit one visitor, from its first page load to its last step
 */
public record Timeouts(int step, int load, int visit) {
  public static final int MAX_MS = 3_600_000;
  private static final Timeouts DEFAULTS = new Timeouts(30_000, 30_000, 300_000);

  public static Timeouts defaults() {
    return DEFAULTS;
  }
}
