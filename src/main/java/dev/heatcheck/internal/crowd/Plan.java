package dev.heatcheck.internal.crowd;

import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.Viewport;
import java.util.ArrayList;
import java.util.List;

/**
 * Every visit a run plays, in one fixed order: each scenario in turn, each of its viewports, visitors
 * 1 to N. The order is the same on every machine, so a visit's {@code index} names it across shards,
 * and what a visitor does (its seed, its feeder row) depends on its place here, never on which worker
 * plays it or when.
 */
public record Plan(List<Visit> visits) {
  public Plan {
    visits = List.copyOf(visits);
  }

  /**
   * One planned visitor.
   *
   * @param visitor 1-based, within its scenario and viewport
   * @param index 0-based, within the whole plan
   */
  public record Visit(Scenario scenario, Viewport viewport, int visitor, int index) {
    /** The visitor's name in events and reports, e.g. "checkout/1280x800/3". */
    public String session() {
      return scenario.name() + "/" + viewport.label() + "/" + visitor;
    }
  }

  public static Plan of(List<Scenario> scenarios) {
    List<Visit> visits = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      for (Viewport viewport : scenario.viewports()) {
        for (int visitor = 1; visitor <= scenario.visitors(); visitor++) {
          visits.add(new Visit(scenario, viewport, visitor, visits.size()));
        }
      }
    }
    return new Plan(visits);
  }

  /** The visits of one shard, keeping their indexes in the whole plan. */
  public Plan slice(Shard shard) {
    return new Plan(shard.of(visits));
  }

  public int size() {
    return visits.size();
  }
}
