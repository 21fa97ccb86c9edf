package dev.heatcheck.internal.scenario;

/**
 * One action of a scenario. Each step keeps {@code at}, where it is written, so a failure while
 * running it can be reported as "checkout.yaml:12:5: no element matches #add".
 */
public sealed interface Step {
  Location at();

  record Goto(String url, Location at) implements Step {}

  record Click(Target target, int times, int intervalMs, Location at) implements Step {}

  record Fill(String selector, String value, Location at) implements Step {}

  record Hover(String selector, Location at) implements Step {}

  record Press(String key, Location at) implements Step {}

  record Scroll(ScrollTarget target, Location at) implements Step {}

  /** Waits either {@code ms} milliseconds or, when {@code forSelector} is set, for that element (then ms is 0). */
  record Wait(long ms, String forSelector, Location at) implements Step {}
}
