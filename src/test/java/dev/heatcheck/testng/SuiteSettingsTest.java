package dev.heatcheck.testng;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import dev.heatcheck.internal.browser.Remote;
import dev.heatcheck.result.HeatcheckException;
import java.util.Map;
import java.util.Optional;
import org.testng.annotations.Test;

/** heatcheck.browserUrl and heatcheck.grid: a remote browser for the scenario suite, checked when a test runs. */
public class SuiteSettingsTest {
  private static SuiteSettings settings(Map<String, String> properties) {
    return SuiteSettings.of(properties::get);
  }

  @Test
  public void no_property_keeps_the_browser_local() {
    assertEquals(settings(Map.of()).remote(), Optional.empty());
  }

  @Test
  public void the_grid_and_the_playwright_server_properties_name_remote_browsers() {
    assertEquals(
        settings(Map.of(SuiteSettings.GRID, "http://127.0.0.1:4444")).remote(),
        Optional.of(new Remote(Remote.Kind.SELENIUM_GRID, "http://127.0.0.1:4444")));
    assertEquals(
        settings(Map.of(SuiteSettings.BROWSER_URL, "ws://127.0.0.1:3000/")).remote(),
        Optional.of(new Remote(Remote.Kind.PLAYWRIGHT_SERVER, "ws://127.0.0.1:3000/")));
  }

  @Test
  public void a_bad_value_or_both_fail_with_the_property_named() {
    HeatcheckException bad = expectThrows(
        HeatcheckException.class,
        () -> settings(Map.of(SuiteSettings.GRID, "127.0.0.1:4444")).remote());
    assertEquals(
        bad.getMessage(),
        "heatcheck.grid: expected a Selenium Grid's URL such as http://127.0.0.1:4444, got \"127.0.0.1:4444\"");
    HeatcheckException both = expectThrows(
        HeatcheckException.class,
        () -> settings(Map.of(
                SuiteSettings.GRID, "http://127.0.0.1:4444",
                SuiteSettings.BROWSER_URL, "ws://127.0.0.1:3000/"))
            .remote());
    assertEquals(
        both.getMessage(),
        "heatcheck.browserUrl and heatcheck.grid both name a remote browser; set one of them");
  }

  @Test
  public void the_seed_property_sets_the_crowds_seed_and_a_bad_one_is_named() {
    assertEquals(settings(Map.of()).seed(), null);
    assertEquals(settings(Map.of(SuiteSettings.SEED, " 42 ")).seed(), Long.valueOf(42));
    HeatcheckException bad =
        expectThrows(HeatcheckException.class, () -> settings(Map.of(SuiteSettings.SEED, "-3")));
    assertEquals(
        bad.getMessage(),
        "heatcheck.seed: expected an integer from 0 to 9007199254740991, got \"-3\"");
  }
}
