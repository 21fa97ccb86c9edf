package dev.heatcheck.internal.drive;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.testng.annotations.Test;

public class VisitorRandomTest {

  @Test
  public void the_same_four_give_the_same_draws() {
    SplittableRandom a = VisitorRandom.of(7, "checkout", "1280x800", 3);
    SplittableRandom b = VisitorRandom.of(7, "checkout", "1280x800", 3);

    for (int i = 0; i < 100; i++) {
      assertEquals(a.nextLong(), b.nextLong());
    }
  }

  @Test
  public void each_of_the_four_changes_the_draws() {
    long base = VisitorRandom.mix(7, "checkout", "1280x800", 3);

    assertNotEquals(VisitorRandom.mix(8, "checkout", "1280x800", 3), base);
    assertNotEquals(VisitorRandom.mix(7, "checkout2", "1280x800", 3), base);
    assertNotEquals(VisitorRandom.mix(7, "checkout", "390x844", 3), base);
    assertNotEquals(VisitorRandom.mix(7, "checkout", "1280x800", 4), base);
  }

  @Test
  public void names_cannot_run_into_each_other() {
    assertNotEquals(VisitorRandom.mix(1, "a/b", "c", 1), VisitorRandom.mix(1, "a", "b/c", 1));
    assertNotEquals(VisitorRandom.mix(1, "ab", "", 1), VisitorRandom.mix(1, "a", "b", 1));
  }

  @Test
  public void a_crowd_has_a_generator_each() {
    Set<Long> seeds = new HashSet<>();
    for (int visitor = 1; visitor <= 10_000; visitor++) {
      seeds.add(VisitorRandom.mix(0, "s", "1280x800", visitor));
    }

    assertEquals(seeds.size(), 10_000);
  }

  /** Pinned: a seed written in a report must play the same crowd after an upgrade of heatcheck. */
  @Test
  public void the_derivation_is_fixed() {
    assertEquals(VisitorRandom.mix(42, "checkout", "1280x800", 1), 4_974_642_630_495_476_535L);
  }

  @Test
  public void a_picked_seed_is_short_and_not_negative() {
    for (int i = 0; i < 100; i++) {
      long seed = VisitorRandom.pick();
      assertTrue(seed >= 0 && seed < 1_000_000_000L, String.valueOf(seed));
    }
  }
}
