package dev.heatcheck.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

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
})
public sealed interface Event {
  int FORMAT_VERSION = 1;

  /** The run that wrote the lines after it. */
  record Run(int v, String runId, String startedAt, String tool, String browser) implements Event {}

  /**
   * A page view: one document (or SPA route) seen by one visitor ({@code session}) in one scenario at one
   * viewport size.
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
      long t)
      implements Event {}

  record Click(String id, String view, String session, long t, double x, double y, boolean modifier, Target target)
      implements Event {}

  /** The window's scroll position; what a visitor saw reaches {@code y + vh}. */
  record Scroll(String id, String view, String session, long t, double y, int docH) implements Event {}

  record Move(String id, String view, String session, long t, double x, double y) implements Event {}

  /**
   * Something the page did by itself: evidence that the click before it was not dead. {@code kind} is one
   * of {@link EffectKind}'s names.
   */
  record Effect(String id, String view, String session, long t, String kind, String detail) implements Event {}

  /**
   * The visitor did something other than click (went to a URL, typed, scrolled): what the page does next
   * answers that, not the click before it.
   */
  record Action(String id, String view, String session, long t, String kind) implements Event {}

  /** An uncaught exception or a console error. */
  record PageError(String id, String view, String session, long t, String message) implements Event {}
}
