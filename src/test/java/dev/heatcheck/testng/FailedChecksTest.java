package dev.heatcheck.testng;

import static org.testng.Assert.assertEquals;

import dev.heatcheck.result.Bound;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.Level;
import org.testng.annotations.Test;

/** How a check reads in a scenario test's failure and in its Allure steps: the one line of {@link Check#line()}. */
public class FailedChecksTest {
  private static final String AT = "scenarios/checkout.yaml:21:3";

  @Test
  public void a_rule_reads_as_its_actual_value_its_limit_and_where_it_is_written() {
    assertEquals(new Check("checkout", "deadClicks", Level.FAIL, 2, 0, null, Bound.MAX, AT).line(),
        "deadClicks was 2, limit 0 (scenarios/checkout.yaml:21:3)");
  }

  @Test
  public void a_rule_with_a_warn_level_gives_it_after_its_limit() {
    assertEquals(new Check("checkout", "deadClicks", Level.WARN, 2, 4, 0, Bound.MAX, AT).line(),
        "deadClicks was 2, limit 4, warns above 0 (scenarios/checkout.yaml:21:3)");
  }

  @Test
  public void a_rule_that_only_warns_has_no_limit() {
    assertEquals(new Check("checkout", "rageClicks", Level.WARN, 1, null, 0, Bound.MAX, AT).line(),
        "rageClicks was 1, warns above 0 (scenarios/checkout.yaml:21:3)");
  }

  @Test
  public void a_step_that_could_not_be_done_reads_as_its_failure() {
    assertEquals(new FailedStep("checkout", "1280x800", "click \"#add\": no visible element matched within 5000 ms",
            "scenarios/checkout.yaml:9:5").line(),
        "step failed at 1280x800: click \"#add\": no visible element matched within 5000 ms (scenarios/checkout.yaml:9:5)");
  }
}
