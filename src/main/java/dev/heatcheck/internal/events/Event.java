package dev.heatcheck.internal.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * One line of events.jsonl, the contract between capture and analysis. Times are epoch milliseconds
 * on the machine that ran the browser; coordinates are CSS pixels of the top document.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Event.Run.class, name = "run"),
  @JsonSubTypes.Type(value = Event.View.class, name = "view"),
  @JsonSubTypes.Type(value = Event.Click.class, name = "click"),
  @JsonSubTypes.Type(value = Event.Scroll.class, name = "scroll"),
  @JsonSubTypes.Type(value = Event.Move.class, name = "move"),
  @JsonSubTypes.Type(value = Event.Effect.class, name = "effect"),
  @JsonSubTypes.Type(value = Event.PageError.class, name = "error"),
  @JsonSubTypes.Type(value = Event.Action.class, name = "action"),
  @JsonSubTypes.Type(value = Event.Replayed.class, name = "replayed"),
  @JsonSubTypes.Type(value = Event.Failed.class, name = "failed"),
})
public sealed interface Event {
  int FORMAT_VERSION = 1;

  /**
   * The run that wrote the lines after it.
   *
   * @param seed what its visitors' choices derive from (the seed its scenarios were played with; when
   *     they had different seeds of their own, the run's); null in files written before seeds existed
   * @param files the file of each scenario the run played, by scenario name (for a replayed recording,
   *     the recording), so that a report of the events alone names what was replayed; null in files
   *     written before it existed, and for a run without scenarios
   * @param expect the rules every scenario was held to, when the run was given them apart from its
   *     scenarios (replay --expect); null otherwise, and in files written before it existed
   */
  record Run(
      int v,
      String runId,
      String startedAt,
      String tool,
      String browser,
      Long seed,
      Map<String, String> files,
      Rules expect)
      implements Event {
    /** A run without a seed or scenario files: a recording, not a crowd of synthetic visitors. */
    public Run(int v, String runId, String startedAt, String tool, String browser) {
      this(v, runId, startedAt, tool, browser, null, null, null);
    }
  }

  /**
   * The {@code expect:} file every scenario of a run was held to (heatcheck replay --expect), as it was
   * read, so that a report of the events alone holds them to the same rules, each pointing where it is
   * written.
   *
   * @param file the file as the run was given it (what checks point at)
   * @param text its content
   */
  record Rules(String file, String text) {}

  /**
   * A page view: one document (or SPA route) seen by one visitor ({@code session}) in one scenario at one
   * viewport size.
   *
   * @param judge how the scenario asked its clicks to be judged, when it differs from the defaults; null
   *     otherwise
   */
  record View(
      String id,
      String session,
      String scenario,
      String url,
      String path,
      int vw,
      int vh,
      int docW,
      int docH,
      long t,
      Judging judge)
      implements Event {
    public View(
        String id,
        String session,
        String scenario,
        String url,
        String path,
        int vw,
        int vh,
        int docW,
        int docH,
        long t) {
      this(id, session, scenario, url, path, vw, vh, docW, docH, t, null);
    }
  }

  /**
   * A scenario's own judgement settings, as written in its {@code judge:} section; what is left out (null)
   * keeps the default.
   *
   * @param windows ms after a click that each kind of reaction still counts, by {@link EffectKind} id and
   *     "error"
   */
  record Judging(Map<String, Long> windows, Rage rage) {
    /**
     * @param interval the longest gap between two clicks of a burst, ms
     * @param distance the farthest (Manhattan, px) a click of a burst lands from the one before
     * @param sameTarget whether every click of a burst must be on the same element
     */
    public record Rage(Integer clicks, Long interval, Double distance, Boolean sameTarget) {}
  }

  /**
   * A click. {@code x, y} are page coordinates of the top document; {@code vx, vy} are the same point in the
   * viewport (null when the writer did not record them). On a {@link Target#fixed() fixed} target the
   * viewport point is the one that stays true while the page scrolls. {@code count} is the browser's
   * number of this click within one multi-click gesture ({@code MouseEvent.detail}: 1, then 2 for the
   * second click of a double click…); null when the writer did not record it (read as a lone click).
   */
  record Click(
      String id,
      String view,
      String session,
      long t,
      double x,
      double y,
      boolean modifier,
      Target target,
      Double vx,
      Double vy,
      Integer count)
      implements Event {

    public Click(
        String id,
        String view,
        String session,
        long t,
        double x,
        double y,
        boolean modifier,
        Target target) {
      this(id, view, session, t, x, y, modifier, target, null, null, null);
    }
  }

  /**
   * The window's scroll position; what a visitor saw reaches {@code y + vh}. When {@code container} is set,
   * the sample is of an inner scroll container (a scrolling element or a same-origin frame, named by its
   * selector): {@code containerY} is its scrollTop, {@code containerVh} its visible height,
   * {@code containerH} its scrollable height and {@code containerBox} its page box [x, y, width, height];
   * {@code y} and {@code docH} still tell the window's, so a reader that ignores containers stays right.
   */
  record Scroll(
      String id,
      String view,
      String session,
      long t,
      double y,
      int docH,
      String container,
      Double containerY,
      Integer containerVh,
      Integer containerH,
      List<Double> containerBox)
      implements Event {
    public Scroll(String id, String view, String session, long t, double y, int docH) {
      this(id, view, session, t, y, docH, null, null, null, null, null);
    }
  }

  record Move(String id, String view, String session, long t, double x, double y)
      implements Event {}

  /**
   * Something the page did by itself: evidence that the click before it was not dead. {@code kind} is one
   * of {@link EffectKind}'s names.
   */
  record Effect(String id, String view, String session, long t, String kind, String detail)
      implements Event {}

  /**
   * The visitor did something other than click (went to a URL, typed, scrolled): what the page does next
   * answers that, not the click before it.
   */
  record Action(String id, String view, String session, long t, String kind) implements Event {}

  /** An uncaught exception or a console error. */
  record PageError(String id, String view, String session, long t, String message)
      implements Event {}

  /**
   * A recorded action replayed ({@code heatcheck replay}): how its element was found on the live page.
   * Written after the action; the analysis passes it by (an {@link Action} before it already told that the
   * visitor did something), the replay's summary counts it.
   *
   * @param kind click, dblclick, input or scroll
   * @param found {@code selector} (a locator candidate found it), {@code text} (a text= candidate did),
   *     {@code position} (none did; the recorded position was used) or {@code none} (skipped)
   * @param via the candidate that found it; null when none did
   * @param locate the candidates tried, in order
   * @param recordedMs when the visitor did it, in ms from the start of the recording; null when unknown
   */
  record Replayed(
      String id,
      String view,
      String session,
      long t,
      String kind,
      String found,
      String via,
      List<String> locate,
      Long recordedMs)
      implements Event {}

  /**
   * What a run could not do, written when its visitors are done, so that a report of the events alone
   * holds it to failedVisitors and failedPages as the run did: a visitor ended or not started, a page
   * the site failed to serve, or a step that could not be done (its element is gone).
   *
   * @param what {@code visitor}, {@code page} or {@code step}
   * @param session the visitor; null for a step (one failure of a step stands for every visitor)
   * @param at the step, "file:line:column" (or "file (url)"); null for a visitor that never started
   * @param step what the visitor was doing, for a visitor; null otherwise
   * @param reason why, in a sentence: the visitor's reason, the step's message; null for a page
   * @param url for a page, without query or fragment
   * @param status for a page, its HTTP status, or 0 when its connection failed
   * @param error for a page, the browser's network error; null with an error status
   */
  record Failed(
      String id,
      String what,
      String scenario,
      String session,
      String viewport,
      String at,
      String step,
      String reason,
      String url,
      Integer status,
      String error)
      implements Event {
    public static final String VISITOR = "visitor";
    public static final String PAGE = "page";
    public static final String STEP = "step";
  }
}
