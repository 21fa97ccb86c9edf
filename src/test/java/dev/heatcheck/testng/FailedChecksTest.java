package dev.heatcheck.testng;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;

import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.result.Bound;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.Level;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

/** How a check reads in a scenario test's failure and in its Allure steps: the one line of {@link Check#line()}. */
public class FailedChecksTest {
  private static final String AT = "scenarios/checkout.yaml:21:3";

  @Test
  public void a_rule_reads_as_its_actual_value_its_limit_and_where_it_is_written() {
    assertEquals(
        new Check("checkout", "deadClicks", Level.FAIL, 2, 0, null, Bound.MAX, AT).line(),
        "deadClicks was 2, limit 0 (scenarios/checkout.yaml:21:3)");
  }

  @Test
  public void a_rule_with_a_warn_level_gives_it_after_its_limit() {
    assertEquals(
        new Check("checkout", "deadClicks", Level.WARN, 2, 4, 0, Bound.MAX, AT).line(),
        "deadClicks was 2, limit 4, warns above 0 (scenarios/checkout.yaml:21:3)");
  }

  @Test
  public void a_rule_that_only_warns_has_no_limit() {
    assertEquals(
        new Check("checkout", "rageClicks", Level.WARN, 1, null, 0, Bound.MAX, AT).line(),
        "rageClicks was 1, warns above 0 (scenarios/checkout.yaml:21:3)");
  }

  @Test
  public void a_step_that_could_not_be_done_reads_as_its_failure() {
    assertEquals(
        new FailedStep(
                "checkout",
                "1280x800",
                "click \"#add\": no visible element matched within 5000 ms",
                "scenarios/checkout.yaml:9:5")
            .line(),
        "step failed at 1280x800: click \"#add\": no visible element matched within 5000 ms (scenarios/checkout.yaml:9:5)");
  }

  @Test
  public void a_test_whose_step_could_not_be_done_fails_with_the_step_and_its_failed_checks() {
    FailedStep step = new FailedStep(
        "checkout",
        "1280x800",
        "click \"#add\": no visible element matched within 5000 ms",
        "scenarios/checkout.yaml:9:5");
    Check dead = new Check("checkout", "deadClicks", Level.FAIL, 2, 0, null, Bound.MAX, AT);
    Check rage = new Check("checkout", "rageClicks", Level.PASS, 0, 0, null, Bound.MAX, AT);
    Path dir = Path.of("reports", "run-1");
    String nl = System.lineSeparator();
    assertEquals(
        FailedChecks.message(
            "checkout @ 1280x800", new RunResult(dir, summary(List.of(step), List.of(dead, rage)))),
        String.join(
            nl,
            "checkout @ 1280x800: 1 step(s) could not be done, 1 of 2 check(s) failed:",
            "  step failed at 1280x800: click \"#add\": no visible element matched within 5000 ms (scenarios/checkout.yaml:9:5)",
            "  deadClicks was 2, limit 0 (scenarios/checkout.yaml:21:3)",
            "Report: " + dir.resolve("index.html")));
    assertEquals(
        FailedChecks.message("t", new RunResult(dir, summary(List.of(step), List.of(rage)))),
        String.join(
            nl,
            "t: 1 step(s) could not be done:",
            "  step failed at 1280x800: click \"#add\": no visible element matched within 5000 ms (scenarios/checkout.yaml:9:5)",
            "Report: " + dir.resolve("index.html")));
    assertNull(FailedChecks.message("t", new RunResult(dir, summary(List.of(), List.of(rage)))));
  }

  private static Summary summary(List<FailedStep> steps, List<Check> checks) {
    return new Summary(
        Summary.VERSION,
        "heatcheck test",
        "run-1",
        "2026-11-23T00:00:00Z",
        null,
        null,
        "Chromium",
        steps.isEmpty() && checks.stream().allMatch(Check::passed),
        List.of(),
        List.of(),
        checks,
        steps,
        List.of(),
        "events.jsonl",
        null,
        null,
        List.of(),
        List.of(),
        List.of());
  }
}
