package dev.heatcheck.check;

/**
 * One rule's verdict for one scenario.
 *
 * @param actual what was seen (a count, or for "steps" the failure)
 * @param limit what the rule allows
 * @param at where the rule is written, "file:line:column"
 */
public record CheckResult(String scenario, String rule, boolean passed, Object actual, Object limit, String at) {}
