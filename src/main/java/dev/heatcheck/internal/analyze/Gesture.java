package dev.heatcheck.internal.analyze;

import dev.heatcheck.internal.events.Event;
import java.util.Objects;

/**
 * Clicks the browser numbers as one gesture ({@code MouseEvent.detail} 1, 2…: within the platform's
 * double-click time and distance). A double click on an element that reacts only to {@code dblclick}
 * gets its answer after the second click, which ends the first click's window: judged alone, the first
 * click would be dead although the page answered the gesture.
 */
final class Gesture {
  private Gesture() {}

  /** Whether {@code next} is the next click of {@code before}'s gesture: numbered on, same view, same element. */
  static boolean continues(Event.Click before, Event.Click next) {
    return before.count() != null
        && next.count() != null
        && next.count() == before.count() + 1
        && Objects.equals(before.view(), next.view())
        && selector(before) != null
        && selector(before).equals(selector(next));
  }

  /** Whether {@code click} may be the first click of a double click. */
  static boolean opens(Event.Click click) {
    return click.count() != null && click.count() == 1;
  }

  /**
   * The first click of a double click as the gesture makes it: alive by the second click's answer when it
   * had none of its own (the delay then counts from the first click); otherwise as it was.
   */
  static JudgedClick answered(JudgedClick first, JudgedClick second) {
    if (first.verdict() != Verdict.DEAD || second.verdict() != Verdict.ALIVE) {
      return first;
    }
    long delay = second.click().t() - first.click().t() + second.delayMs();
    return new JudgedClick(
        first.click(), first.page(), first.scenario(), Verdict.ALIVE, second.signal(), delay, null);
  }

  private static String selector(Event.Click click) {
    return click.target() == null ? null : click.target().selector();
  }
}
