package dev.heatcheck.assertions;

import com.google.errorprone.annotations.CheckReturnValue;
import dev.heatcheck.Result;

/**
 * AssertJ-style assertions on a heatcheck {@link Result}:
 *
 * <pre>{@code
 * assertThat(result).deadClicks().onPage("/checkout").isZero();
 * assertThat(result).element("#buy").onPage("/checkout").clickShare().isAtLeast(0.2);
 * }</pre>
 *
 * Failures are {@link AssertionError}s that list the offending elements and the heatmap showing them. A
 * page, viewport or element the run never saw fails too, listing what it did see. A chain asserts
 * nothing until its last call ({@code isZero()}, {@code isAtMost}, {@code isAtLeast},
 * {@code passesItsChecks()}); the other methods are {@link CheckReturnValue}, so IntelliJ and Error
 * Prone flag a chain left without one.
 */
public final class HeatcheckAssertions {
  private HeatcheckAssertions() {}

  @CheckReturnValue
  public static ResultAssert assertThat(Result result) {
    return new ResultAssert(result);
  }
}
