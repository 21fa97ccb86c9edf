package dev.heatcheck.internal.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * One scenario file: the page to open, the window sizes, how many visitors, their steps and the
 * click rules to check. {@code visitors} repeats the steps, each time in a fresh browser context.
 * {@code judge} and {@code capture} are the scenario's own judgement windows and recording options;
 * {@code timeouts} its deadlines. {@code seed} is what its visitors' choices derive from; null until a run
 * gives it one (its own {@code seed:}, --seed, or one the run picks). {@code workers} how many visitors
 * it wants played at once (0: as the machine affords).
 */
public record Scenario(
    Path file,
    String name,
    String url,
    List<Viewport> viewports,
    int visitors,
    List<Step> steps,
    Expectations expect,
    List<String> pages,
    JudgeSettings judge,
    CaptureSettings capture,
    List<Variant> variants,
    Timeouts timeouts,
    Long seed,
    int workers) {
  /** What a variant's name follows in its run's scenario name: "shop [B]". */
  private static final String ARM_OPEN = " [";

  public Scenario {
    viewports = List.copyOf(viewports);
    steps = List.copyOf(steps);
    pages = List.copyOf(pages);
    judge = judge == null ? JudgeSettings.none() : judge;
    capture = capture == null ? CaptureSettings.none() : capture;
    variants = variants == null ? List.of() : List.copyOf(variants);
    timeouts = timeouts == null ? Timeouts.defaults() : timeouts;
  }

  /** A scenario with default judgement, capture, deadlines and no variants. */
  public Scenario(
      Path file,
      String name,
      String url,
      List<Viewport> viewports,
      int visitors,
      List<Step> steps,
      Expectations expect,
      List<String> pages) {
    this(
        file, name, url, viewports, visitors, steps, expect, pages, null, null, null, null, null,
        0);
  }

  /** The same scenario, its visitors' choices derived from {@code value}. */
  public Scenario withSeed(long value) {
    return new Scenario(
        file, name, url, viewports, visitors, steps, expect, pages, judge, capture, variants,
        timeouts, value, workers);
  }

  /** The same scenario at other viewports (one test per viewport runs it at one). */
  public Scenario withViewports(List<Viewport> only) {
    return new Scenario(
        file, name, url, only, visitors, steps, expect, pages, judge, capture, variants, timeouts,
        seed, workers);
  }

  /** The same scenario with {@code count} visitors (bench crowd sizes the demo shop's crowd). */
  public Scenario withVisitors(int count) {
    return new Scenario(
        file, name, url, viewports, count, steps, expect, pages, judge, capture, variants, timeouts,
        seed, workers);
  }

  /**
   * The name its visitors' random draws derive from: a variant's run ("shop [B]") keeps its scenario's,
   * so that every variant meets the same crowd (the same choices, pauses and click positions) and their
   * maps differ by the variant alone.
   */
  public String crowd() {
    int arm = name.lastIndexOf(ARM_OPEN);
    return arm > 0 && name.endsWith("]") ? name.substring(0, arm) : name;
  }

  /** This scenario as one of its variants runs it: its own name, start URL and no variants. */
  public Scenario as(Variant variant) {
    return new Scenario(
        file,
        name + ARM_OPEN + variant.name() + "]",
        variant.startUrl(url),
        viewports,
        visitors,
        steps,
        expect,
        pages,
        judge,
        capture,
        List.of(),
        timeouts,
        seed,
        workers);
  }
}
