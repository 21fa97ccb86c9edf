package dev.heatcheck;

import static dev.heatcheck.assertions.HeatcheckAssertions.assertThat;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.result.HeatcheckException;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** A test's own Playwright page, recorded by heatcheck while the test drives it. */
@Test(groups = BrowserTest.GROUP)
public class RecordingTest {
  private BrowserSession browser;
  private LocalServer shop;
  private LocalServer fixtures;

  @BeforeClass
  public void start() {
    browser = BrowserSession.open(Optional.empty(), false, System.err);
    shop = DemoSite.start(Duration.ofMillis(200));
    fixtures = LocalServer.serve("fixtures/capture");
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (browser != null) {
      browser.close();
    }
    if (shop != null) {
      shop.close();
    }
    if (fixtures != null) {
      fixtures.close();
    }
  }

  @Test
  public void what_the_test_does_on_its_own_page_is_recorded_judged_and_drawn() throws IOException {
    Path out = Files.createTempDirectory("heatcheck-recording");
    try (BrowserContext context =
        browser.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
      Page page = context.newPage();
      page.navigate(shop.baseUrl() + "/product/1");
      Result result;
      try (Recording recording = Heatcheck.record(page, "product-test", out)) {
        page.locator("#wishlist").click();
        page.waitForTimeout(300);
        page.locator("#add-to-cart").click();
        result = recording.stop();
      }
      assertEquals(assertThat(result).deadClicks().onPage("/product/1").count(), 1);
      assertThat(result)
          .element("#add-to-cart")
          .onPage("/product/1")
          .clickShare()
          .isAtLeast(0.5);
      assertTrue(
          result.heatmap("/product/1", "1280x800").map(Files::isRegularFile).orElse(false),
          "a heatmap");
      assertTrue(Files.isRegularFile(out.resolve("index.html")));
    }
  }

  @Test
  public void the_tests_own_dialog_handler_answers_the_dialog_and_the_recording_still_sees_it()
      throws IOException {
    Path out = Files.createTempDirectory("heatcheck-recording");
    try (BrowserContext context = browser.browser().newContext()) {
      Page page = context.newPage();
      page.navigate(fixtures.baseUrl() + "/dialogs.html");
      try (Recording recording = Heatcheck.record(page, "dialogs", out)) {
        page.onDialog(dialog -> dialog.accept());
        page.locator("#confirm").click();
        assertEquals(page.locator("#out").textContent(), "accepted");
        recording.stop();
      }
      List<String> seenByTheBrowser = new ArrayList<>();
      EventReader.read(out.resolve("events.jsonl"), e -> {
        if (e instanceof Event.Effect effect
            && effect.kind().equals("dialog")
            && effect.detail() != null) {
          seenByTheBrowser.add(effect.detail());
        }
      });
      assertEquals(seenByTheBrowser, List.of("confirm"));
    }
  }

  @Test
  public void after_stop_the_page_is_the_tests_alone_and_nothing_more_is_recorded()
      throws IOException {
    Path out = Files.createTempDirectory("heatcheck-recording");
    try (BrowserContext context = browser.browser().newContext()) {
      Page page = context.newPage();
      page.navigate(fixtures.baseUrl() + "/dialogs.html");
      Recording recording = Heatcheck.record(page, "after-stop", out);
      page.locator("#busy").click();
      recording.stop();
      String recorded = Files.readString(out.resolve("events.jsonl"));
      page.locator("#busy").click(); // a request, a console error and a change to the page
      page.navigate(fixtures.baseUrl() + "/index.html");
      page.locator("#alert").click();
      Page second = context.newPage();
      second.navigate(fixtures.baseUrl() + "/index.html");
      second.locator("#mutate").click();
      page.waitForTimeout(300);
      assertEquals(Files.readString(out.resolve("events.jsonl")), recorded);
      for (Page open : List.of(page, second)) {
        assertEquals(
            open.evaluate("() => typeof window.__heatcheckRecorder"),
            "undefined",
            "no recorder in a new document");
        assertEquals(
            open.evaluate("() => typeof window.__heatcheck"),
            "undefined",
            "no binding in a new document");
      }
      recording.close(); // stopped already: the same result, nothing more
    }
  }

  @Test
  public void a_page_of_another_browser_is_refused_with_one_line_saying_why() {
    for (String other : List.of("firefox", "webkit")) {
      HeatcheckException refused =
          expectThrows(HeatcheckException.class, () -> Recording.requireChromium(other));
      assertEquals(
          refused.getMessage(),
          "heatcheck records Chromium pages only, and this page is in " + other
              + ": open it with playwright.chromium()");
    }
    // the name Playwright gives the browser these tests drive passes
    Recording.requireChromium(browser.browser().browserType().name());
  }
}
