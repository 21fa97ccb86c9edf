package dev.heatcheck;

import static dev.heatcheck.assertions.HeatcheckAssertions.assertThat;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** A test's own Playwright page, recorded by heatcheck while the test drives it. */
@Test(groups = BrowserTest.GROUP)
public class RecordingTest {
  private BrowserSession browser;
  private LocalServer shop;

  @BeforeClass
  public void start() {
    browser = BrowserSession.open(Optional.empty(), false, System.err);
    shop = DemoSite.start(Duration.ofMillis(200));
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

  @Test
  public void what_the_test_does_on_its_own_page_is_recorded_judged_and_drawn() throws IOException {
    Path out = Files.createTempDirectory("heatcheck-recording");
    try (BrowserContext context = browser.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
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
      assertThat(result).element("#add-to-cart").onPage("/product/1").clickShare().isAtLeast(0.5);
      assertTrue(result.heatmap("/product/1", "1280x800").map(Files::isRegularFile).orElse(false), "a heatmap");
      assertTrue(Files.isRegularFile(out.resolve("index.html")));
    }
  }
}
