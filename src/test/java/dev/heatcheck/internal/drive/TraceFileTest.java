package dev.heatcheck.internal.drive;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

/** A session's trace file name: one file in traces/, whatever the scenario's name holds. */
public class TraceFileTest {
  @Test
  public void the_slashes_of_a_session_become_underscores() {
    assertEquals(Driver.traceFile("demo-shop/1280x800/3"), "demo-shop_1280x800_3.zip");
  }

  @Test
  public void anything_but_ascii_letters_digits_dot_dash_and_underscore_becomes_an_underscore() {
    assertEquals(Driver.traceFile("checkout [b]/390x844/12"), "checkout__b__390x844_12.zip");
    assertEquals(Driver.traceFile("../1280x800/1"), ".._1280x800_1.zip");
    assertEquals(Driver.traceFile("café\\x/1280x800/1"), "caf__x_1280x800_1.zip");
    assertEquals(Driver.traceFile("a_b.c-d/1280x800/1"), "a_b.c-d_1280x800_1.zip");
  }
}
