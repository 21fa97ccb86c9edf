package dev.heatcheck.assertions;

import static dev.heatcheck.assertions.HeatcheckAssertions.assertThat;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import dev.heatcheck.Result;
import dev.heatcheck.result.Bound;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedPage;
import dev.heatcheck.result.FailedVisitor;
import dev.heatcheck.result.Level;
import dev.heatcheck.result.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

/** A crowd's failed visitors and pages, as a test author sees them in a failed assertion. */
public class FailedVisitorsTest {
  private static final String NL = System.lineSeparator();
  private static final Path DIR = Path.of("reports", "run-1");
  private static final FailedVisitor ENDED = new FailedVisitor(
      "shop",
      "shop/1280x800/7",
      "1280x800",
      "shop.yaml:9:5",
      "click \"#pay\"",
      "timeouts.step (5000 ms) passed; the visitor's pages were stopped");
  private static final FailedVisitor NOT_STARTED = new FailedVisitor(
      "shop", "shop/1280x800/8", "1280x800", null, null, "not started: the run's --timeout passed");
  private static final FailedPage PAGE = new FailedPage(
      "shop", "shop/1280x800/3", "1280x800", "/checkout", 502, null, "shop.yaml:4:3");

  @Test
  public void a_failed_failedVisitors_check_names_each_visitor_and_page_behind_it() {
    Result result = result(
        List.of(ENDED, NOT_STARTED),
        List.of(new Check(
            "shop", "failedVisitors", Level.FAIL, 2, 0, 0, Bound.MAX, "shop.yaml (default)")));

    AssertionError error =
        expectThrows(AssertionError.class, () -> assertThat(result).passesItsChecks());

    assertEquals(
        error.getMessage(),
        String.join(
            NL,
            "Expecting every step to be done and every check to hold, but these failed:",
            "  shop: " + result.checks().get(0).line(),
            "Failed visitors:",
            "  shop/1280x800/7 at shop.yaml:9:5 (click \"#pay\"): timeouts.step (5000 ms) passed;"
                + " the visitor's pages were stopped",
            "  shop/1280x800/8: not started: the run's --timeout passed",
            "Failed pages:",
            "  /checkout  HTTP 502  (shop/1280x800/3, shop.yaml:4:3)",
            "Report: " + DIR.resolve("index.html")));
  }

  @Test
  public void failed_visitors_fail_hasNoFailedVisitors_even_when_a_rule_allows_them() {
    Result result = result(
        List.of(ENDED),
        List.of(
            new Check("shop", "failedVisitors", Level.PASS, 1, 1, 0, Bound.MAX, "shop.yaml:12:3")));
    assertThat(result).passesItsChecks();

    AssertionError error =
        expectThrows(AssertionError.class, () -> assertThat(result).hasNoFailedVisitors());

    assertEquals(
        error.getMessage().lines().limit(3).toList(),
        List.of(
            "Expecting every visitor to end its visit, but 1 did not:",
            "Failed visitors:",
            "  " + ENDED.line()));
  }

  @Test
  public void a_crowd_without_failures_has_no_failed_visitors() {
    assertThat(result(List.of(), List.of())).hasNoFailedVisitors().passesItsChecks();
  }

  @Test
  public void a_page_that_broke_off_after_its_status_says_both() {
    FailedPage page = new FailedPage(
        "shop", "shop/1/1", "1", "/", 200, "net::ERR_CONTENT_LENGTH_MISMATCH", "a:1:1");
    assertEquals(page.problem(), "HTTP 200, then net::ERR_CONTENT_LENGTH_MISMATCH");
  }

  private static Result result(List<FailedVisitor> visitors, List<Check> checks) {
    boolean passed = checks.stream().allMatch(Check::passed);
    return new Result(new Outcome(
        DIR,
        passed,
        List.of(),
        checks,
        List.of(),
        visitors,
        visitors.isEmpty() ? List.of() : List.of(PAGE),
        List.of()));
  }
}
