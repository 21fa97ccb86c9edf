package dev.heatcheck.internal.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Rage clicks: bursts of rapid clicks in one spot by one visitor. */
final class Rage {
  private Rage() {}

  static List<JudgedClick> find(List<JudgedClick> clicks, Rules rules) {
    return find(clicks, click -> rules);
  }

  /**
   * @param clicks one visitor's clicks in time order
   * @param rules the rules each click is judged by (its scenario's)
   * @return the first click of each burst
   */
  static List<JudgedClick> find(List<JudgedClick> clicks, Function<JudgedClick, Rules> rules) {
    List<JudgedClick> counted = clicks.stream().filter(c -> Judgeable.mayRage(c.click())).toList();
    List<JudgedClick> bursts = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= counted.size(); i++) {
      if (i == counted.size() || !continues(counted.get(i - 1), counted.get(i), rules.apply(counted.get(i)))) {
        if (i - start >= rules.apply(counted.get(start)).rageClicks()) {
          bursts.add(counted.get(start));
        }
        start = i;
      }
    }
    return bursts;
  }

  private static boolean continues(JudgedClick previous, JudgedClick next, Rules rules) {
    double distance =
        Math.abs(next.click().x() - previous.click().x()) + Math.abs(next.click().y() - previous.click().y());
    return next.page().equals(previous.page())
        && next.click().view().equals(previous.click().view())
        && next.click().t() - previous.click().t() <= rules.rageGapMs()
        && distance <= rules.rageDistancePx()
        && (!rules.rageSameTarget() || Objects.equals(selector(previous), selector(next)));
  }

  private static String selector(JudgedClick click) {
    return click.click().target() == null ? null : click.click().target().selector();
  }
}
