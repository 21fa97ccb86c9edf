package dev.heatcheck.assertions;

import dev.heatcheck.Result;
import java.util.Locale;
import java.util.stream.Collectors;

/** Assertions on a whole run; navigate to its friction or to one element. */
public final class ResultAssert {
  private final Result result;

  ResultAssert(Result result) {
    if (result == null) {
      throw new AssertionError("Expecting a heatcheck result, but it was null");
    }
    this.result = result;
  }

  public FrictionAssert deadClicks() {
    return new FrictionAssert(this, result, "dead");
  }

  public FrictionAssert rageClicks() {
    return new FrictionAssert(this, result, "rage");
  }

  public FrictionAssert errorClicks() {
    return new FrictionAssert(this, result, "error");
  }

  public ElementAssert element(String selector) {
    return new ElementAssert(this, result, selector);
  }

  /** Every check of the run's scenarios held. */
  public ResultAssert passesItsChecks() {
    String failed = result.summary().checks().stream()
        .filter(c -> !c.passed())
        .map(c -> String.format(Locale.ROOT, "  %s: %s was %s, limit %s (%s)", c.scenario(), c.rule(), c.actual(), c.limit(), c.at()))
        .collect(Collectors.joining("\n"));
    if (!failed.isEmpty()) {
      throw new AssertionError("Expecting every check to hold, but these failed:\n" + failed + "\nReport: " + result.dir().resolve("index.html"));
    }
    return this;
  }
}
