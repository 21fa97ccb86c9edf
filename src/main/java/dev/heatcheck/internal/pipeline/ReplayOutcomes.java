package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.drive.Drive;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The replayed events of a run ({@code heatcheck replay}) as each recording's fidelity and divergences.
 * A run, a merge and a report of the events alone all build them from the same events, so they agree.
 */
final class ReplayOutcomes {
  /** The kind of the replayed event of a pointer move inside an iframe that was not found. */
  private static final String MOVE = "move";

  private ReplayOutcomes() {}

  /**
   * Gathers, while the events are read, the replayed actions and the scenario files the runs named. The
   * reader calls it on one thread.
   */
  static final class Gathered implements Consumer<Event> {
    private final List<Event.Replayed> replayed = new ArrayList<>();
    private final Map<String, String> files = new LinkedHashMap<>();

    @Override
    public void accept(Event event) {
      if (event instanceof Event.Replayed r) {
        replayed.add(r);
      } else if (event instanceof Event.Run run && run.files() != null) {
        run.files().forEach(files::putIfAbsent);
      }
    }

    /**
     * One entry per scenario that replayed a targeted action, in the order of the drives, each named by
     * its scenario's file: what a run and a merge, which know their scenarios, report.
     */
    List<Summary.Replay> of(List<Drive> drives) {
      Map<String, String> order = new LinkedHashMap<>();
      drives.forEach(d -> order.put(d.scenario().name(), fileOf(d)));
      return outcomes(order);
    }

    /**
     * One entry per scenario that replayed a targeted action, in the order its run named them (files
     * written before runs named them: by session), each with the recording its run named: what a report
     * of the events alone gives.
     */
    List<Summary.Replay> ofEvents() {
      Map<String, String> order = new LinkedHashMap<>(files);
      sorted().forEach(r -> order.putIfAbsent(scenarioOf(r.session()), null));
      return outcomes(order);
    }

    private List<Summary.Replay> outcomes(Map<String, String> scenarios) {
      if (replayed.isEmpty()) {
        return List.of();
      }
      Map<String, List<Event.Replayed>> byScenario = new LinkedHashMap<>();
      for (Event.Replayed r : sorted()) {
        byScenario
            .computeIfAbsent(scenarioOf(r.session()), k -> new ArrayList<>())
            .add(r);
      }
      List<Summary.Replay> out = new ArrayList<>();
      scenarios.forEach((scenario, recording) -> {
        List<Event.Replayed> own = byScenario.get(scenario);
        if (own != null) {
          out.add(replay(scenario, recording, own));
        }
      });
      return out;
    }

    private List<Event.Replayed> sorted() {
      return replayed.stream()
          .sorted(
              Comparator.comparing(Event.Replayed::session).thenComparingLong(Event.Replayed::t))
          .toList();
    }
  }

  /** The file the run event names for a scenario, and the summary for its recording; null when none. */
  static String fileOf(Drive drive) {
    return drive.scenario().file() == null ? null : drive.scenario().file().toString();
  }

  /** The scenario files of a run by name, as its run event names them. */
  static Map<String, String> files(List<Scenario> scenarios) {
    Map<String, String> files = new LinkedHashMap<>();
    scenarios.stream()
        .filter(s -> s.file() != null)
        .forEach(s -> files.put(s.name(), s.file().toString()));
    return files;
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
    int movesDropped = 0;
    List<Summary.Divergence> divergences = new ArrayList<>();
    for (Event.Replayed r : events) {
      if (MOVE.equals(r.kind())) {
        movesDropped++; // a pointer move whose iframe was not found: no action
        continue;
      }
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
        scenario,
        recording,
        events.size() - movesDropped,
        selector,
        text,
        position,
        none,
        divergences,
        movesDropped);
  }

  /** scenario/viewport/visitor: the scenario is all but the last two parts. */
  private static String scenarioOf(String session) {
    int visitor = session.lastIndexOf('/');
    int viewport = visitor <= 0 ? -1 : session.lastIndexOf('/', visitor - 1);
    return viewport < 0 ? session : session.substring(0, viewport);
  }
}
