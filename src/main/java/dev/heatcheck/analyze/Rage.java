package dev.heatcheck.analyze;

import java.util.ArrayList;
import java.util.List;

/** Rage clicks: bursts of rapid clicks in one spot by one visitor. */
final class Rage {
  private Rage() {}

  /**
   * @param clicks one visitor's clicks in time order
   * @return the first click of each burst
   */
  static List<JudgedClick> find(List<JudgedClick> clicks, Rules rules) {
    List<JudgedClick> bursts = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= clicks.size(); i++) {
      if (i == clicks.size() || !continues(clicks.get(i - 1), clicks.get(i), rules)) {
        if (i - start >= rules.rageClicks()) {
          bursts.add(clicks.get(start));
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
        && distance <= rules.rageDistancePx();
  }
}
