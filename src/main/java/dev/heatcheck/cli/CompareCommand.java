package dev.heatcheck.cli;

import dev.heatcheck.internal.compare.CompareReport;
import dev.heatcheck.internal.compare.Comparer;
import dev.heatcheck.internal.compare.Comparison;
import dev.heatcheck.internal.pipeline.OutputDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compares two run folders page by page: a difference heatmap, each element's change in click share,",
      "new and resolved dead/rage/error targets, and scroll reach changes."
    })
final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BASE_DIR", description = "The baseline run folder.")
  Path base;

  @Parameters(index = "1", paramLabel = "HEAD_DIR", description = "The new run folder.")
  Path head;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write compare.json and diff/ (default: HEAD_DIR/compare).")
  Path out;

  @Override
  public Integer call() {
    for (Path dir : new Path[] {base, head}) {
      if (!Files.isDirectory(dir)) {
        throw new Failures.UsageProblem(
            dir + " is not a folder; give two run folders such as reports/2026-11-23T10-00-00");
      }
    }
    Path dir = OutputDir.create(out != null ? out : head.resolve("compare"));
    Comparison comparison = Comparer.compare(base, head, dir);
    CompareReport.print(comparison, dir, System.out);
    return ExitCodes.PASSED;
  }
}
