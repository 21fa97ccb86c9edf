package dev.heatcheck.internal.compare;

import dev.heatcheck.internal.analyze.Analysis;
import dev.heatcheck.internal.analyze.Analyzer;
import dev.heatcheck.internal.analyze.Buckets;
import dev.heatcheck.internal.analyze.ElementStats;
import dev.heatcheck.internal.analyze.Grouping;
import dev.heatcheck.internal.analyze.JudgedClick;
import dev.heatcheck.internal.analyze.MapKey;
import dev.heatcheck.internal.analyze.PageStats;
import dev.heatcheck.internal.analyze.Rules;
import dev.heatcheck.internal.analyze.ViewPlace;
import dev.heatcheck.internal.drive.Screens;
import dev.heatcheck.internal.drive.Shot;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.internal.files.AtomicFile;
import dev.heatcheck.internal.render.DensityGrid;
import dev.heatcheck.internal.render.DiffMap;
import dev.heatcheck.internal.render.Heatmap;
import dev.heatcheck.internal.render.PageMaps;
import dev.heatcheck.internal.render.Png;
import dev.heatcheck.internal.render.Projection;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.report.SummaryFile;
import dev.heatcheck.result.Finding;
import dev.heatcheck.result.HeatcheckException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares two runs page by page. Both runs' clicks are projected onto one screenshot (the new run's,
 * else the baseline's) by element anchoring, so a moved element compares with itself.
 */
public final class Comparer {
  public static final String NAME = "compare.json";

  private Comparer() {}

  public static Comparison compare(Path baseDir, Path headDir, Path outDir) {
    Run base = Run.load(baseDir);
    Run head = Run.load(headDir);
    Grouping grouping = grouping(head.summary);
    Analysis baseAnalysis = Analyzer.analyze(base.events(), grouping);
    Analysis headAnalysis = Analyzer.analyze(head.events(), grouping);
    // the pages of both runs decide what each side is drawn on; then a second pass places the
    // clicks
    Map<MapKey, Side> sides = new TreeMap<>();
    pages(baseAnalysis)
        .forEach((key, page) -> sides.computeIfAbsent(key, k -> new Side()).base = page);
    pages(headAnalysis)
        .forEach((key, page) -> sides.computeIfAbsent(key, k -> new Side()).head = page);
    sides.values().forEach(side -> side.prepare(base.dir, head.dir));
    project(base.events(), grouping, sides, false);
    project(head.events(), grouping, sides, true);
    List<Comparison.PageChange> pages = new ArrayList<>();
    sides.forEach((key, side) -> pages.add(side.change(key, outDir)));
    Comparison comparison = new Comparison(
        Comparison.VERSION,
        baseDir.toString(),
        headDir.toString(),
        pages,
        difference(head.summary.findings(), base.summary.findings()),
        difference(base.summary.findings(), head.summary.findings()));
    write(comparison, outDir);
    return comparison;
  }

  private static Grouping grouping(Summary summary) {
    if (summary.grouping() == null) {
      return Grouping.defaults();
    }
    return new Grouping(
        Buckets.parse(summary.grouping().buckets()), summary.grouping().pages());
  }

  private static Map<MapKey, PageStats> pages(Analysis analysis) {
    return analysis.pages().stream()
        .collect(Collectors.toMap(PageStats::key, p -> p, (a, b) -> a, LinkedHashMap::new));
  }

  private static void project(
      Path events, Grouping grouping, Map<MapKey, Side> sides, boolean isHead) {
    Analyzer analyzer = new Analyzer(Rules.defaults(), grouping).listening(new Analyzer.Listener() {
      @Override
      public void judged(JudgedClick click, ViewPlace place) {
        if (place != null && sides.containsKey(place.key())) {
          sides.get(place.key()).add(click.click(), place.viewport(), isHead);
        }
      }
    });
    EventReader.read(events, analyzer);
    analyzer.finish();
  }

  /** Findings of {@code from} whose kind, page, viewport and target {@code without} does not have. */
  private static List<Finding> difference(List<Finding> from, List<Finding> without) {
    Set<List<String>> known = without.stream().map(Comparer::key).collect(Collectors.toSet());
    return from.stream().filter(f -> !known.contains(key(f))).toList();
  }

  private static List<String> key(Finding f) {
    return List.of(f.kind().id(), f.page(), f.viewport(), String.valueOf(f.selector()));
  }

  private static void write(Comparison comparison, Path outDir) {
    try {
      AtomicFile.write(
          outDir.resolve(NAME),
          out -> Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, comparison));
    } catch (IOException e) {
      throw new HeatcheckException(
          "cannot write " + outDir.resolve(NAME) + ": " + e.getMessage(), e);
    }
  }

  /** A run folder: its summary and its events. */
  private record Run(Path dir, Summary summary) {
    static Run load(Path dir) {
      Path summary = dir.resolve(SummaryFile.NAME);
      if (!Files.isRegularFile(summary)) {
        throw new HeatcheckException(
            dir + " is not a heatcheck run folder: it has no " + SummaryFile.NAME);
      }
      return new Run(dir, SummaryFile.read(summary));
    }

    Path events() {
      Path events = dir.resolve(summary.events() == null ? "events.jsonl" : summary.events());
      if (!Files.isRegularFile(events)) {
        throw new HeatcheckException(
            dir + " has no " + events.getFileName() + "; compare needs the events of both runs");
      }
      return events;
    }
  }

  /** One page × bucket in both runs: the screenshot both are drawn on, and a grid for each. */
  private static final class Side {
    PageStats base;
    PageStats head;
    BufferedImage background;
    Projection baseProjection;
    Projection headProjection;
    DensityGrid baseGrid;
    DensityGrid headGrid;
    final Map<String, Integer> gone = new TreeMap<>();

    void prepare(Path baseDir, Path headDir) {
      PageStats drawnOn = head != null ? head : base;
      Optional<Shot> headShot = head == null
          ? Optional.empty()
          : Shot.find(headDir.resolve("screens"), head.mainPath(), head.mainViewport());
      Optional<Shot> shot = headShot.isPresent() || base == null
          ? headShot
          : Shot.find(baseDir.resolve("screens"), base.mainPath(), base.mainViewport());
      boolean onHead = headShot.isPresent();
      background = PageMaps.background(shot, drawnOn);
      baseProjection = new Projection(shot, drawnOn.mainViewport(), !onHead && shot.isPresent());
      headProjection = new Projection(shot, drawnOn.mainViewport(), onHead || shot.isEmpty());
      baseGrid = new DensityGrid(background.getWidth(), background.getHeight());
      headGrid = new DensityGrid(background.getWidth(), background.getHeight());
    }

    void add(Event.Click click, String viewport, boolean isHead) {
      Projection.Placed placed = (isHead ? headProjection : baseProjection).click(click, viewport);
      if (placed.placement() == Projection.Placement.GONE) {
        String selector = click.target() == null ? null : click.target().selector();
        gone.merge((isHead ? "head " : "base ") + selector, 1, Integer::sum);
      } else {
        (isHead ? headGrid : baseGrid).add(placed.x(), placed.y());
      }
    }

    Comparison.PageChange change(MapKey key, Path outDir) {
      int baseViews = base == null ? 0 : base.views();
      int headViews = head == null ? 0 : head.views();
      Path file =
          outDir.resolve("diff").resolve(Screens.stem(key.page(), key.bucket()) + "-click.png");
      Png.write(
          DiffMap.draw(
              background, baseGrid, baseViews, headGrid, headViews, Heatmap.DEFAULT_SIGMA_PX),
          file);
      return new Comparison.PageChange(
          key.page(),
          key.bucket(),
          baseViews,
          headViews,
          outDir.relativize(file).toString(),
          shares(),
          reach(),
          gone);
    }

    private List<Comparison.ShareChange> shares() {
      Map<String, ElementStats> before = elements(base);
      Map<String, ElementStats> after = elements(head);
      Set<String> selectors = new TreeSet<>(before.keySet());
      selectors.addAll(after.keySet());
      List<Comparison.ShareChange> changes = new ArrayList<>();
      for (String selector : selectors) {
        double was = share(before.get(selector));
        double now = share(after.get(selector));
        ElementStats any = after.getOrDefault(selector, before.get(selector));
        changes.add(new Comparison.ShareChange(
            selector, any.text(), round(was), round(now), round(now - was)));
      }
      changes.sort(Comparator.comparingDouble((Comparison.ShareChange c) -> -Math.abs(c.change()))
          .thenComparing(Comparison.ShareChange::selector));
      return changes;
    }

    private Map<String, Comparison.Reach> reach() {
      Map<String, Integer> before = reached(base);
      Map<String, Integer> after = reached(head);
      Map<String, Comparison.Reach> reach = new LinkedHashMap<>();
      for (String percent : List.of("75", "50", "25")) {
        reach.put(percent, new Comparison.Reach(before.get(percent), after.get(percent)));
      }
      return reach;
    }

    private static Map<String, Integer> reached(PageStats page) {
      return page == null ? Map.of() : page.reached();
    }

    private static Map<String, ElementStats> elements(PageStats page) {
      Map<String, ElementStats> elements = new LinkedHashMap<>();
      if (page != null) {
        page.elements().forEach(e -> elements.put(String.valueOf(e.selector()), e));
      }
      return elements;
    }

    private static double share(ElementStats element) {
      return element == null ? 0 : element.share();
    }

    private static double round(double share) {
      return Math.round(share * 10_000) / 10_000.0;
    }
  }
}
