package dev.heatcheck.cli;

import dev.heatcheck.internal.pipeline.BadShards;
import dev.heatcheck.internal.pipeline.Merge;
import dev.heatcheck.internal.pipeline.OutputDir;
import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.report.ConsoleReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Joins the folders of heatcheck run --shard I/N into one run, as if it had run on one machine:",
      "events (each once), maps, findings, the scenarios' expect: rules, summary.json, junit.xml and",
      "index.html. Refuses a set that is incomplete, mixed from different runs, or overlapping."
    },
    footer = {
      "",
      "Exit codes: 0 all expectations held, 1 one failed, 2 bad input (not one run's complete set",
      "of shards), 3 could not merge."
    })
final class MergeCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "DIR",
      description = "The shard folders, every shard of one run once.")
  List<Path> shards;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Output folder (default: reports/<timestamp>, with reports/latest pointing at it).")
  Path out;

  @Override
  public Integer call() {
    RunResult result;
    try {
      if (out == null) {
        // refused before a reports/<timestamp> folder is made for nothing
        Merge.check(shards);
      }
      Path dir = out != null ? out : OutputDir.timestamped(CommonOptions.REPORTS);
      result = Merge.merge(shards, dir, System.out);
    } catch (BadShards e) {
      throw new Failures.UsageProblem(e.getMessage());
    }
    if (out == null) {
      OutputDir.pointLatest(CommonOptions.REPORTS, result.dir());
    }
    ConsoleReport.print(result.summary(), result.dir(), System.out);
    return result.passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
  }
}
