package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.analyze.Buckets;
import dev.heatcheck.internal.analyze.Grouping;
import dev.heatcheck.internal.drive.Drive;
import dev.heatcheck.internal.drive.PageFailure;
import dev.heatcheck.internal.drive.StepFailure;
import dev.heatcheck.internal.drive.VisitorFailure;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.scenario.Location;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.result.FailedPage;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.FailedVisitor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code heatcheck merge}: the shards of one run made into that run, as if it had run on one machine.
 * Their events are joined (each once), the maps drawn on any shard's screenshot of a page, and the
 * scenarios kept in the shards hold the merged analysis to their {@code expect:} rules, as a run does.
 */
public final class Merge {
  private Merge() {}

  /** Refuses, with {@link BadShards}, folders that are not one run's complete set of shards. */
  public static void check(List<Path> shards) {
    ShardSet.check(shards, null);
  }

  /**
   * @param shards the shard folders, in any order
   * @param out the merged run's folder; made here, after the shards are found to be one complete set
   * @throws BadShards when they are not: one line naming the problem
   */
  public static RunResult merge(List<Path> shards, Path out, PrintStream progress) {
    List<ShardSet.Member> set = ShardSet.check(shards, out);
    ShardFolder.Info info = set.get(0).info();
    Path dir = OutputDir.create(out);
    List<Scenario> kept = info.scenarios().stream()
        .map(k -> ScenarioLoader.loadCopy(set.get(0).dir().resolve(k.kept()), Path.of(k.file())))
        .toList();
    // the seeds the shards played, as each shard chose them
    List<Scenario> scenarios = Pipeline.seeded(
        kept, info.seed(), info.seed() != null ? info.seed() : ShardFolder.pickedSeed(info.plan()));
    Grouping grouping = new Grouping(
        Buckets.parse(info.buckets()),
        scenarios.stream().flatMap(s -> s.pages().stream()).distinct().toList());
    List<Path> events = set.stream().map(ShardSet.Member::events).toList();
    NewShots.copyBeside(events, dir.resolve("screens"));
    Pipeline.Analyzed analyzed;
    try (EventLog log = EventLog.create(dir.resolve(Pipeline.EVENTS))) {
      analyzed = Pipeline.analyzeAndDraw(
          events, EventReader.Options.defaults(), grouping, dir, true, plan -> {}, log);
    }
    progress.printf(
        Locale.ROOT,
        "Merged %d shard(s) of plan %s: %d visit(s), %d event(s), %d click(s)%n",
        set.size(),
        info.plan(),
        info.planSize(),
        analyzed.read().events(),
        analyzed.analysis().clickCount());
    List<Summary> summaries = set.stream().map(ShardSet.Member::summary).toList();
    List<Drive> drives = scenarios.stream().map(s -> drive(s, summaries)).toList();
    Optional<Set<List<String>>> baseline = info.baseline() == null
        ? Optional.empty()
        : Optional.of(Pipeline.findingsOf(set.get(0).dir().resolve(info.baseline())));
    Pipeline.Header header = new Pipeline.Header(
        UUID.randomUUID().toString(),
        summaries.stream()
            .map(Summary::startedAt)
            .filter(Objects::nonNull)
            .sorted()
            .findFirst()
            .orElse(null),
        info.baseUrl(),
        summaries.stream()
            .map(Summary::browser)
            .filter(Objects::nonNull)
            .distinct()
            .collect(Collectors.collectingAndThen(
                Collectors.joining(", "), joined -> joined.isEmpty() ? null : joined)),
        Pipeline.EVENTS);
    Summary summary = Pipeline.summarize(
        dir,
        drives,
        analyzed.analysis(),
        analyzed.drawn(),
        header,
        grouping,
        List.of(),
        baseline,
        analyzed.replays().of(drives));
    Pipeline.write(summary, dir);
    return new RunResult(dir, summary);
  }

  /** One scenario's failures as its shards reported them, in shard order (which is plan order). */
  private static Drive drive(Scenario scenario, List<Summary> shards) {
    List<StepFailure> steps = new ArrayList<>();
    List<VisitorFailure> visitors = new ArrayList<>();
    List<PageFailure> pages = new ArrayList<>();
    for (Summary shard : shards) {
      for (FailedStep step : shard.failedSteps()) {
        if (step.scenario().equals(scenario.name())) {
          steps.add(new StepFailure(location(step.at()), step.viewport(), step.message()));
        }
      }
      for (FailedVisitor v : shard.failedVisitors()) {
        if (v.scenario().equals(scenario.name())) {
          visitors.add(new VisitorFailure(
              v.scenario(), v.session(), v.viewport(), v.at(), v.step(), v.reason()));
        }
      }
      for (FailedPage p : shard.failedPages()) {
        if (p.scenario().equals(scenario.name())) {
          pages.add(new PageFailure(
              p.scenario(),
              p.session(),
              p.viewport(),
              p.url(),
              p.status() == null ? 0 : p.status(),
              p.error(),
              p.at()));
        }
      }
    }
    return new Drive(scenario, steps, visitors, pages, false);
  }

  /** "file:line:column" back into its location; a path may hold colons, the last two are numbers. */
  static Location location(String at) {
    int column = at.lastIndexOf(':');
    int line = column < 0 ? -1 : at.lastIndexOf(':', column - 1);
    try {
      return new Location(
          Path.of(at.substring(0, line)),
          Integer.parseInt(at.substring(line + 1, column)),
          Integer.parseInt(at.substring(column + 1)));
    } catch (RuntimeException e) {
      return Location.startOf(Path.of(at));
    }
  }
}
