package dev.heatcheck.testng;

import static org.testng.Assert.assertEquals;

import dev.heatcheck.internal.check.CheckResult;
import org.testng.annotations.Test;

/** How a check reads in a scenario test's failure and in its Allure steps. */
public class FailedChecksTest {
  private static final String AT = "scenarios/checkout.yaml:21:3";

  @Test
  public void a_rule_reads_as_its_actual_value_its_limit_and_where_it_is_written() {
    assertEquals(FailedChecks.line(new CheckResult("checkout", "deadClicks", false, 2, 0, AT)),
        "deadClicks was 2, limit 0 (scenarios/checkout.yaml:21:3)");
  }

  @Test
  public void a_rule_with_a_warn_level_gives_it_after_its_limit() {
    assertEquals(FailedChecks.line(new CheckResult("checkout", "deadClicks", true, CheckResult.WARN, 2, 4, 0, AT)),
        "deadClicks was 2, limit 4, warn 0 (scenarios/checkout.yaml:21:3)");
  }

  @Test
  public void a_rule_that_only_warns_has_no_limit() {
    assertEquals(FailedChecks.line(new CheckResult("checkout", "rageClicks", true, CheckResult.WARN, 1, null, 0, AT)),
        "rageClicks was 1, warn 0 (scenarios/checkout.yaml:21:3)");
  }

  @Test
  public void a_step_that_could_not_be_done_reads_as_its_failure() {
    assertEquals(FailedChecks.line(new CheckResult("checkout", "steps", false,
            "scenarios/checkout.yaml:9:5: click \"#add\": no visible element matched within 5000 ms (1280x800)", "all steps done",
            "scenarios/checkout.yaml:9:5")),
        "steps: scenarios/checkout.yaml:9:5: click \"#add\": no visible element matched within 5000 ms (1280x800)");
  }
}
