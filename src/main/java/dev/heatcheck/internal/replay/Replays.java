package dev.heatcheck.internal.replay;

import dev.heatcheck.internal.scenario.Expectations;
import dev.heatcheck.internal.scenario.JudgeSettings;
import dev.heatcheck.internal.scenario.Location;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScrollTarget;
import dev.heatcheck.internal.scenario.Step;
import dev.heatcheck.internal.scenario.Timeouts;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recorded visits as scenarios: each visit one scenario of one visitor at the recording's viewport, whose
 * steps replay its actions with the recorded gaps between them, so that {@code heatcheck replay} plays them
 * as {@code run} plays any scenario (the same capture, judgement, maps, checks and reports).
 *
 * <p>Timing: a gap may be shortened ({@link Settings#speed()}, {@link Settings#idleCapMs()}), but what
 * follows a click (pointer moves included) never plays sooner after it than min(recorded time since the
 * click, the click's longest judgement window + {@link #MARGIN_MS}), so that nothing the visitor did next
 * lands inside a window it did not land in at recorded pace: a sped-up verdict equals the one at recorded
 * pace. Untimed flows (DevTools) play repeated clicks on one target as a burst
 * ({@link #BURST_MS} apart) and give any other click its full window.
 *
 * <p>Pointer moves are replayed at their recorded times too: a hover (a move with a target) as a located
 * action, a move with only a position as the pointer to that page point. Moves less than {@link #FRAME_MS}
 * of played time after the last one kept are dropped: the page could not have painted in between, and a
 * dense stream must not slow the replay. A move inside an iframe (rrweb gives it in the frame's own
 * viewport) moves the pointer to that point of the frame as found at replay time, by the iframe element's
 * locators; when no locator finds the frame, the move is dropped and counted, never a divergence.
 *
 * <p>Not replayed: navigations a click caused (the click causes them again), DevTools waits (each target
 * is looked for until it shows).
 */
public final class Replays {
  /** Past a click's longest judgement window, before the visitor's next action. */
  public static final long MARGIN_MS = 200;
  /** The gap between repeated clicks on one target in an untimed flow. */
  public static final long BURST_MS = 250;
  /** The gap after any other action of an untimed flow. */
  static final long UNTIMED_GAP_MS = 300;
  /** One animation frame: pointer moves closer together than this, as played, are one move. */
  static final long FRAME_MS = 16;

  /**
   * @param baseUrl the origin the recorded origin is replaced with (path, query and hash kept); null keeps
   *     the recorded URL
   * @param speed recorded gaps are divided by it (2 plays twice as fast); at least the click rule above
   * @param idleCapMs no gap is longer (after the speed), again at least the click rule
   * @param inputs values for masked fields, by a selector among the field's candidates
   * @param expect the rules every replayed recording is held to
   */
  public record Settings(
      String baseUrl,
      double speed,
      long idleCapMs,
      Map<String, String> inputs,
      Expectations expect) {
    public Settings {
      inputs = Map.copyOf(inputs);
      expect = expect == null ? Expectations.none() : expect;
    }
  }

  /** What replaying a set of recordings plays, and what the user must hear before it does. */
  public record Plan(List<Scenario> scenarios, List<String> notices) {}

  private Replays() {}

  public static Plan plan(List<Recorded> recordings, Settings settings) {
    List<Scenario> scenarios = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Recorded recording : recordings) {
      List<Visit> visits = recording.visits();
      for (int i = 0; i < visits.size(); i++) {
        String name = unique(name(recording.source(), visits.size() == 1 ? 0 : i + 1), names);
        scenarios.add(scenario(recording, visits.get(i), name, settings, notices));
      }
    }
    return new Plan(scenarios, notices);
  }

  /** The file name without its extensions, then the visit's number when the file holds several. */
  static String name(Path source, int visit) {
    String file = source.getFileName().toString().replaceFirst("(\\.jsonl|\\.json)?(\\.gz)?$", "");
    return visit == 0 ? file : file + "-" + visit;
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = name + "-" + n;
    }
    return candidate;
  }

  private static Scenario scenario(
      Recorded recording, Visit visit, String name, Settings settings, List<String> notices) {
    Converter converter = new Converter(recording.source(), visit, settings, notices);
    List<Step> steps = converter.steps();
    Viewport recorded = visit.viewport() != null ? visit.viewport() : recording.viewport();
    dev.heatcheck.internal.scenario.Viewport viewport = recorded == null
        ? dev.heatcheck.internal.scenario.Viewport.DEFAULT
        : new dev.heatcheck.internal.scenario.Viewport(recorded.width(), recorded.height());
    Timeouts defaults = Timeouts.defaults();
    // a long recording is no stuck visitor: its own length, played, plus the usual margin
    long visitMs =
        Math.min(Timeouts.MAX_MS, defaults.visit() + converter.playedMs() + 2L * defaults.load());
    return new Scenario(
        recording.source(),
        name,
        rebase(visit.startUrl(), settings.baseUrl()),
        List.of(viewport),
        1,
        steps,
        settings.expect(),
        List.of(),
        JudgeSettings.none(),
        null,
        List.of(),
        new Timeouts(defaults.step(), defaults.load(), (int) Math.max(defaults.visit(), visitMs)),
        null,
        0);
  }

  /** The recorded URL on the base URL's origin, path, query and hash kept; unchanged without a base. */
  public static String rebase(String url, String baseUrl) {
    if (baseUrl == null || url == null) {
      return url;
    }
    URI base = URI.create(baseUrl);
    String origin = base.getScheme() + "://" + base.getRawAuthority();
    String rest = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*", "");
    return origin + (rest.isEmpty() || rest.charAt(0) != '/' ? "/" + rest : rest);
  }

  /** One visit's actions as steps. */
  private static final class Converter {
    private final Path source;
    private final Visit visit;
    private final Settings settings;
    private final List<String> notices;
    private final Location at;
    private final long windowMs = JudgeSettings.none().longestWindow();
    private final List<Step> steps = new ArrayList<>();
    private long playedMs;
    /** The last click played, and the time played since. */
    private Action lastClick;

    private long sinceClick;
    private double scrollX;
    private double scrollY;

    Converter(Path source, Visit visit, Settings settings, List<String> notices) {
      this.source = source;
      this.visit = visit;
      this.settings = settings;
      this.notices = notices;
      this.at = Location.startOf(source);
    }

    long playedMs() {
      return playedMs;
    }

    List<Step> steps() {
      List<Action> actions = movesInPlace(visit.actions());
      Action previous = null;
      boolean first = true;
      for (int i = 0; i < actions.size(); i++) {
        Action action = actions.get(i);
        if (pointOnly(action) && pointOnly(previous) && played(previous, action) < FRAME_MS) {
          continue; // within a frame of the last move kept
        }
        List<Step> made = steps(action, first);
        if (action instanceof Action.Navigate) {
          first = false;
        }
        if (made.isEmpty()) {
          continue;
        }
        if (previous != null) {
          gap(previous, action);
        }
        steps.addAll(made);
        previous = action;
        if (action instanceof Action.Click || action instanceof Action.DoubleClick) {
          lastClick = action;
          sinceClick = 0;
        }
      }
      return steps;
    }

    /** A wait between two played actions: the recorded gap, shortened within the rules above. */
    private void gap(Action before, Action next) {
      boolean click = before instanceof Action.Click || before instanceof Action.DoubleClick;
      long wait;
      if (!before.timed() || !next.timed()) {
        wait = !click ? UNTIMED_GAP_MS : sameTarget(before, next) ? BURST_MS : windowMs + MARGIN_MS;
      } else {
        wait = played(before, next);
        if (lastClick != null && lastClick.timed()) {
          // counted from the click, not from the moves after it: sped-up moves do not bring what
          // the
          // visitor did next into the click's window
          long atPace = Math.min(Math.max(0, next.at() - lastClick.at()), windowMs + MARGIN_MS);
          wait = Math.max(wait, atPace - sinceClick);
        }
      }
      if (wait > 0) {
        steps.add(new Step.Wait(wait, null, at));
        playedMs += wait;
        sinceClick += wait;
      }
    }

    /**
     * The actions with each timed move placed by its time among the others, whose order is kept: rrweb
     * sends moves in batches after they happened, so a click may come before the moves that led to it.
     */
    static List<Action> movesInPlace(List<Action> actions) {
      List<Action> moves = actions.stream()
          .filter(a -> a instanceof Action.Move && a.timed())
          .sorted(java.util.Comparator.comparingLong(Action::at))
          .toList();
      if (moves.isEmpty()) {
        return actions;
      }
      List<Action> out = new ArrayList<>(actions.size());
      int next = 0;
      for (Action action : actions) {
        if (action instanceof Action.Move && action.timed()) {
          continue;
        }
        while (action.timed() && next < moves.size() && moves.get(next).at() < action.at()) {
          out.add(moves.get(next++));
        }
        out.add(action);
      }
      out.addAll(moves.subList(next, moves.size()));
      return out;
    }

    /** A pointer move to a position, no element: what may be coalesced. */
    private static boolean pointOnly(Action action) {
      return action instanceof Action.Move m
          && m.timed()
          && (m.target() == null || m.target().candidates().isEmpty());
    }

    /** The gap between two timed actions as played: the recorded one sped up, within the idle cap. */
    private long played(Action before, Action next) {
      long recorded = Math.max(0, next.at() - before.at());
      return Math.min((long) (recorded / settings.speed()), settings.idleCapMs());
    }

    private static boolean sameTarget(Action before, Action next) {
      return next instanceof Action.Click c
          && before instanceof Action.Click b
          && c.target().candidates().equals(b.target().candidates());
    }

    private List<Step> steps(Action action, boolean first) {
      if (action instanceof Action.Navigate n) {
        // the first page is the scenario's url; a page a click loaded, the click loads again
        return first || n.triggered()
            ? List.of()
            : List.of(new Step.Goto(rebase(n.url(), settings.baseUrl()), at));
      } else if (action instanceof Action.Click c) {
        return c.button().equals("left")
            ? List.of(new Step.Click(located(c), 1, 0, at))
            : List.of();
      } else if (action instanceof Action.DoubleClick d) {
        return List.of(new Step.DoubleClick(located(d.at(), d.target()), at));
      } else if (action instanceof Action.Input input) {
        return List.of(input(input));
      } else if (action instanceof Action.Scroll s) {
        return scroll(s);
      } else if (action instanceof Action.Key k && k.down()) {
        return List.of(new Step.Press(k.key(), at));
      } else if (action instanceof Action.Move m) {
        return move(m);
      }
      return List.of();
    }

    /**
     * A hover over the target's element when the recording names one; else the pointer to the recorded
     * position on the page (a viewport position plus the window's scroll as recorded then), or in its
     * iframe. A position relative to an element, or in a frame no locator names, is not replayed.
     */
    private List<Step> move(Action.Move m) {
      if (m.target() != null && !m.target().candidates().isEmpty()) {
        return List.of(new Step.Move(located(m.at(), m.target()), at));
      }
      Position p = m.position() != null
          ? m.position()
          : m.target() == null ? null : m.target().position();
      if (p != null && p.origin() == Position.Origin.FRAME) {
        return inFrame(m, p);
      }
      if (p == null
          || p.origin() != Position.Origin.PAGE && p.origin() != Position.Origin.VIEWPORT) {
        return List.of();
      }
      boolean page = p.origin() == Position.Origin.PAGE;
      double x = page ? p.x() : p.x() + scrollX;
      double y = page ? p.y() : p.y() + scrollY;
      return x < 0 || y < 0
          ? List.of() // off the page: nothing to move to
          : List.of(new Step.Move(new dev.heatcheck.internal.scenario.Target.At(x, y), at));
    }

    /** A move in an iframe's viewport: to that point of the frame the iframe's locators find. */
    private List<Step> inFrame(Action.Move m, Position p) {
      if (m.frame().isEmpty() || p.x() < 0 || p.y() < 0) {
        return List.of();
      }
      List<String> frame = m.frame().stream().map(Locator::selector).distinct().toList();
      return List.of(new Step.Move(
          new dev.heatcheck.internal.scenario.Target.InFrame(
              frame, p.x(), p.y(), m.timed() ? m.at() : null),
          at));
    }

    private List<Step> scroll(Action.Scroll s) {
      if (s.target() == null) {
        scrollX = s.x();
        scrollY = s.y();
        return List.of(new Step.Scroll(new ScrollTarget.ToY(s.y()), at));
      }
      if (s.target().candidates().isEmpty()) {
        return List.of();
      }
      return List.of(
          new Step.Scroll(new ScrollTarget.Within(located(s.at(), s.target()), s.x(), s.y()), at));
    }

    private Step input(Action.Input input) {
      dev.heatcheck.internal.scenario.Target.Located target = located(input.at(), input.target());
      String value = input.text();
      if (input.masked()) {
        value = target.locate().stream()
            .map(settings.inputs()::get)
            .filter(v -> v != null)
            .findFirst()
            .orElse(null);
        if (value == null && input.checked() == null) {
          notices.add(source + ": " + visitShown() + "a masked value typed into "
              + target.locate().get(0) + " at " + seconds(input.at())
              + " is not replayed; give --input '" + target.locate().get(0) + "=VALUE'");
        }
      }
      return new Step.Input(target, value, input.checked(), input.masked(), at);
    }

    private String visitShown() {
      return visit.id().equals("1") ? "" : "visit " + visit.id() + ": ";
    }

    private dev.heatcheck.internal.scenario.Target.Located located(Action.Click click) {
      return located(click.at(), click.target());
    }

    /** The candidates, in order, and the recorded point in the viewport when it can be known. */
    private dev.heatcheck.internal.scenario.Target.Located located(long time, Target target) {
      Set<String> candidates = new LinkedHashSet<>();
      target.candidates().forEach(c -> candidates.add(c.selector()));
      Double x = null;
      Double y = null;
      Position p = target.position();
      if (p != null && p.origin() == Position.Origin.VIEWPORT) {
        x = p.x();
        y = p.y();
      } else if (p != null && p.origin() == Position.Origin.PAGE) {
        x = p.x() - scrollX;
        y = p.y() - scrollY;
      }
      return new dev.heatcheck.internal.scenario.Target.Located(
          List.copyOf(candidates), x, y, time == Action.UNTIMED ? null : time);
    }
  }

  /** 10575 ms as "10.6 s". */
  public static String seconds(long ms) {
    return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
