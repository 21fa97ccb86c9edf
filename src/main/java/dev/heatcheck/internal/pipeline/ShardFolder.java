package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.crowd.Plan;
import dev.heatcheck.internal.crowd.Shard;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.internal.files.AtomicFile;
import dev.heatcheck.internal.report.SummaryFile;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a shard's folder keeps besides its run: shard.json, saying which shard of which run it is, and
 * a copy of the scenario files it ran (and of its baseline's summary), so that {@code heatcheck merge}
 * can hold the merged run to their {@code expect:} rules without the checkout they came from.
 */
public final class ShardFolder {
  public static final String NAME = "shard.json";
  /** Where the copies are kept, beside shard.json. */
  static final String KEPT = "shard-files";

  private ShardFolder() {}

  /**
   * One shard of one run, as shard.json says.
   *
   * @param plan the run's plan id: the same on every shard of one run, different for another run
   * @param shard "I/N"
   * @param planSize how many visits the whole run plans
   * @param from the first visit this shard plays, 0-based in the plan
   * @param to one past its last
   * @param first the session of its first visit; null when it plays none
   * @param last the session of its last visit; null when it plays none
   * @param seed the run's --seed; null when the scenarios' own seeds rule
   * @param buckets how viewport widths group into maps
   * @param scenarios the scenarios of the run, in plan order, each with the copy kept here
   * @param baseline the kept copy of the --baseline run's summary folder, relative to the shard; or null
   */
  public record Info(
      int format,
      String plan,
      String shard,
      int index,
      int count,
      int planSize,
      int from,
      int to,
      String first,
      String last,
      Long seed,
      String baseUrl,
      String buckets,
      List<Kept> scenarios,
      String baseline) {
    public static final int FORMAT = 1;

    public Info {
      scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }

    /** "shard 2/4 of plan 3f9a…" as messages name it. */
    public String named() {
      return "shard " + shard + " of plan " + plan;
    }
  }

  /**
   * @param file the scenario file as the run was given it (what checks point at)
   * @param kept its copy, relative to the shard folder
   */
  public record Kept(String name, String file, String kept) {}

  /**
   * Writes shard.json and the copies into the run's folder, before any visitor plays, and says which
   * visits the shard plays.
   */
  static Info write(List<Scenario> scenarios, RunOptions options, PrintStream progress) {
    Shard shard = options.shard();
    Plan plan = Plan.of(scenarios);
    int from = shard.from(plan.size());
    int to = shard.to(plan.size());
    Path dir = options.out();
    Path kept = dir.resolve(KEPT);
    try {
      Files.createDirectories(kept);
      List<Kept> files = new ArrayList<>();
      for (int i = 0; i < scenarios.size(); i++) {
        Scenario scenario = scenarios.get(i);
        if (scenario.file() == null) {
          throw new HeatcheckException(
              "--shard: scenario \"" + scenario.name() + "\" has no file to keep for merge");
        }
        Path copy = kept.resolve((i + 1) + "-" + scenario.file().getFileName());
        Files.copy(scenario.file(), copy, StandardCopyOption.REPLACE_EXISTING);
        files.add(new Kept(
            scenario.name(), scenario.file().toString(), dir.relativize(copy).toString()));
      }
      String baseline = null;
      if (options.baseline().isPresent()) {
        Path copy = kept.resolve("baseline");
        Files.createDirectories(copy);
        Files.copy(
            options.baseline().get().resolve(SummaryFile.NAME),
            copy.resolve(SummaryFile.NAME),
            StandardCopyOption.REPLACE_EXISTING);
        baseline = dir.relativize(copy).toString();
      }
      Info info = new Info(
          Info.FORMAT,
          planId(scenarios, options),
          shard.toString(),
          shard.index(),
          shard.count(),
          plan.size(),
          from,
          to,
          from < to ? plan.visits().get(from).session() : null,
          from < to ? plan.visits().get(to - 1).session() : null,
          options.seed(),
          options.baseUrl(),
          options.buckets().spec(),
          files,
          baseline);
      AtomicFile.write(
          dir.resolve(NAME),
          out -> Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, info));
      progress.println(info.named() + ": "
          + (from < to
              ? "visits " + (from + 1) + " to " + to + " of " + plan.size() + " (" + info.first()
                  + " to " + info.last() + ")"
              : "no visits of " + plan.size()));
      return info;
    } catch (IOException e) {
      throw new HeatcheckException(
          "cannot keep the shard's files in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The shard.json of {@code dir}. */
  static Info read(Path dir) throws IOException {
    return Json.mapper().readValue(dir.resolve(NAME).toFile(), Info.class);
  }

  /**
   * The same on every shard of one run, on any machine, and different for another run: a hash of what
   * decides the plan and its verdicts (each scenario file's name and content, in plan order, the seed,
   * the base URL, the viewport buckets) and of the number of shards.
   */
  static String planId(List<Scenario> scenarios, RunOptions options) {
    MessageDigest digest = sha256();
    add(digest, "heatcheck plan " + Info.FORMAT);
    for (Scenario scenario : scenarios) {
      add(digest, scenario.name());
      add(digest, scenario.file().getFileName().toString());
      try {
        byte[] content = Files.readAllBytes(scenario.file());
        add(digest, String.valueOf(content.length));
        digest.update(content);
      } catch (IOException e) {
        throw new HeatcheckException("cannot read " + scenario.file() + ": " + e.getMessage(), e);
      }
    }
    add(digest, "seed " + options.seed());
    add(digest, "base " + options.baseUrl());
    add(digest, "buckets " + options.buckets().spec());
    add(digest, "shards " + options.shard().count());
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16).toLowerCase(Locale.ROOT);
  }

  /**
   * The seed the shards of a run play without --seed (for the scenarios without seed:): one a whole run
   * could have picked (below 10^9), the same on every shard, because it comes from the plan id.
   */
  static long pickedSeed(String planId) {
    return Long.parseUnsignedLong(planId.substring(0, 15), 16) % 1_000_000_000L;
  }

  private static void add(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
