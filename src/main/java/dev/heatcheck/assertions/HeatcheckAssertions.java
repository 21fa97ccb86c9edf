package dev.heatcheck.assertions;

import dev.heatcheck.Result;

/**
 * AssertJ-style assertions on a heatcheck {@link Result}:
 *
 * <pre>{@code
 * assertThat(result).deadClicks().onPage("/checkout").isZero();
 * assertThat(result).element("#buy").onPage("/checkout").clickShare().isAtLeast(0.2);
 * }</pre>
 *
 * Failures are {@link AssertionError}s that list the offending elements and the heatmap showing them.
 */
public final class HeatcheckAssertions {
  private HeatcheckAssertions() {}

  public static ResultAssert assertThat(Result result) {
    return new ResultAssert(result);
  }
}
