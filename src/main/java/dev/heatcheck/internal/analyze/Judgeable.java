package dev.heatcheck.internal.analyze;

import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.Target;

/** Which clicks must get a visible answer (Datadog's and PostHog's exclusions, and the page's own opt-out). */
final class Judgeable {
  private Judgeable() {}

  static boolean test(Event.Click click) {
    Target target = click.target();
    if (click.modifier() || target == null) {
      return false;
    }
    return !target.editable() && !target.ignored() && !isRealLink(target.href());
  }

  /** Clicks that may be part of a rage click: every click but those on {@code [data-heatcheck-ignore]}. */
  static boolean mayRage(Event.Click click) {
    return click.target() == null || !click.target().ignored();
  }

  /** A link that goes somewhere is the browser's job; "#" and javascript: links are the page's. */
  private static boolean isRealLink(String href) {
    return href != null
        && !href.isBlank()
        && !href.endsWith("#")
        && !href.startsWith("javascript:");
  }
}
