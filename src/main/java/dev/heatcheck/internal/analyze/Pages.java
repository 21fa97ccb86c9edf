package dev.heatcheck.internal.analyze;

import dev.heatcheck.internal.events.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the per page × bucket aggregates: views, scroll reach and clicks per element. */
final class Pages {
  private Pages() {}

  static List<PageStats> of(
      Map<String, ViewPlace> places,
      Map<String, Event.View> views,
      List<JudgedClick> clicks,
      List<JudgedClick> bursts,
      Map<String, double[]> reach,
      Map<String, Map<String, ContainerSeen>> containers) {
    Map<MapKey, Builder> pages = new TreeMap<>();
    places.forEach((id, place) -> pages.computeIfAbsent(place.key(), k -> new Builder()).view(place, views.get(id), reach.get(id)));
    containers.forEach((view, seen) -> {
      ViewPlace place = places.get(view);
      if (place != null) {
        seen.forEach((selector, one) -> pages.get(place.key()).containers.computeIfAbsent(selector, s -> new ArrayList<>()).add(one));
      }
    });
    for (JudgedClick click : clicks) {
      ViewPlace place = places.get(click.click().view());
      if (place != null) {
        pages.get(place.key()).click(click);
      }
    }
    for (JudgedClick first : bursts) {
      ViewPlace place = places.get(first.click().view());
      if (place != null) {
        pages.get(place.key()).element(first).rage++;
      }
    }
    List<PageStats> stats = new ArrayList<>();
    pages.forEach((key, builder) -> stats.add(builder.build(key)));
    return stats;
  }

  private static final class Builder {
    final Map<String, Integer> viewports = new HashMap<>();
    final Map<String, Integer> paths = new HashMap<>();
    final List<Double> reach = new ArrayList<>();
    final Map<String, Counts> elements = new LinkedHashMap<>();
    final Map<String, List<ContainerSeen>> containers = new TreeMap<>();
    int views;
    int docHeight;
    long viewportHeights;
    int clicks;

    void view(ViewPlace place, Event.View view, double[] seen) {
      views++;
      viewports.merge(place.viewport(), 1, Integer::sum);
      paths.merge(place.path(), 1, Integer::sum);
      viewportHeights += view.vh();
      reach.add(seen[0]);
      docHeight = Math.max(docHeight, (int) seen[1]);
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
      return elements.computeIfAbsent(String.valueOf(selector), s -> new Counts(selector, target == null ? null : target.text()));
    }

    PageStats build(MapKey key) {
      List<ElementStats> stats = elements.values().stream()
          .map(c -> new ElementStats(c.selector, c.text, c.clicks, clicks == 0 ? 0 : (double) c.clicks / clicks, c.dead, c.rage, c.error))
          .sorted(Comparator.comparingInt(ElementStats::clicks).reversed()
              .thenComparing(ElementStats::selector, Comparator.nullsLast(Comparator.naturalOrder())))
          .toList();
      int fold = views == 0 ? 0 : (int) Math.round((double) viewportHeights / views);
      List<ContainerStats> inner = new ArrayList<>();
      containers.forEach((selector, seen) -> inner.add(new ContainerStats(selector,
          seen.stream().mapToInt(s -> s.height).max().orElse(0),
          (int) Math.round(seen.stream().mapToInt(s -> s.visible).average().orElse(0)),
          seen.stream().mapToInt(s -> s.width).max().orElse(0),
          seen.stream().map(s -> s.deepest).toList())));
      return new PageStats(key, views, viewports, paths, docHeight, fold, reach, clicks, stats, inner);
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
      deepest = Math.max(deepest, (scroll.containerY() == null ? 0 : scroll.containerY()) + seenHeight);
      height = Math.max(height, scroll.containerH() == null ? 0 : scroll.containerH());
      visible = Math.max(visible, seenHeight);
      if (scroll.containerBox() != null && scroll.containerBox().size() == 4) {
        width = Math.max(width, (int) Math.round(scroll.containerBox().get(2)));
      }
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
