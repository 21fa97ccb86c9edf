package dev.heatcheck.cli;

import dev.heatcheck.internal.pipeline.Pipeline;
import dev.heatcheck.internal.pipeline.RunOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --trace}, for the commands that play visitors: {@code run}, and {@code replay} alike. */
final class TraceOption {
  @Option(
      names = "--trace",
      description =
          "Write a Playwright trace of each visitor to traces/<session>.zip in the output folder"
              + " (open one with: npx playwright show-trace FILE). A trace holds what the visitor"
              + " typed, cookies and request bodies: keep it to debugging.")
  boolean trace;

  RunOptions applyTo(RunOptions options) {
    return options.withTrace(trace);
  }

  /** Where the traces are, after the run's report; nothing without --trace. */
  void tell(Path dir, PrintStream out) {
    if (trace) {
      out.println("Traces: " + dir.resolve(Pipeline.TRACES)
          + " (one per visitor; open one with: npx playwright show-trace FILE)");
    }
  }
}
