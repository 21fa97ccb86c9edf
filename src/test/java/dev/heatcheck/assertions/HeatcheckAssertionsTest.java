package dev.heatcheck.assertions;

import static org.testng.Assert.assertEquals;

import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.testing.BrowserTest;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.testng.ITestResult;
import org.testng.TestListenerAdapter;
import org.testng.TestNG;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Runs a user's TestNG test class from code, as TestNG's own tests do, and checks what it reported. */
@Test(groups = BrowserTest.GROUP)
public class HeatcheckAssertionsTest {
  private LocalServer shop;
  private final Map<String, String> outcomes = new TreeMap<>();

  @BeforeClass
  public void runTheSample() {
    shop = DemoSite.start(Duration.ofMillis(200));
    ProductPageSample.baseUrl = shop.baseUrl();
    TestListenerAdapter listener = new TestListenerAdapter();
    TestNG testng = new TestNG(false);
    testng.setTestClasses(new Class<?>[] {ProductPageSample.class});
    testng.addListener(listener);
    testng.setVerbose(0);
    // the samples fail on purpose: keep them out of this build's own Allure report
    testng.setListenersToSkipFromBeingWiredInViaServiceLoaders(
        "io.qameta.allure.testng.AllureTestNg");
    testng.run();
    listener.getPassedTests().forEach(r -> outcomes.put(r.getName(), "passed"));
    listener.getFailedTests().forEach(r -> outcomes.put(r.getName(), message(r)));
    listener.getSkippedTests().forEach(r -> outcomes.put(r.getName(), "skipped: " + message(r)));
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  public void assertions_that_hold_pass() {
    assertEquals(outcomes.get("add_to_cart_gets_half_the_clicks"), "passed", outcomes.toString());
    assertEquals(outcomes.get("nothing_throws_and_nobody_rages"), "passed", outcomes.toString());
  }

  @Test
  public void
      a_dead_click_failure_lists_the_element_its_page_viewport_count_the_missing_signal_and_the_heatmap() {
    String heatmap = ProductPageSample.result
        .dir()
        .resolve("heatmaps/product-1-desktop-click.png")
        .toString();
    assertEquals(
        outcomes.get("the_product_page_has_no_dead_clicks"),
        String.join(
            System.lineSeparator(),
            "Expecting no dead clicks on /product/1, but found 1 on 1 element:",
            "  #wishlist \"♡ Save to wishlist\" on /product/1 at 1280x800: 1 (no reaction within the windows)",
            "Heatmap: " + heatmap));
  }

  @Test
  public void a_click_share_failure_gives_the_share_the_counts_and_the_heatmap() {
    String heatmap = ProductPageSample.result
        .dir()
        .resolve("heatmaps/product-1-desktop-click.png")
        .toString();
    assertEquals(
        outcomes.get("the_wishlist_gets_at_most_a_quarter_of_the_clicks"),
        String.join(
            System.lineSeparator(),
            "Expecting #wishlist on /product/1 to get at most 25.0% of the clicks, but it got 50.0% (1 of 2 clicks)",
            "Heatmap: " + heatmap));
  }

  private static String message(ITestResult result) {
    return result.getThrowable() == null
        ? "no throwable"
        : result.getThrowable().getMessage();
  }
}
