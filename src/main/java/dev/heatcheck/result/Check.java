package dev.heatcheck.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One rule's verdict for one scenario.
 *
 * @param actual what was seen: a count, a rate or a share; a sentence when there was nothing to measure
 *     or the check was skipped
 * @param limit what the rule allows before it fails; null when it only warns
 * @param warn where the rule starts warning; null when it has no warn level
 * @param bound whether {@code limit} and {@code warn} are maxima or minima; null for a range (clickShare
 *     with both min and max, whose limit reads "0.2..0.5")
 * @param at where the rule is written, "file:line:column"
 */
@JsonPropertyOrder({"scenario", "rule", "passed", "level", "actual", "limit", "warn", "bound", "at"
})
public record Check(
    String scenario,
    String rule,
    Level level,
    Object actual,
    Object limit,
    Object warn,
    Bound bound,
    String at) {

  /** False only when the rule failed: a warning passes, and so does a skipped rule. */
  @JsonProperty("passed")
  public boolean passed() {
    return level != Level.FAIL;
  }

  public boolean warned() {
    return level == Level.WARN;
  }

  public boolean skipped() {
    return level == Level.SKIP;
  }

  /**
   * The check in one line, the same in the console, junit.xml, TestNG failures, Allure and assertions:
   * "deadClicks was 2, limit 0, warns above 1 (scenarios/checkout.yaml:21:3)". The level is not part of
   * it; each medium shows that its own way.
   */
  public String line() {
    if (skipped()) {
      return rule + " skipped: " + actual + " (" + at + ")";
    }
    StringBuilder text = new StringBuilder(rule)
        .append(actual instanceof String ? ": " : " was ")
        .append(actual);
    if (limit != null) {
      text.append(", limit ").append(limit);
    }
    if (warn != null) {
      text.append(", warns ")
          .append(bound == Bound.MIN ? Bound.MIN.side() : Bound.MAX.side())
          .append(' ')
          .append(warn);
    }
    return text.append(" (").append(at).append(')').toString();
  }
}
