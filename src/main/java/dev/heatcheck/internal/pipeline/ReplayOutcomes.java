package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.drive.Drive;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.internal.report.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The replayed events of a run ({@code heatcheck replay}) as each recording's fidelity and divergences. */
final class ReplayOutcomes {
  private ReplayOutcomes() {}

  /** One entry per scenario that replayed a targeted action, in the order of the drives. */
  static List<Summary.Replay> read(Path events, List<Drive> drives) {
    List<Event.Replayed> replayed = new ArrayList<>();
    EventReader.read(
        List.of(events), EventReader.Options.defaults().only(Set.of("replayed")), event -> {
          if (event instanceof Event.Replayed r) {
            synchronized (replayed) {
              replayed.add(r);
            }
          }
        });
    if (replayed.isEmpty()) {
      return List.of();
    }
    replayed.sort(
        Comparator.comparing(Event.Replayed::session).thenComparingLong(Event.Replayed::t));
    Map<String, List<Event.Replayed>> byScenario = new LinkedHashMap<>();
    for (Event.Replayed r : replayed) {
      byScenario
          .computeIfAbsent(scenarioOf(r.session()), k -> new ArrayList<>())
          .add(r);
    }
    List<Summary.Replay> out = new ArrayList<>();
    for (Drive drive : drives) {
      List<Event.Replayed> own = byScenario.get(drive.scenario().name());
      if (own != null) {
        out.add(replay(drive.scenario().name(), String.valueOf(drive.scenario().file()), own));
      }
    }
    return out;
  }

  /** Divergences per scenario, what a divergedActions rule counts. */
  static Map<String, Integer> diverged(List<Summary.Replay> replays) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    replays.forEach(r -> counts.put(r.scenario(), r.divergences().size()));
    return counts;
  }

  private static Summary.Replay replay(
      String scenario, String recording, List<Event.Replayed> events) {
    int selector = 0;
    int text = 0;
    int position = 0;
    int none = 0;
    List<Summary.Divergence> divergences = new ArrayList<>();
    for (Event.Replayed r : events) {
      switch (String.valueOf(r.found())) {
        case "selector" -> selector++;
        case "text" -> text++;
        case "position" -> position++;
        default -> none++;
      }
      if ("position".equals(r.found()) || "none".equals(r.found())) {
        divergences.add(new Summary.Divergence(
            scenario,
            recording,
            r.session(),
            r.recordedMs(),
            r.kind(),
            r.locate(),
            "position".equals(r.found()) ? "position" : "skipped"));
      }
    }
    return new Summary.Replay(
        scenario, recording, events.size(), selector, text, position, none, divergences);
  }

  /** scenario/viewport/visitor: the scenario is all but the last two parts. */
  private static String scenarioOf(String session) {
    int visitor = session.lastIndexOf('/');
    int viewport = visitor <= 0 ? -1 : session.lastIndexOf('/', visitor - 1);
    return viewport < 0 ? session : session.substring(0, viewport);
  }
}
