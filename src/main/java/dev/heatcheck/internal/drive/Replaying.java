package dev.heatcheck.internal.drive;

import com.microsoft.playwright.Locator;
import dev.heatcheck.internal.scenario.Target;
import java.util.List;

/** How a replayed action's element is found, and how that is told ({@code found} of a replayed event). */
final class Replaying {
  /** How long the candidates are tried, all of them each round, before the recorded point is used. */
  static final long FIND_MS = 2_000;

  static final String SELECTOR = "selector";
  static final String TEXT = "text";
  static final String POSITION = "position";
  static final String NONE = "none";

  private Replaying() {}

  /** The element a candidate found, and which candidate; both null when none did. */
  record Found(Locator locator, String via) {
    static final Found NOTHING = new Found(null, null);

    /** {@code selector} or {@code text} by the candidate that found it; else the fallback the target has. */
    String how(Target.Located target) {
      if (via != null) {
        String last = via.substring(Math.max(via.lastIndexOf(" >> "), via.lastIndexOf(" >>> ")) + 1)
            .replaceFirst("^>+ ", "");
        return last.startsWith("text=") ? TEXT : SELECTOR;
      }
      return target.hasPoint() ? POSITION : NONE;
    }
  }

  /** A scripted target as candidates: its selector, or its text, or only its point. */
  static Target.Located locatedOf(Target target) {
    if (target instanceof Target.Located l) {
      return l;
    } else if (target instanceof Target.BySelector s) {
      return new Target.Located(List.of(s.css()), null, null, null);
    } else if (target instanceof Target.ByText t) {
      return new Target.Located(List.of("text=\"" + t.text() + "\""), null, null, null);
    }
    Target.At a = (Target.At) target;
    return new Target.Located(List.of(), a.x(), a.y(), null);
  }

  /** How a message names a located target: its first candidate, else its point. */
  static String describe(Target.Located target) {
    if (!target.locate().isEmpty()) {
      return "\"" + target.locate().get(0) + "\"";
    }
    return target.hasPoint()
        ? "at " + Math.round(target.x()) + "," + Math.round(target.y())
        : "(nothing recorded)";
  }
}
