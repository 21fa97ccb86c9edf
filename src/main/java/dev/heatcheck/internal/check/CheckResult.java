package dev.heatcheck.internal.check;

/**
 * One rule's verdict for one scenario.
 *
 * @param passed false only when the rule failed: a warning passes
 * @param level "pass", "warn" (past the rule's warn level, within its limit), "fail", or "skip" when
 *     the rule could not be evaluated in this run (actual says why)
 * @param actual what was seen (a count, a rate, a share, or for "steps" the failure)
 * @param limit what the rule allows before it fails; null when it only warns
 * @param warn where the rule starts warning; null when it has no warn level
 * @param at where the rule is written, "file:line:column"
 */
public record CheckResult(
    String scenario, String rule, boolean passed, String level, Object actual, Object limit, Object warn, String at) {
  public static final String PASS = "pass";
  public static final String WARN = "warn";
  public static final String FAIL = "fail";
  public static final String SKIP = "skip";

  /** A rule without a warn level: it passes or fails. */
  public CheckResult(String scenario, String rule, boolean passed, Object actual, Object limit, String at) {
    this(scenario, rule, passed, passed ? PASS : FAIL, actual, limit, null, at);
  }

  public boolean warned() {
    return WARN.equals(level);
  }
}
