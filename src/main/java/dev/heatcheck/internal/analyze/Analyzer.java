package dev.heatcheck.internal.analyze;

import dev.heatcheck.internal.events.EffectKind;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.internal.events.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a run's events into findings and per-page aggregates in one streaming pass. Feed it every event,
 * then call {@link #finish()}.
 *
 * <p>A reaction (DOM mutation, request, navigation…) is credited to the visitor's latest action before
 * it; when that action is a click and the reaction came within its window, the click was alive.
 *
 * <p>The two clicks of a double click (the browser numbers them 1 and 2, same view, same element, no third
 * click after them) are one gesture: a first click left unanswered is alive when the page answered the
 * second (an element that reacts only to {@code dblclick}). Three or more such clicks are a burst, each
 * click judged on its own, as before.
 *
 * <p>Memory does not grow with the number of visitors. events.jsonl is written as things happen, so
 * each visitor's lines come in time order, give or take {@value #SLACK_MS} ms (lines of one moment are
 * written by different threads). A visitor's events are held until the file is {@value #SLACK_MS} ms
 * past them, then judged in time order and dropped; a visitor not seen for {@value #IDLE_MS} ms of file
 * time is over, and its views are added to their pages. A file that goes back in time by more than
 * {@value #JUMP_MS} ms starts again (another shard, another run concatenated): every visitor open then
 * is over. Per page only counters and small maps are kept.
 */
public final class Analyzer implements Consumer<Event> {
  /** How far out of time order lines of one visitor may come and still be judged right. */
  static final long SLACK_MS = 10_000;
  /** A visitor not seen for this long (file time) has left. */
  static final long IDLE_MS = 5 * 60_000;
  /** Lines this much older than the newest seen start another stretch of the file. */
  static final long JUMP_MS = 10 * 60_000;

  private static final int SETTLE_EVERY = 64;

  /** Receives each click once judged, and each pointer move, with the place of its view (null without one). */
  public interface Listener {
    default void judged(JudgedClick click, ViewPlace place) {}

    default void moved(Event.Move move, ViewPlace place) {}
  }

  private final Rules rules;
  private final Grouping grouping;
  private Listener listener = new Listener() {};
  private List<JudgedClick> kept;
  /** Open visitors, least recently seen first. */
  private final LinkedHashMap<String, Session> open = new LinkedHashMap<>(64, 0.75f, true);

  private final Map<Event.Judging, Rules> scenarioRules = new HashMap<>();
  private final Tallies tallies = new Tallies();
  private long clock = Long.MIN_VALUE;
  private long lastSweep = Long.MIN_VALUE;

  public Analyzer(Rules rules) {
    this(rules, Grouping.defaults());
  }

  public Analyzer(Rules rules, Grouping grouping) {
    this.rules = rules;
    this.grouping = grouping;
  }

  /** Hands each judged click and each move to {@code listener} as soon as it is settled (maps are drawn from them). */
  public Analyzer listening(Listener listener) {
    this.listener = listener;
    return this;
  }

  /**
   * Keeps every judged click for {@link Analysis#clicks()}: for looking at single verdicts (tests, small
   * runs). Memory then grows with the clicks; reports never ask for it.
   */
  public Analyzer keepingClicks() {
    this.kept = new ArrayList<>();
    return this;
  }

  /** Reads a whole events file and analyses it with the default rules (a scenario's own travel with its events). */
  public static Analysis analyze(Path events, Grouping grouping) {
    Analyzer analyzer = new Analyzer(Rules.defaults(), grouping);
    EventReader.read(events, analyzer);
    return analyzer.finish();
  }

  @Override
  public void accept(Event event) {
    if (event instanceof Event.Run
        || event instanceof Event.Replayed
        || event instanceof Event.Failed) {
      // a replayed event tells how a replay found its element; the action before it is the
      // visitor's. A failed one is the run's, written after its visitors, timeless
      return;
    }
    long t = time(event);
    if (clock != Long.MIN_VALUE && t < clock - JUMP_MS) {
      // another stretch of the file (a shard written earlier, a second run): what was open is over
      closeAll();
      clock = t;
      lastSweep = t;
    } else if (t > clock) {
      clock = t;
    }
    if (lastSweep == Long.MIN_VALUE) {
      lastSweep = clock;
    }
    String id = String.valueOf(session(event));
    Session session = open.get(id);
    if (session == null) {
      session = new Session();
      open.put(id, session);
    }
    session.add(event, t);
    if (session.pending.size() >= SETTLE_EVERY) {
      session.settle(clock - SLACK_MS);
    }
    if (clock - lastSweep >= 1_000) {
      lastSweep = clock;
      sweep();
    }
  }

  /** Closes the visitors not seen for {@link #IDLE_MS}: the least recently seen come first. */
  private void sweep() {
    Iterator<Session> eldest = open.values().iterator();
    while (eldest.hasNext()) {
      Session session = eldest.next();
      if (session.lastT >= clock - IDLE_MS) {
        return;
      }
      eldest.remove();
      session.close();
    }
  }

  private void closeAll() {
    List<Session> all = new ArrayList<>(open.values());
    open.clear();
    all.forEach(Session::close);
  }

  public Analysis finish() {
    closeAll();
    return tallies.analysis(kept == null ? List.of() : kept);
  }

  /** The rules a click is judged by: its scenario's own settings (carried by its view) over this analyzer's. */
  private Rules rules(Event.View view) {
    if (view == null || view.judge() == null) {
      return rules;
    }
    return scenarioRules.computeIfAbsent(view.judge(), rules::with);
  }

  /** One visitor: its views, its events not yet judged, and the click being judged. */
  private final class Session {
    final Map<String, ViewState> views = new HashMap<>(4);
    final List<Event> pending = new ArrayList<>();
    long lastT = Long.MIN_VALUE;
    /** The latest click or other action of the judged part, and what followed the click. */
    Event latest;

    Evidence evidence;
    Rage.Burst burst;
    /** The first click of what may be a double click, judged but not yet counted: its second click decides. */
    JudgedClick held;

    ViewPlace heldPlace;

    void add(Event event, long t) {
      lastT = Math.max(lastT, t);
      if (event instanceof Event.View view) {
        ViewState state = views.get(view.id());
        if (state == null) {
          views.put(view.id(), new ViewState(view, place(view)));
        } else if (state.view == null) {
          // its scrolls came first
          state.view = view;
          state.place = place(view);
        } else if (view.docH() >= state.view.docH()) {
          state.view = view;
        }
      } else if (event instanceof Event.Scroll scroll) {
        ViewState state = views.computeIfAbsent(scroll.view(), v -> new ViewState(null, null));
        state.scroll(scroll);
      } else {
        pending.add(event);
      }
    }

    /** Judges, in time order, what happened before {@code until}; what came later waits for stragglers. */
    void settle(long until) {
      // in one millisecond, the visitor's action comes first: what follows may be its answer
      pending.sort(
          Comparator.comparingLong(Analyzer::time).thenComparingInt(e -> isAction(e) ? 0 : 1));
      int done = 0;
      while (done < pending.size() && time(pending.get(done)) < until) {
        step(pending.get(done));
        done++;
      }
      pending.subList(0, done).clear();
    }

    private void step(Event event) {
      if (event instanceof Event.Click click) {
        judgeLatest(latest instanceof Event.Click before && Gesture.continues(before, click));
        latest = click;
        evidence = new Evidence();
      } else if (event instanceof Event.Action) {
        judgeLatest(false);
        latest = event;
      } else if (event instanceof Event.Move move) {
        listener.moved(move, placeOf(move.view()));
      } else if (latest instanceof Event.Click click) {
        evidence.add(event, click.t(), rules(viewOf(click.view())));
      }
    }

    /** @param continued whether the click that ends this one's window is the next click of its gesture */
    private void judgeLatest(boolean continued) {
      if (latest instanceof Event.Click click) {
        judge(click, evidence, continued);
      }
      latest = null;
      evidence = null;
    }

    private void judge(Event.Click click, Evidence seen, boolean continued) {
      Event.View view = viewOf(click.view());
      ViewPlace place = placeOf(click.view());
      PageKey page =
          place == null ? new PageKey("?", "?") : new PageKey(place.key().page(), place.viewport());
      String scenario = view == null ? "?" : String.valueOf(view.scenario());
      Verdict verdict;
      if (!Judgeable.test(click)) {
        verdict = Verdict.NOT_JUDGED;
      } else if (seen.error != null) {
        verdict = Verdict.ERROR;
      } else if (seen.signal != null) {
        verdict = Verdict.ALIVE;
      } else {
        verdict = seen.unknown != null ? Verdict.UNDETERMINED : Verdict.DEAD;
      }
      String signal =
          seen.signal != null ? seen.signal : verdict == Verdict.UNDETERMINED ? seen.unknown : null;
      JudgedClick judged =
          new JudgedClick(click, page, scenario, verdict, signal, seen.delay, seen.error);
      if (held != null) {
        // the second click of a gesture: a double click if no third follows, which answers for both
        JudgedClick first = continued ? held : Gesture.answered(held, judged);
        held = null;
        count(first, heldPlace);
      } else if (continued && Gesture.opens(click)) {
        held = judged;
        heldPlace = place;
        return;
      }
      count(judged, place);
    }

    /** Adds a judged click to the tallies, the kept clicks, the listener and the rage bursts, in click order. */
    private void count(JudgedClick judged, ViewPlace place) {
      Event.View view = viewOf(judged.click().view());
      Event.Click click = judged.click();
      tallies.click(judged, place);
      if (kept != null) {
        kept.add(judged);
      }
      listener.judged(judged, place);
      Rules own = rules(view);
      if (Judgeable.mayRage(click)) {
        if (burst != null && burst.continues(judged, own)) {
          burst.add(judged);
        } else {
          closeBurst();
          burst = new Rage.Burst(judged, place);
        }
      }
    }

    private void closeBurst() {
      if (burst != null
          && burst.length() >= rules(viewOf(burst.first().click().view())).rageClicks()) {
        tallies.rage(burst.first(), burst.place());
      }
      burst = null;
    }

    /** The visitor has left: judge what is left, and add its views to their pages. */
    void close() {
      settle(Long.MAX_VALUE);
      judgeLatest(false);
      closeBurst();
      views.values().forEach(state -> {
        if (state.view != null) {
          tallies.view(state);
        }
      });
    }

    private Event.View viewOf(String id) {
      ViewState state = id == null ? null : views.get(id);
      return state == null ? null : state.view;
    }

    private ViewPlace placeOf(String id) {
      ViewState state = id == null ? null : views.get(id);
      return state == null ? null : state.place;
    }
  }

  private ViewPlace place(Event.View view) {
    String path = Route.of(view.url(), view.path());
    String page = grouping.page(path);
    return new ViewPlace(
        new MapKey(page, grouping.buckets().of(view.vw())),
        view.vw() + "x" + view.vh(),
        path == null ? "?" : path,
        String.valueOf(view.scenario()));
  }

  /** One page view: the latest report of it (the tallest document), and how far into it and its containers the visitor got. */
  static final class ViewState {
    Event.View view;
    ViewPlace place;
    double deepest;
    int tallest;
    Map<String, Pages.ContainerSeen> containers;

    ViewState(Event.View view, ViewPlace place) {
      this.view = view;
      this.place = place;
    }

    void scroll(Event.Scroll scroll) {
      deepest = Math.max(deepest, scroll.y());
      tallest = Math.max(tallest, scroll.docH());
      if (scroll.container() != null) {
        if (containers == null) {
          containers = new LinkedHashMap<>();
        }
        containers
            .computeIfAbsent(scroll.container(), c -> new Pages.ContainerSeen())
            .add(scroll);
      }
    }

    double reach() {
      return deepest + view.vh();
    }

    int docHeight() {
      return Math.max(view.docH(), tallest);
    }
  }

  private static String session(Event event) {
    if (event instanceof Event.View e) {
      return e.session();
    } else if (event instanceof Event.Click e) {
      return e.session();
    } else if (event instanceof Event.Scroll e) {
      return e.session();
    } else if (event instanceof Event.Move e) {
      return e.session();
    } else if (event instanceof Event.Action e) {
      return e.session();
    } else if (event instanceof Event.Effect e) {
      return e.session();
    } else if (event instanceof Event.PageError e) {
      return e.session();
    }
    return null;
  }

  private static boolean isAction(Event event) {
    return event instanceof Event.Click || event instanceof Event.Action;
  }

  static long time(Event event) {
    if (event instanceof Event.Click e) {
      return e.t();
    } else if (event instanceof Event.Action e) {
      return e.t();
    } else if (event instanceof Event.Effect e) {
      return e.t();
    } else if (event instanceof Event.PageError e) {
      return e.t();
    } else if (event instanceof Event.Move e) {
      return e.t();
    } else if (event instanceof Event.Scroll e) {
      return e.t();
    } else if (event instanceof Event.View e) {
      return e.t();
    }
    return 0;
  }

  /**
   * The reactions seen after one click: the earliest one within its window, the first error, and the
   * first effect of a kind this version does not know (which may have been an answer: such a click is
   * not judged dead).
   */
  private static final class Evidence {
    String signal;
    long delay = -1;
    String error;
    String unknown;

    void add(Event event, long clickTime, Rules rules) {
      if (event instanceof Event.Effect effect) {
        EffectKind kind = kind(effect.kind());
        long after = effect.t() - clickTime;
        if (kind == null) {
          if (unknown == null && after <= rules.longestWindow()) {
            unknown = "unknown:" + effect.kind();
          }
        } else if (after <= rules.window(kind) && signal == null) {
          signal = kind.id();
          delay = after;
        }
      } else if (event instanceof Event.PageError pageError
          && error == null
          && pageError.t() - clickTime <= rules.errorWindowMs()) {
        error = pageError.message();
      }
    }

    private static EffectKind kind(String id) {
      if (id == null) {
        return null;
      }
      for (EffectKind kind : EffectKind.values()) {
        if (kind.id().equals(id.toLowerCase(Locale.ROOT))) {
          return kind;
        }
      }
      return null; // a kind from a newer recorder: this version cannot weigh it
    }
  }
}
