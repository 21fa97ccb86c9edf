package dev.heatcheck.internal.analyze;

import dev.heatcheck.internal.events.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The per page × bucket aggregates, built as views close and clicks are judged: counters, never lists. */
final class Pages {
  private final Map<MapKey, Builder> pages = new TreeMap<>();

  void view(Analyzer.ViewState view) {
    Builder page = pages.computeIfAbsent(view.place.key(), k -> new Builder());
    page.view(view);
  }

  void click(JudgedClick click, ViewPlace place) {
    if (place != null) {
      pages.computeIfAbsent(place.key(), k -> new Builder()).click(click);
    }
  }

  void rage(JudgedClick first, ViewPlace place) {
    if (place != null) {
      pages.computeIfAbsent(place.key(), k -> new Builder()).element(first).rage++;
    }
  }

  List<PageStats> build() {
    List<PageStats> stats = new ArrayList<>();
    pages.forEach((key, builder) -> stats.add(builder.build(key)));
    return stats;
  }

  private static final class Builder {
    final Map<String, Integer> viewports = new HashMap<>();
    final Map<String, Integer> paths = new HashMap<>();
    final Depths reach = new Depths();
    final Map<String, Counts> elements = new LinkedHashMap<>();
    final Map<String, ContainerSum> containers = new TreeMap<>();
    int views;
    int docHeight;
    long viewportHeights;
    int clicks;

    void view(Analyzer.ViewState state) {
      views++;
      viewports.merge(state.place.viewport(), 1, Integer::sum);
      paths.merge(state.place.path(), 1, Integer::sum);
      viewportHeights += state.view.vh();
      reach.add(state.reach());
      docHeight = Math.max(docHeight, state.docHeight());
      if (state.containers != null) {
        state.containers.forEach((selector, seen) ->
            containers.computeIfAbsent(selector, s -> new ContainerSum()).add(seen));
      }
    }

    void click(JudgedClick click) {
      clicks++;
      Counts counts = element(click);
      counts.clicks++;
      counts.dead += click.verdict() == Verdict.DEAD ? 1 : 0;
      counts.error += click.verdict() == Verdict.ERROR ? 1 : 0;
    }

    Counts element(JudgedClick click) {
      var target = click.click().target();
      String selector = target == null ? null : target.selector();
      return elements.computeIfAbsent(
          String.valueOf(selector),
          s -> new Counts(selector, target == null ? null : target.text()));
    }

    PageStats build(MapKey key) {
      List<ElementStats> stats = elements.values().stream()
          .map(c -> new ElementStats(
              c.selector,
              c.text,
              c.clicks,
              clicks == 0 ? 0 : (double) c.clicks / clicks,
              c.dead,
              c.rage,
              c.error))
          .sorted(Comparator.comparingInt(ElementStats::clicks)
              .reversed()
              .thenComparing(
                  ElementStats::selector, Comparator.nullsLast(Comparator.naturalOrder())))
          .toList();
      int fold = views == 0 ? 0 : (int) Math.round((double) viewportHeights / views);
      List<ContainerStats> inner = new ArrayList<>();
      containers.forEach((selector, sum) -> inner.add(new ContainerStats(
          selector,
          sum.height,
          (int) Math.round(sum.views == 0 ? 0 : (double) sum.visible / sum.views),
          sum.width,
          sum.reach.list())));
      return new PageStats(
          key, views, viewports, paths, docHeight, fold, reach.list(), clicks, stats, inner);
    }
  }

  /** One view's samples of one scroll container. */
  static final class ContainerSeen {
    double deepest;
    int height;
    int visible;
    int width;

    void add(Event.Scroll scroll) {
      int seenHeight = scroll.containerVh() == null ? 0 : scroll.containerVh();
      deepest =
          Math.max(deepest, (scroll.containerY() == null ? 0 : scroll.containerY()) + seenHeight);
      height = Math.max(height, scroll.containerH() == null ? 0 : scroll.containerH());
      visible = Math.max(visible, seenHeight);
      if (scroll.containerBox() != null && scroll.containerBox().size() == 4) {
        width = Math.max(width, (int) Math.round(scroll.containerBox().get(2)));
      }
    }
  }

  /** One scroll container over every view that scrolled it. */
  private static final class ContainerSum {
    final Depths reach = new Depths();
    int views;
    int height;
    long visible;
    int width;

    void add(ContainerSeen seen) {
      views++;
      height = Math.max(height, seen.height);
      visible += seen.visible;
      width = Math.max(width, seen.width);
      reach.add(seen.deepest);
    }
  }

  private static final class Counts {
    final String selector;
    final String text;
    int clicks;
    int dead;
    int rage;
    int error;

    Counts(String selector, String text) {
      this.selector = selector;
      this.text = text;
    }
  }
}
