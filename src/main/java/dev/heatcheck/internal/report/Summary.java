package dev.heatcheck.internal.report;

import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedPage;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.FailedVisitor;
import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Outcome;
import dev.heatcheck.result.PageSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * summary.json: what a run found, in a form scripts can rely on. {@code version} changes when a field
 * changes meaning or goes away; new fields may appear without it.
 */
public record Summary(
    int version,
    String tool,
    String runId,
    String startedAt,
    String finishedAt,
    String baseUrl,
    String browser,
    boolean passed,
    List<ScenarioRun> scenarios,
    List<Finding> findings,
    List<Check> checks,
    List<FailedStep> failedSteps,
    List<PageRow> pages,
    String events,
    Grouping grouping,
    List<VariantRun> variants,
    List<FailedVisitor> failedVisitors,
    List<FailedPage> failedPages,
    List<Replay> replays) {
  /** 2: a step that could not be done is in failedSteps, no longer a check with rule "steps". */
  public static final int VERSION = 2;

  public Summary {
    // summaries written before these lists existed
    failedSteps = failedSteps == null ? List.of() : failedSteps;
    failedVisitors = failedVisitors == null ? List.of() : List.copyOf(failedVisitors);
    failedPages = failedPages == null ? List.of() : List.copyOf(failedPages);
    replays = replays == null ? List.of() : List.copyOf(replays);
  }

  /**
   * One replayed recording (heatcheck replay): how its targeted actions were found on the live page.
   *
   * @param scenario the scenario it was played as, named after the recording file
   * @param recording the recording file; null when its events do not name it (written before they did)
   * @param actions targeted actions replayed (clicks, double clicks, inputs, container scrolls)
   * @param selector found by a locator candidate other than text
   * @param text found by a text= candidate
   * @param position found by no candidate; done at the recorded position
   * @param notFound found by no candidate and no position recorded: skipped
   * @param movesDropped pointer moves inside an iframe no locator found: dropped, no action and no
   *     divergence
   */
  public record Replay(
      String scenario,
      String recording,
      int actions,
      int selector,
      int text,
      int position,
      int notFound,
      List<Divergence> divergences,
      int movesDropped) {
    public Replay {
      divergences = divergences == null ? List.of() : List.copyOf(divergences);
    }
  }

  /**
   * An action of a recording that no locator candidate found on the live page: the build no longer has
   * what the visitor used, or names it otherwise.
   *
   * @param recordedMs when the visitor did it, ms into the recording; null when the recording has no times
   * @param action click, dblclick, input or scroll
   * @param lookedFor the candidates tried, in order
   * @param outcome "position" (done at the recorded position) or "skipped"
   */
  public record Divergence(
      String scenario,
      String recording,
      String session,
      Long recordedMs,
      String action,
      List<String> lookedFor,
      String outcome) {}

  /** The run's values for a test to assert on, with the map paths resolved against the run folder. */
  public Outcome outcome(Path dir) {
    List<PageSummary> shown = pages.stream()
        .map(p -> new PageSummary(
            p.page(),
            p.bucket(),
            p.viewports() == null ? Map.of() : p.viewports(),
            p.views(),
            p.clicks(),
            p.maps() == null || p.maps().click() == null
                ? null
                : dir.resolve(p.maps().click()),
            p.elements().stream()
                .map(e -> new PageSummary.Element(
                    e.selector(), e.text(), e.clicks(), e.share(), e.dead(), e.rage(), e.error()))
                .toList()))
        .toList();
    return new Outcome(
        dir, passed, findings, checks, failedSteps, failedVisitors, failedPages, shown);
  }

  /**
   * A scenario run once per variant: each variant's run folder, the comparisons of the first variant
   * with the others, and friction the others have that the first does not.
   */
  public record VariantRun(
      String scenario,
      Map<String, String> runs,
      List<String> comparisons,
      List<Finding> newFindings,
      boolean passed) {}

  /** How pages were aggregated: the viewport buckets and the URL patterns, to re-analyse alike. */
  public record Grouping(String buckets, List<String> pages) {}

  /** One scenario as run: its file, size of the run, and whether its steps were done and its checks held. */
  public record ScenarioRun(
      String name,
      String file,
      List<String> viewports,
      int visitors,
      int clicks,
      boolean passed,
      Long seed) {
    /** A scenario run without a seed; summaries written before seeds existed read as this. */
    public ScenarioRun(
        String name,
        String file,
        List<String> viewports,
        int visitors,
        int clicks,
        boolean passed) {
      this(name, file, viewports, visitors, clicks, passed, null);
    }
  }

  /**
   * One page (or page group) in one viewport bucket: how much was seen there, the files that show it,
   * and clicks per element.
   *
   * @param viewports views per exact viewport in the bucket
   * @param drawnOn the viewport and path whose screenshot the maps are drawn on
   * @param gone clicks per selector whose element is not on that screenshot: counted here, not drawn
   */
  public record PageRow(
      String page,
      String bucket,
      Map<String, Integer> viewports,
      int views,
      int clicks,
      String drawnOn,
      Maps maps,
      String screenshot,
      Scroll scroll,
      List<ElementRow> elements,
      Map<String, Integer> gone) {}

  /**
   * How far down the page views got.
   *
   * @param fold the average viewport height
   * @param reached for 75, 50 and 25 (% of views): the deepest page y that share of views saw
   */
  public record Scroll(int docHeight, int fold, Map<String, Integer> reached) {}

  /**
   * The map files of a page, relative to the run folder.
   *
   * @param containers a scroll map per inner scroll container the views scrolled, by its selector
   */
  public record Maps(String click, String move, String scroll, Map<String, String> containers) {
    public Maps(String click, String move, String scroll) {
      this(click, move, scroll, Map.of());
    }
  }

  /**
   * Clicks on one element of a page, with its share of the page's clicks.
   *
   * @param box where the element is on the screenshot the maps are drawn on, [x, y, width, height]
   */
  public record ElementRow(
      String selector,
      String text,
      int clicks,
      double share,
      int dead,
      int rage,
      int error,
      List<Double> box) {}
}
