package dev.heatcheck.internal.analyze;

import java.util.Objects;

/** Rage clicks: bursts of rapid clicks in one spot by one visitor. */
final class Rage {
  private Rage() {}

  /** One visitor's clicks in a row, each close in time and place to the one before. */
  static final class Burst {
    private final JudgedClick first;
    private final ViewPlace place;
    private JudgedClick last;
    private int length = 1;

    Burst(JudgedClick first, ViewPlace place) {
      this.first = first;
      this.place = place;
      this.last = first;
    }

    /** @param rules the rules {@code next} is judged by (its scenario's) */
    boolean continues(JudgedClick next, Rules rules) {
      double distance = Math.abs(next.click().x() - last.click().x())
          + Math.abs(next.click().y() - last.click().y());
      return next.page().equals(last.page())
          && Objects.equals(next.click().view(), last.click().view())
          && next.click().t() - last.click().t() <= rules.rageGapMs()
          && distance <= rules.rageDistancePx()
          && (!rules.rageSameTarget() || Objects.equals(selector(last), selector(next)));
    }

    void add(JudgedClick next) {
      last = next;
      length++;
    }

    JudgedClick first() {
      return first;
    }

    ViewPlace place() {
      return place;
    }

    int length() {
      return length;
    }
  }

  static String selector(JudgedClick click) {
    return click.click().target() == null ? null : click.click().target().selector();
  }
}
