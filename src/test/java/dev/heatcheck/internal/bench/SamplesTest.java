package dev.heatcheck.internal.bench;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

public class SamplesTest {
  @Test
  public void the_median_of_an_odd_count_is_the_middle_run() {
    assertEquals(Samples.of(900, 100, 500).medianNanos(), 500);
  }

  @Test
  public void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
    assertEquals(Samples.of(4, 1, 3, 2).medianNanos(), 2);
    assertEquals(Samples.of(1_000_000, 3_000_000).medianMs(), 2.0);
  }

  @Test
  public void runs_are_listed_in_ms_in_the_order_they_ran() {
    assertEquals(Samples.of(812_400_000, 801_000_000, 830_600_000).runsMs(), "812, 801, 831");
  }
}
