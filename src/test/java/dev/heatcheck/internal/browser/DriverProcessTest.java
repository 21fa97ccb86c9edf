package dev.heatcheck.internal.browser;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.microsoft.playwright.Playwright;
import java.util.Map;
import java.util.Optional;
import org.testng.annotations.Test;

/**
 * The watchdog's last resort for a remote browser is killing the worker's own Playwright driver; it
 * must be found, and be that driver: this fails when a Playwright upgrade hides the process.
 */
public class DriverProcessTest {
  @Test
  public void each_playwright_has_its_own_driver_process_found() {
    Map<String, String> env = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    try (Playwright first = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        Playwright second = Playwright.create(new Playwright.CreateOptions().setEnv(env))) {
      Optional<ProcessHandle> one = DriverProcess.of(first);
      Optional<ProcessHandle> two = DriverProcess.of(second);
      assertTrue(one.isPresent() && two.isPresent(), one + " " + two);
      assertTrue(one.get().parent().map(ProcessHandle.current()::equals).orElse(false));
      assertTrue(
          BrowserProcess.commandLine(one.get()).contains("run-driver"),
          BrowserProcess.commandLine(one.get()));
      assertTrue(!one.get().equals(two.get()), "two workers, two drivers");
      one.get().destroyForcibly();
      assertEquals(one.get().onExit().join().isAlive(), false);
      assertTrue(two.get().isAlive(), "the other worker's driver lives on");
    }
  }
}
