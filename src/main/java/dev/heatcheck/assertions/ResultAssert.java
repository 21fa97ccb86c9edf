package dev.heatcheck.assertions;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.CheckReturnValue;
import dev.heatcheck.Result;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.Kind;
import java.util.List;

/** Assertions on a whole run; navigate to its friction or to one element. */
public final class ResultAssert {
  private static final String NL = System.lineSeparator();

  private final Result result;

  ResultAssert(Result result) {
    if (result == null) {
      throw new AssertionError("Expecting a heatcheck result, but it was null");
    }
    this.result = result;
  }

  @CheckReturnValue
  public FrictionAssert deadClicks() {
    return new FrictionAssert(this, result, Kind.DEAD);
  }

  @CheckReturnValue
  public FrictionAssert rageClicks() {
    return new FrictionAssert(this, result, Kind.RAGE);
  }

  @CheckReturnValue
  public FrictionAssert errorClicks() {
    return new FrictionAssert(this, result, Kind.ERROR);
  }

  @CheckReturnValue
  public ElementAssert element(String selector) {
    return new ElementAssert(this, result, selector);
  }

  /**
   * Every step of the run's scenarios was done and every check held. When not, the message lists what
   * failed, and the visitors and pages behind a failed failedVisitors or failedPages check.
   */
  @CanIgnoreReturnValue
  public ResultAssert passesItsChecks() {
    List<FailedStep> steps = result.failedSteps();
    List<Check> failed = result.checks().stream().filter(c -> !c.passed()).toList();
    if (steps.isEmpty() && failed.isEmpty()) {
      return this;
    }
    StringBuilder text = new StringBuilder(
        "Expecting every step to be done and every check to hold, but these failed:");
    steps.forEach(
        s -> text.append(NL).append("  ").append(s.scenario()).append(": ").append(s.line()));
    failed.forEach(
        c -> text.append(NL).append("  ").append(c.scenario()).append(": ").append(c.line()));
    throw new AssertionError(withFailures(text).toString());
  }

  /** No visitor had to be ended or was left unstarted, whatever the scenarios' failedVisitors rules allow. */
  @CanIgnoreReturnValue
  public ResultAssert hasNoFailedVisitors() {
    if (result.failedVisitors().isEmpty()) {
      return this;
    }
    throw new AssertionError(
        withFailures(new StringBuilder("Expecting every visitor to end its visit, but "
                + result.failedVisitors().size()
                + " did not:"))
            .toString());
  }

  /** The failed visitors and pages, each on its line, then where the report is. */
  private StringBuilder withFailures(StringBuilder text) {
    if (!result.failedVisitors().isEmpty()) {
      text.append(NL).append("Failed visitors:");
      result.failedVisitors().forEach(v -> text.append(NL).append("  ").append(v.line()));
    }
    if (!result.failedPages().isEmpty()) {
      text.append(NL).append("Failed pages:");
      result.failedPages().forEach(p -> text.append(NL).append("  ").append(p.line()));
    }
    return text.append(NL).append("Report: ").append(result.dir().resolve("index.html"));
  }
}
