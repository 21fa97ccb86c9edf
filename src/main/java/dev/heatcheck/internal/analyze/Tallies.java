package dev.heatcheck.internal.analyze;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything an analysis keeps as clicks are judged and views close: counters per page, target and scenario. */
final class Tallies {
  private final Pages pages = new Pages();
  private final Findings findings = new Findings();
  private final Map<List<String>, int[]> clicks = new LinkedHashMap<>();
  private final Map<List<String>, Depths> views = new LinkedHashMap<>();
  private final Map<List<String>, ViewTallyKey> viewKeys = new LinkedHashMap<>();
  private long undetermined;

  void click(JudgedClick click, ViewPlace place) {
    findings.judged(click);
    pages.click(click, place);
    undetermined += click.verdict() == Verdict.UNDETERMINED ? 1 : 0;
    String selector =
        click.click().target() == null ? null : click.click().target().selector();
    int[] counts = clicks.computeIfAbsent(
        Arrays.asList(
            click.scenario(),
            click.page().page(),
            place == null ? null : place.path(),
            click.page().viewport(),
            selector),
        k -> new int[3]);
    counts[0]++;
    counts[1] += click.verdict() == Verdict.DEAD ? 1 : 0;
    counts[2] += click.verdict() == Verdict.ERROR ? 1 : 0;
  }

  void rage(JudgedClick first, ViewPlace place) {
    findings.rage(first);
    pages.rage(first, place);
  }

  void view(Analyzer.ViewState view) {
    pages.view(view);
    ViewPlace place = view.place;
    List<String> key = List.of(
        place.scenario(), place.key().page(), place.key().bucket(), place.path(), place.viewport());
    viewKeys.computeIfAbsent(key, k -> new ViewTallyKey(place));
    views.computeIfAbsent(key, k -> new Depths()).add(view.reach());
  }

  Analysis analysis(List<JudgedClick> kept) {
    List<ClickTally> clickTallies = new ArrayList<>();
    clicks.forEach((k, c) -> clickTallies.add(
        new ClickTally(k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), c[0], c[1], c[2])));
    List<ViewTally> viewTallies = new ArrayList<>();
    views.forEach((k, depths) -> {
      ViewPlace place = viewKeys.get(k).place();
      viewTallies.add(
          new ViewTally(place.scenario(), place.key(), place.path(), place.viewport(), depths));
    });
    return new Analysis(
        findings.sorted(), pages.build(), clickTallies, viewTallies, undetermined, kept);
  }

  private record ViewTallyKey(ViewPlace place) {}
}
