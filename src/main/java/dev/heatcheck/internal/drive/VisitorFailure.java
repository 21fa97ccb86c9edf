package dev.heatcheck.internal.drive;

/**
 * A visitor heatcheck had to end, or could not start: a deadline passed, its page or its browser
 * crashed, a page it needed did not load. The run goes on with the next visitor.
 *
 * @param session the visitor, "scenario/viewport/n"
 * @param at where the visitor was in the scenario, "file:line:column" of the step (or "file (url)"); null
 *     when it never started
 * @param step what the visitor was doing, e.g. {@code click "#go"}; null when it never started
 * @param reason why it was ended, in a sentence
 */
public record VisitorFailure(
    String scenario, String session, String viewport, String at, String step, String reason) {
  @Override
  public String toString() {
    return session + (at == null ? "" : " at " + at + " (" + step + ")") + ": " + reason;
  }
}
