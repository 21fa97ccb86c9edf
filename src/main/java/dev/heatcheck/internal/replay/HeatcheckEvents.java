package dev.heatcheck.internal.replay;

import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.internal.replay.Locator.Strategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * heatcheck's own events.jsonl as visits, one per session: its views, clicks, scrolls and moves. Typed values
 * were never recorded, so there is nothing to type again; what the page did is not the visitor's.
 */
final class HeatcheckEvents {
  /** A view this soon after the session's click followed from it. */
  private static final long CAUSE_MS = 5000;

  private HeatcheckEvents() {}

  private static final class Session {
    final String id;
    final List<Action> actions = new ArrayList<>();
    long startedAt = -1;
    long lastClick = Long.MIN_VALUE;
    String startUrl;
    Viewport viewport;

    Session(String id) {
      this.id = id;
    }

    long at(long t) {
      if (startedAt < 0) {
        startedAt = t;
      }
      return Math.max(0, t - startedAt);
    }
  }

  static Recorded read(Path file) {
    Map<String, Session> sessions = new LinkedHashMap<>();
    Map<String, String> sessionOfView = new HashMap<>();
    String[] run = {null};
    EventReader.read(file, event -> {
      if (event instanceof Event.Run r) {
        run[0] = r.runId();
      } else if (event instanceof Event.View view) {
        Session s = sessions.computeIfAbsent(view.session(), Session::new);
        sessionOfView.put(view.id(), view.session());
        long at = s.at(view.t());
        Viewport size = view.vw() > 0 && view.vh() > 0 ? new Viewport(view.vw(), view.vh()) : null;
        if (s.startUrl == null) {
          s.startUrl = view.url();
          s.viewport = size;
          s.actions.add(new Action.Navigate(at, view.url(), false));
        } else if (!lastUrl(s).equals(view.url())) {
          s.actions.add(new Action.Navigate(
              at, view.url(), s.lastClick != Long.MIN_VALUE && view.t() - s.lastClick <= CAUSE_MS));
        }
      } else if (event instanceof Event.Click click) {
        Session s = sessions.computeIfAbsent(click.session(), Session::new);
        s.lastClick = click.t();
        s.actions.add(new Action.Click(s.at(click.t()), target(click), "left"));
      } else if (event instanceof Event.Scroll scroll) {
        Session s = sessions.computeIfAbsent(scroll.session(), Session::new);
        Target container = scroll.container() == null
            ? null
            : new Target(
                List.of(new Locator(Strategy.CSS, scroll.container())), null, null, null, null);
        double y =
            container == null ? scroll.y() : scroll.containerY() == null ? 0 : scroll.containerY();
        s.actions.add(new Action.Scroll(s.at(scroll.t()), container, 0, y));
      } else if (event instanceof Event.Move move) {
        Session s = sessions.computeIfAbsent(move.session(), Session::new);
        s.actions.add(new Action.Move(
            s.at(move.t()), null, new Position(move.x(), move.y(), Position.Origin.PAGE)));
      }
    });
    List<Visit> visits = new ArrayList<>();
    for (Session s : sessions.values()) {
      if (s.startUrl != null) {
        visits.add(new Visit(s.id, s.startedAt, s.startUrl, s.viewport, s.actions));
      }
    }
    Visit first = visits.isEmpty() ? null : visits.get(0);
    return new Recorded(
        file,
        Format.HEATCHECK,
        run[0],
        first == null ? null : first.startUrl(),
        first == null ? null : first.viewport(),
        visits);
  }

  private static String lastUrl(Session s) {
    for (int i = s.actions.size() - 1; i >= 0; i--) {
      if (s.actions.get(i) instanceof Action.Navigate n) {
        return n.url();
      }
    }
    return "";
  }

  /** The recorder's selector first, then the role and name it saw, then its text; the click's point last. */
  private static Target target(Event.Click click) {
    dev.heatcheck.internal.events.Target t = click.target();
    Position position = click.vx() != null && click.vy() != null
        ? new Position(click.vx(), click.vy(), Position.Origin.VIEWPORT)
        : new Position(click.x(), click.y(), Position.Origin.PAGE);
    if (t == null) {
      return new Target(List.of(), null, null, null, position);
    }
    boolean masked = t.text() != null && t.text().contains("***");
    String text = masked || t.text() == null || t.text().isBlank() ? null : t.text();
    String frame = t.frame();
    String prefix = frame == null ? "" : frame + " >>> ";
    List<Locator> candidates = new ArrayList<>();
    if (t.selector() != null && !t.selector().isBlank()) {
      candidates.add(new Locator(Strategy.CSS, t.selector()));
    }
    if (text != null && t.role() != null) {
      candidates.add(new Locator(
          Strategy.ROLE, prefix + "role=" + t.role() + "[name=" + Naming.quote(text) + "]"));
    }
    if (text != null && !t.editable()) {
      candidates.add(new Locator(Strategy.TEXT, prefix + "text=" + Naming.quote(text)));
    }
    return new Target(candidates, t.tag(), text, frame, position);
  }
}
