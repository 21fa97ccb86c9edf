package dev.heatcheck.internal.analyze;

import dev.heatcheck.internal.events.EffectKind;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.result.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a run's events into judged clicks, findings and per-page aggregates. Feed it every event (in
 * any order), then call {@link #finish()}.
 *
 * <p>A reaction (DOM mutation, request, navigation…) is credited to the visitor's latest action before
 * it; when that action is a click and the reaction came within its window, the click was alive.
 */
public final class Analyzer implements Consumer<Event> {
  private final Rules rules;
  private final Grouping grouping;
  private final Map<String, Event.View> views = new HashMap<>();
  private final Map<String, List<Event>> timelines = new LinkedHashMap<>();
  private final Map<String, Double> deepest = new HashMap<>();
  private final Map<String, Integer> tallest = new HashMap<>();
  /** Per view, per inner scroll container: how far into it the view got. */
  private final Map<String, Map<String, Pages.ContainerSeen>> containers = new HashMap<>();
  private final Map<Event.Judging, Rules> scenarioRules = new HashMap<>();

  public Analyzer(Rules rules) {
    this(rules, Grouping.defaults());
  }

  public Analyzer(Rules rules, Grouping grouping) {
    this.rules = rules;
    this.grouping = grouping;
  }

  @Override
  public void accept(Event event) {
    if (event instanceof Event.View view) {
      views.merge(view.id(), view, (old, now) -> now.docH() >= old.docH() ? now : old);
    } else if (event instanceof Event.Scroll scroll) {
      deepest.merge(scroll.view(), scroll.y(), Math::max);
      tallest.merge(scroll.view(), scroll.docH(), Math::max);
      if (scroll.container() != null) {
        containers.computeIfAbsent(scroll.view(), v -> new LinkedHashMap<>())
            .computeIfAbsent(scroll.container(), c -> new Pages.ContainerSeen()).add(scroll);
      }
    } else if (event instanceof Event.Click click) {
      timeline(click.session()).add(click);
    } else if (event instanceof Event.Action action) {
      timeline(action.session()).add(action);
    } else if (event instanceof Event.Effect effect) {
      timeline(effect.session()).add(effect);
    } else if (event instanceof Event.PageError error) {
      timeline(error.session()).add(error);
    }
  }

  /** Reads a whole events file and analyses it with the default rules (a scenario's own travel with its events). */
  public static Analysis analyze(Path events, Grouping grouping) {
    Analyzer analyzer = new Analyzer(Rules.defaults(), grouping);
    EventReader.read(events, analyzer);
    return analyzer.finish();
  }

  public Analysis finish() {
    Map<String, ViewPlace> places = places();
    List<JudgedClick> judged = new ArrayList<>();
    List<JudgedClick> bursts = new ArrayList<>();
    for (List<Event> timeline : timelines.values()) {
      // in one millisecond, the visitor's action comes first: what follows may be its answer
      timeline.sort(Comparator.comparingLong(Analyzer::time).thenComparingInt(e -> isAction(e) ? 0 : 1));
      List<JudgedClick> clicks = judge(timeline);
      judged.addAll(clicks);
      bursts.addAll(Rage.find(clicks, c -> rules(c.click())));
    }
    List<Finding> findings = new ArrayList<>(Findings.deadAndError(judged));
    findings.addAll(Findings.rage(bursts));
    findings.sort(Findings.ORDER);
    return new Analysis(judged, findings, Pages.of(places, views, judged, bursts, reach(places), containers), places);
  }

  private Map<String, ViewPlace> places() {
    Map<String, ViewPlace> places = new HashMap<>();
    views.forEach((id, view) -> {
      String page = grouping.page(view.path());
      places.put(id, new ViewPlace(new MapKey(page, grouping.buckets().of(view.vw())), view.vw() + "x" + view.vh(),
          view.path(), String.valueOf(view.scenario()), deepest.getOrDefault(id, 0.0) + view.vh()));
    });
    return places;
  }

  /** Per view: the deepest point seen, and the tallest the document was. */
  private Map<String, double[]> reach(Map<String, ViewPlace> places) {
    Map<String, double[]> reach = new HashMap<>();
    views.forEach((id, view) -> reach.put(id, new double[] {
        deepest.getOrDefault(id, 0.0) + view.vh(), Math.max(view.docH(), tallest.getOrDefault(id, 0))}));
    return reach;
  }

  private List<Event> timeline(String session) {
    return timelines.computeIfAbsent(String.valueOf(session), s -> new ArrayList<>());
  }

  /** Walks one visitor's timeline, keeping the latest action to credit reactions to. */
  private List<JudgedClick> judge(List<Event> timeline) {
    Map<Event.Click, Evidence> evidence = new LinkedHashMap<>();
    Event latest = null;
    for (Event event : timeline) {
      if (event instanceof Event.Click click) {
        evidence.put(click, new Evidence());
        latest = click;
      } else if (event instanceof Event.Action) {
        latest = event;
      } else if (latest instanceof Event.Click click) {
        evidence.get(click).add(event, click.t(), rules(click));
      }
    }
    List<JudgedClick> judged = new ArrayList<>();
    evidence.forEach((click, seen) -> judged.add(judge(click, seen)));
    return judged;
  }

  private JudgedClick judge(Event.Click click, Evidence seen) {
    Event.View view = views.get(click.view());
    PageKey page = view == null ? new PageKey("?", "?") : new PageKey(grouping.page(view.path()), view.vw() + "x" + view.vh());
    String scenario = view == null ? "?" : view.scenario();
    Verdict verdict;
    if (!Judgeable.test(click)) {
      verdict = Verdict.NOT_JUDGED;
    } else if (seen.error != null) {
      verdict = Verdict.ERROR;
    } else {
      verdict = seen.signal == null ? Verdict.DEAD : Verdict.ALIVE;
    }
    return new JudgedClick(click, page, scenario, verdict, seen.signal, seen.delay, seen.error);
  }

  /** The rules a click is judged by: its scenario's own settings (carried by its view) over this analyzer's. */
  private Rules rules(Event.Click click) {
    Event.View view = views.get(click.view());
    if (view == null || view.judge() == null) {
      return rules;
    }
    return scenarioRules.computeIfAbsent(view.judge(), rules::with);
  }

  private static boolean isAction(Event event) {
    return event instanceof Event.Click || event instanceof Event.Action;
  }

  private static long time(Event event) {
    if (event instanceof Event.Click e) {
      return e.t();
    } else if (event instanceof Event.Action e) {
      return e.t();
    } else if (event instanceof Event.Effect e) {
      return e.t();
    } else if (event instanceof Event.PageError e) {
      return e.t();
    }
    return 0;
  }

  /** The reactions seen after one click: the earliest one within its window, and the first error. */
  private static final class Evidence {
    String signal;
    long delay = -1;
    String error;

    void add(Event event, long clickTime, Rules rules) {
      if (event instanceof Event.Effect effect) {
        EffectKind kind = kind(effect.kind());
        long after = effect.t() - clickTime;
        if (kind != null && after <= rules.window(kind) && signal == null) {
          signal = kind.id();
          delay = after;
        }
      } else if (event instanceof Event.PageError pageError && error == null
          && pageError.t() - clickTime <= rules.errorWindowMs()) {
        error = pageError.message();
      }
    }

    private static EffectKind kind(String id) {
      try {
        return EffectKind.of(id);
      } catch (IllegalArgumentException | NullPointerException e) {
        return null; // a kind from a newer recorder: not evidence this version can weigh
      }
    }
  }
}
