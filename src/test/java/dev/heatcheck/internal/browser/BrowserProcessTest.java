package dev.heatcheck.internal.browser;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import com.microsoft.playwright.PlaywrightException;
import dev.heatcheck.testing.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.testng.annotations.Test;

/**
 * The watchdog's hands on a local browser: its browser process and Playwright's driver, found behind a
 * launcher script that does not exec (Debian's /usr/bin/chromium-headless-shell runs the browser as its
 * child), so that killing "the browser" ends the browser and not just the script.
 */
@Test(groups = BrowserTest.GROUP)
public class BrowserProcessTest {
  @Test
  public void the_browser_behind_a_launcher_script_is_the_one_killed() throws Exception {
    Path script = Files.createTempFile("heatcheck-launcher", ".sh");
    Path executable = new BrowserFinder(System.getenv(), Optional::empty)
        .find(Optional.empty())
        .orElseThrow()
        .executable();
    // the helper stands for what the browser has forked and not yet exec'd: a process that carries
    // the launch's switches and is not the browser; started first, an innermost-process rule took
    // it
    Files.writeString(
        script,
        "#!/bin/sh -e\nsh -c 'sleep 60; :' helper \"$@\" &\n\"" + executable + "\" \"$@\"\n");
    script.toFile().setExecutable(true);
    try (BrowserSession session = BrowserSession.open(Optional.of(script), false, System.err)) {
      session.browser().newPage().navigate("data:text/html,<p>alive</p>");

      session.kill();

      // Playwright hears of the browser's end only during a call of its own
      assertTrue(
          waitUntil(() -> {
            try {
              session.browser().newContext().close();
              return false;
            } catch (PlaywrightException e) {
              return true;
            }
          }),
          "the browser is gone");
      assertFalse(session.isAlive());
    } finally {
      Files.deleteIfExists(script);
    }
  }

  @Test
  public void crashing_the_pages_ends_them_and_leaves_the_browser() throws Exception {
    try (BrowserSession session = BrowserSession.open(Optional.empty(), false, System.err)) {
      var page = session.browser().newPage();
      page.navigate("data:text/html,<p>alive</p>");

      assertTrue(session.crashPages(), "renderers found and killed");

      assertTrue(waitUntil(() -> {
        try {
          page.evaluate("1");
          return false;
        } catch (PlaywrightException e) {
          return true;
        }
      }));
      assertTrue(session.isAlive(), "the browser lives on");
      assertEquals(session.browser().newPage().evaluate("1 + 1"), 2);
    }
  }

  private static boolean waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (condition.getAsBoolean()) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return false;
  }
}
