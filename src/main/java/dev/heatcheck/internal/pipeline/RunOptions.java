package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.analyze.Buckets;
import dev.heatcheck.internal.browser.Remote;
import dev.heatcheck.internal.crowd.Shard;
import dev.heatcheck.internal.drive.RunDeadline;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * @param baseUrl what relative scenario URLs resolve against; null when every URL is absolute
 * @param out the run's output folder
 * @param browser a browser the user named, if any
 * @param mayInstall whether to install Playwright's Chromium when none is found
 * @param buckets how viewport widths are grouped for the maps
 * @param cookies set for every visitor before the first page loads (a variant's)
 * @param baseline an earlier run folder whose findings the new* rules compare with
 * @param deadline when driving must stop (heatcheck run --timeout); the report is still written
 * @param workers how many visitors play at once, each worker with its own browser; 0 chooses from the
 *     machine's cores and memory
 * @param seed what every visitor's choices derive from (--seed); null leaves it to the scenario
 * @param shard the share of the planned visitors this run plays
 * @param trace whether each visitor's Playwright trace is written to traces/ in the run folder (--trace)
 * @param remote a Playwright server or Selenium Grid whose browsers the workers use (each its own
 *     connection), instead of launching Chromium here
 */
public record RunOptions(
    String baseUrl,
    Path out,
    Optional<Path> browser,
    boolean mayInstall,
    Buckets buckets,
    Map<String, String> cookies,
    Optional<Path> baseline,
    RunDeadline deadline,
    int workers,
    Long seed,
    Shard shard,
    boolean trace,
    Optional<Remote> remote) {
  public RunOptions {
    cookies = Map.copyOf(cookies);
    remote = remote == null ? Optional.empty() : remote;
    deadline = deadline == null ? RunDeadline.NONE : deadline;
    shard = shard == null ? Shard.WHOLE : shard;
  }

  public RunOptions(
      String baseUrl,
      Path out,
      Optional<Path> browser,
      boolean mayInstall,
      Buckets buckets,
      Map<String, String> cookies,
      Optional<Path> baseline) {
    this(
        baseUrl,
        out,
        browser,
        mayInstall,
        buckets,
        cookies,
        baseline,
        null,
        0,
        null,
        null,
        false,
        null);
  }

  /** The same run, which stops driving at {@code runDeadline}. */
  public RunOptions withDeadline(RunDeadline runDeadline) {
    return new RunOptions(
        baseUrl,
        out,
        browser,
        mayInstall,
        buckets,
        cookies,
        baseline,
        runDeadline,
        workers,
        seed,
        shard,
        trace,
        remote);
  }

  /** The same run on {@code count} workers (0: as many as the machine affords). */
  public RunOptions withWorkers(int count) {
    return new RunOptions(
        baseUrl,
        out,
        browser,
        mayInstall,
        buckets,
        cookies,
        baseline,
        deadline,
        count,
        seed,
        shard,
        trace,
        remote);
  }

  /** The same run with every visitor's choices derived from {@code value}. */
  public RunOptions withSeed(Long value) {
    return new RunOptions(
        baseUrl,
        out,
        browser,
        mayInstall,
        buckets,
        cookies,
        baseline,
        deadline,
        workers,
        value,
        shard,
        trace,
        remote);
  }

  /** The same run, playing only {@code share} of the planned visitors. */
  public RunOptions withShard(Shard share) {
    return new RunOptions(
        baseUrl,
        out,
        browser,
        mayInstall,
        buckets,
        cookies,
        baseline,
        deadline,
        workers,
        seed,
        share,
        trace,
        remote);
  }

  /** The same run, writing a Playwright trace of each visitor to traces/ in the run folder when {@code on}. */
  public RunOptions withTrace(boolean on) {
    return new RunOptions(
        baseUrl,
        out,
        browser,
        mayInstall,
        buckets,
        cookies,
        baseline,
        deadline,
        workers,
        seed,
        shard,
        on,
        remote);
  }

  /** The same run on the browsers of {@code where} (a Playwright server or a Selenium Grid). */
  public RunOptions withRemote(Optional<Remote> where) {
    return new RunOptions(
        baseUrl,
        out,
        browser,
        mayInstall,
        buckets,
        cookies,
        baseline,
        deadline,
        workers,
        seed,
        shard,
        trace,
        where);
  }

  public RunOptions(
      String baseUrl, Path out, Optional<Path> browser, boolean mayInstall, Buckets buckets) {
    this(baseUrl, out, browser, mayInstall, buckets, Map.of(), Optional.empty());
  }

  /** The same run, holding its new* rules to the findings of {@code run}. */
  public RunOptions withBaseline(Path run) {
    return new RunOptions(
        baseUrl,
        out,
        browser,
        mayInstall,
        buckets,
        cookies,
        Optional.of(run),
        deadline,
        workers,
        seed,
        shard,
        trace,
        remote);
  }

  public RunOptions(String baseUrl, Path out, Optional<Path> browser, boolean mayInstall) {
    this(baseUrl, out, browser, mayInstall, Buckets.defaults());
  }

  /** The same run, written elsewhere with these cookies: one variant of a scenario. */
  RunOptions forVariant(Path dir, Map<String, String> variantCookies, Optional<Path> firstVariant) {
    return new RunOptions(
        baseUrl,
        dir,
        browser,
        mayInstall,
        buckets,
        variantCookies,
        firstVariant,
        deadline,
        workers,
        seed,
        shard,
        trace,
        remote);
  }
}
