package dev.heatcheck;

import com.microsoft.playwright.Page;
import dev.heatcheck.internal.crowd.Workers;
import dev.heatcheck.internal.drive.VisitorRandom;
import dev.heatcheck.internal.pipeline.OutputDir;
import dev.heatcheck.internal.pipeline.Pipeline;
import dev.heatcheck.internal.pipeline.RunOptions;
import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * heatcheck from Java: run scenarios, or record what a test's own Playwright page does, and get a
 * {@link Result} to assert on with {@code dev.heatcheck.assertions.HeatcheckAssertions.assertThat}.
 *
 * <pre>{@code
 * Result result = Heatcheck.run(Path.of("scenarios/demo-shop.yaml"), "http://127.0.0.1:8080");
 * assertThat(result).deadClicks().onPage("/checkout").isZero();
 * }</pre>
 */
public final class Heatcheck {
  private Heatcheck() {}

  /** Runs scenario files (or folders of them) into reports/<timestamp>/. */
  public static Result run(Path scenarios, String baseUrl) {
    return run(scenarios, baseUrl, OutputDir.timestamped(Path.of("reports")));
  }

  /**
   * Runs scenario files (or folders of them) into {@code out}, as many visitors at once as the system
   * property heatcheck.workers says (else the scenarios' workers:, else the machine affords), with the
   * seed heatcheck.seed gives (else the scenarios' seed:, else one the run picks and records). Quiet
   * but for what a user must see, on standard error: a browser being installed, the browser chosen, a
   * screenshot that could not be taken.
   */
  public static Result run(Path scenarios, String baseUrl, Path out) {
    RunResult run = Pipeline.run(
        ScenarioLoader.loadAll(List.of(scenarios)),
        new RunOptions(baseUrl, OutputDir.create(out), Optional.empty(), true)
            .withWorkers(Workers.fromProperty())
            .withSeed(VisitorRandom.fromProperty()),
        quiet(),
        System.err);
    return new Result(run.outcome());
  }

  /**
   * Records what a test's own Playwright page does from now on, into reports/<timestamp>/; call
   * {@link Recording#stop()} (or close it) for the result.
   */
  public static Recording record(Page page) {
    return record(page, "recorded", OutputDir.timestamped(Path.of("reports")));
  }

  /** Records what {@code page} does into {@code out}, under the given scenario name. */
  public static Recording record(Page page, String name, Path out) {
    return Recording.start(page, name, out);
  }

  static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }
}
