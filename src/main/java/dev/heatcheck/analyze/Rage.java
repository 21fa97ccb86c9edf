package dev.heatcheck.analyze;

import dev.heatcheck.events.Target;
import java.util.ArrayList;
import java.util.List;

/** Rage clicks: bursts of rapid clicks in one spot by one visitor. */
final class Rage {
  private Rage() {}

  /** @param clicks one visitor's clicks in time order */
  static List<Finding> find(List<JudgedClick> clicks, Rules rules) {
    List<Finding> found = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= clicks.size(); i++) {
      if (i == clicks.size() || !continues(clicks.get(i - 1), clicks.get(i), rules)) {
        if (i - start >= rules.rageClicks()) {
          found.add(finding(clicks.get(start)));
        }
        start = i;
      }
    }
    return found;
  }

  private static boolean continues(JudgedClick previous, JudgedClick next, Rules rules) {
    double distance =
        Math.abs(next.click().x() - previous.click().x()) + Math.abs(next.click().y() - previous.click().y());
    return next.page().equals(previous.page())
        && next.click().view().equals(previous.click().view())
        && next.click().t() - previous.click().t() <= rules.rageGapMs()
        && distance <= rules.rageDistancePx();
  }

  private static Finding finding(JudgedClick first) {
    Target target = first.click().target();
    return new Finding(
        Finding.Kind.RAGE,
        first.scenario(),
        first.page().page(),
        first.page().viewport(),
        target == null ? null : target.selector(),
        target == null ? null : target.text(),
        1,
        null);
  }
}
