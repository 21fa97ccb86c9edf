package dev.heatcheck.testng;

import dev.heatcheck.internal.browser.Remote;
import dev.heatcheck.internal.crowd.Workers;
import dev.heatcheck.internal.drive.VisitorRandom;
import dev.heatcheck.result.HeatcheckException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.testng.ITestContext;

/**
 * How the scenario suite runs, from system properties ({@code -Dheatcheck.baseUrl=...}) or else the
 * suite file's {@code <parameter>}s of the same names.
 */
record SuiteSettings(
    Path scenarios,
    String baseUrl,
    boolean demo,
    Path out,
    boolean install,
    Optional<Path> browser,
    String browserUrl,
    String grid,
    int workers,
    Long seed) {
  static final String SCENARIOS = "heatcheck.scenarios";
  static final String BASE_URL = "heatcheck.baseUrl";
  static final String DEMO = "heatcheck.demo";
  static final String OUT = "heatcheck.out";
  static final String INSTALL = "heatcheck.install";
  static final String BROWSER = "heatcheck.browser";
  static final String BROWSER_URL = "heatcheck.browserUrl";
  static final String GRID = "heatcheck.grid";
  static final String WORKERS = Workers.PROPERTY;
  static final String SEED = VisitorRandom.PROPERTY;

  static SuiteSettings of(ITestContext context) {
    return of(name -> {
      String value = System.getProperty(name);
      if (blank(value) && context != null && context.getCurrentXmlTest() != null) {
        value = context.getCurrentXmlTest().getParameter(name);
      }
      return blank(value) ? null : value.strip();
    });
  }

  static SuiteSettings of(UnaryOperator<String> lookup) {
    return new SuiteSettings(
        Path.of(orElse(lookup.apply(SCENARIOS), "scenarios")),
        lookup.apply(BASE_URL),
        Boolean.parseBoolean(lookup.apply(DEMO)),
        Path.of(orElse(lookup.apply(OUT), "target/heatcheck")),
        Boolean.parseBoolean(lookup.apply(INSTALL)),
        Optional.ofNullable(lookup.apply(BROWSER)).map(Path::of),
        lookup.apply(BROWSER_URL),
        lookup.apply(GRID),
        workers(lookup.apply(WORKERS)),
        seed(lookup.apply(SEED)));
  }

  /**
   * A Playwright server ({@value #BROWSER_URL}) or a Selenium Grid ({@value #GRID}), if one is named;
   * checked when a test runs, so a bad value fails each test with its one line.
   */
  Optional<Remote> remote() {
    if (browserUrl != null && grid != null) {
      throw new HeatcheckException(
          BROWSER_URL + " and " + GRID + " both name a remote browser; set one of them");
    }
    if (browserUrl != null) {
      return Optional.of(Remote.playwrightServer(browserUrl, BROWSER_URL));
    }
    return grid == null ? Optional.empty() : Optional.of(Remote.grid(grid, GRID));
  }

  /** heatcheck.workers: 1 to 64, or unset (0) to leave it to the scenario or the machine. */
  static int workers(String value) {
    return value == null ? 0 : Workers.parse(value, WORKERS);
  }

  /** heatcheck.seed: 0 to 2^53 - 1, or unset (null) to leave it to the scenario or the run. */
  static Long seed(String value) {
    return value == null ? null : VisitorRandom.parseSeed(value, SEED);
  }

  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
