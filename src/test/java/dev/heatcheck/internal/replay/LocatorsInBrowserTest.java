package dev.heatcheck.internal.replay;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.capture.Selectors;
import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The locators read from the recordings find their elements on the live demo shop and lab page in Chromium,
 * with Playwright's own selector engine: every rrweb-derived candidate finds exactly its one element, and
 * each DevTools target has a candidate that does.
 */
@Test(groups = BrowserTest.GROUP)
public class LocatorsInBrowserTest {
  private static final Path LAB = Path.of("src/test/resources/replay/site/lab");
  private BrowserSession browser;
  private LocalServer shop;

  @BeforeClass
  public void start() {
    browser = BrowserSession.open(Optional.empty(), false, System.err);
    // the lab beside the shop on one origin, as record.mjs serves them; any other /lab/ path is the
    // app
    shop = DemoSite.start(Duration.ofMillis(200)).route("/lab/", exchange -> {
      String name = Path.of(exchange.getRequestURI().getPath()).getFileName().toString();
      byte[] body = Files.readAllBytes(LAB.resolve(name.endsWith(".html") ? name : "index.html"));
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (browser != null) {
      browser.close();
    }
    if (shop != null) {
      shop.close();
    }
  }

  /** Each targeted action's target, by the page (recorded origin replaced by the shop's) it happened on. */
  private List<Map.Entry<Target, String>> targets(Visit visit) {
    List<Map.Entry<Target, String>> out = new ArrayList<>();
    String url = null;
    for (Action action : visit.actions()) {
      if (action instanceof Action.Navigate n) {
        url = n.url();
      } else if (action instanceof Action.RouteChange r) {
        url = r.url();
      }
      Target target = action instanceof Action.Click c
          ? c.target()
          : action instanceof Action.DoubleClick d
              ? d.target()
              : action instanceof Action.Input i
                  ? i.target()
                  : action instanceof Action.Scroll s
                      ? s.target()
                      : action instanceof Action.Move m
                          ? m.target()
                          : action instanceof Action.WaitForElement w ? w.target() : null;
      if (target != null) {
        out.add(Map.entry(target, local(url)));
      }
    }
    return out;
  }

  private String local(String url) {
    return shop.baseUrl() + url.replaceFirst("^https?://[^/]+", "");
  }

  private Map<String, Integer> counts(Page page, Target target) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Locator locator : target.candidates()) {
      counts.put(locator.selector(), Selectors.locate(page, locator.selector()).count());
    }
    return counts;
  }

  @Test
  public void every_candidate_from_the_rrweb_recording_finds_its_one_element() throws IOException {
    List<Map.Entry<Target, String>> targets =
        targets(Recordings.readFile(Fixtures.RRWEB).visits().get(0));
    assertEquals(targets.size(), 28); // 21 clicks, a double click, 5 inputs, a container scroll
    List<String> wrong = new ArrayList<>();
    try (BrowserContext context =
        browser.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
      Page page = context.newPage();
      for (Map.Entry<Target, String> entry : targets) {
        if (!page.url().equals(entry.getValue())) {
          page.navigate(entry.getValue());
          page.waitForLoadState();
        }
        counts(page, entry.getKey()).forEach((selector, count) -> {
          if (count != 1) {
            wrong.add(selector + " finds " + count + " on " + entry.getValue());
          }
        });
      }
    }
    assertTrue(wrong.isEmpty(), String.join("; ", wrong));
  }

  /** DevTools flows carry no page per step: the flow is walked, each click made with the first candidate that finds one element. */
  @Test
  public void each_devtools_target_has_a_candidate_that_finds_its_one_element() {
    Visit visit = Recordings.readFile(Fixtures.DEVTOOLS).visits().get(0);
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    try (BrowserContext context =
        browser.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
      Page page = context.newPage();
      for (Action action : visit.actions()) {
        if (action instanceof Action.Navigate n) {
          if (n.triggered()) {
            page.waitForURL(local(n.url()));
          } else {
            page.navigate(local(n.url()));
          }
          continue;
        }
        Target target = action instanceof Action.Click c
            ? c.target()
            : action instanceof Action.DoubleClick d
                ? d.target()
                : action instanceof Action.Input i
                    ? i.target()
                    : action instanceof Action.Scroll s
                        ? s.target()
                        : action instanceof Action.Move m
                            ? m.target()
                            : action instanceof Action.WaitForElement w ? w.target() : null;
        if (target == null) {
          continue;
        }
        checked++;
        Map<String, Integer> counts = counts(page, target);
        String found = counts.entrySet().stream()
            .filter(e -> e.getValue() == 1)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
        if (found == null) {
          wrong.add(counts + " on " + page.url());
        } else if (action instanceof Action.Click) {
          Selectors.locate(page, found).click();
        } else if (action instanceof Action.DoubleClick) {
          Selectors.locate(page, found).dblclick();
        }
      }
    }
    assertEquals(checked, 19);
    assertTrue(wrong.isEmpty(), String.join("; ", wrong));
  }
}
