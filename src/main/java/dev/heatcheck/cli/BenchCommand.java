package dev.heatcheck.cli;

import dev.heatcheck.internal.bench.RenderBench;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures heatcheck's own speed.",
    subcommands = {BenchCommand.Render.class, BenchRecorderCommand.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark is required: render or recorder");
  }

  @Command(
      name = "render",
      mixinStandardHelpOptions = true,
      description = {
        "Times heatcheck drawing a heatmap PNG from generated clicks (reading",
        "events.jsonl, aggregating, blurring and colouring, encoding), then",
        "heatmap.js 2.0.5 drawing the same clicks in headless Chromium, and prints",
        "the ratio. heatmap.js comes from the npm registry: npm installs it on",
        "first use into bench-npm beside heatcheck.jar."
      },
      footer = {"", "Exit codes: 0 the bench ran (met its goals or not), 2 bad input, 3 could not run."})
  static final class Render implements Callable<Integer> {
    static final int MAX_SIDE = 16_384;
    /** 10 M clicks make a 3.6 GB events.jsonl, and heatmap.js wants an object per click in the page. */
    static final long MAX_CLICKS = 10_000_000;

    @Option(names = "--clicks", paramLabel = "N", defaultValue = "1000000", description = "Clicks to generate (default: ${DEFAULT-VALUE}).")
    long clicks;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1440", description = "Page width in CSS px (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "5000", description = "Page height in CSS px (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to keep the PNGs (default: a new temporary folder).")
    Path out;

    @Override
    public Integer call() {
      if (clicks < 1 || clicks > MAX_CLICKS) {
        throw new Failures.UsageProblem("--clicks: expected 1 to " + MAX_CLICKS + ", got " + clicks);
      }
      for (int side : new int[] {width, height}) {
        if (side < 1 || side > MAX_SIDE) {
          throw new Failures.UsageProblem("--width and --height: expected 1 to " + MAX_SIDE + " px, got " + side);
        }
      }
      RenderBench.run(
          new RenderBench.Options(clicks, width, height, Optional.ofNullable(out), npmCache()), System.out, System.err);
      return ExitCodes.PASSED;
    }

    /** bench-npm beside heatcheck.jar (in the build folder), or in target/ when run from classes. */
    private static Path npmCache() {
      try {
        Path code = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // target/heatcheck.jar or target/classes: either way the build folder is its parent
        return code.getParent().resolve("bench-npm");
      } catch (URISyntaxException | RuntimeException e) {
        return Path.of("target", "bench-npm");
      }
    }
  }
}
