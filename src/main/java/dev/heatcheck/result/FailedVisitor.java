package dev.heatcheck.result;

/**
 * A visitor heatcheck ended (a deadline passed, its page or browser crashed, a page did not load), or
 * did not start once the run's --timeout passed. The rest of the crowd goes on without it.
 *
 * @param session "scenario/viewport/visitor", e.g. "demo-shop/1280x800/2"
 * @param viewport the viewport it ran at, e.g. "1280x800"
 * @param at the step it was on, "file:line:column"; null when it did not start
 * @param step what it was doing, e.g. {@code click "#go"}; null when it did not start
 * @param reason why it was ended, e.g. "the browser closed or crashed"
 */
public record FailedVisitor(
    String scenario, String session, String viewport, String at, String step, String reason) {
  /** e.g. {@code demo-shop/1280x800/2 at shop.yaml:7:5 (click "#go"): the browser closed or crashed}. */
  public String line() {
    return session + (at == null ? "" : " at " + at + " (" + step + ")") + ": " + reason;
  }
}
