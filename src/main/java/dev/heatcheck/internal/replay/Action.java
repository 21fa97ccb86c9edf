package dev.heatcheck.internal.replay;

import java.util.List;

/**
 * One thing a visitor did, at {@link #at()} ms from the start of its visit ({@link #UNTIMED} in DevTools
 * flows, which record no times).
 */
public sealed interface Action {
  long UNTIMED = -1;

  long at();

  Kind kind();

  default boolean timed() {
    return at() != UNTIMED;
  }

  enum Kind {
    NAVIGATE,
    ROUTE_CHANGE,
    CLICK,
    DOUBLE_CLICK,
    MOVE,
    SCROLL,
    INPUT,
    KEY_DOWN,
    KEY_UP,
    SET_VIEWPORT,
    WAIT_FOR_ELEMENT,
    WAIT_FOR_EXPRESSION
  }

  /**
   * A page load. {@code triggered}: the visitor's previous action (a click, a key, a submit) caused it, so a
   * player waits for this URL after replaying that action rather than going to it; otherwise the visitor went
   * there (the first page, an address typed or a reload).
   */
  record Navigate(long at, String url, boolean triggered) implements Action {
    @Override
    public Kind kind() {
      return Kind.NAVIGATE;
    }
  }

  /** A single-page app changed its URL without loading a document; the click before it did it. */
  record RouteChange(long at, String url) implements Action {
    @Override
    public Kind kind() {
      return Kind.ROUTE_CHANGE;
    }
  }

  /** @param button "left", "middle" or "right" */
  record Click(long at, Target target, String button) implements Action {
    @Override
    public Kind kind() {
      return Kind.CLICK;
    }
  }

  /** A double click: the two clicks it is made of are part of it, not separate actions. */
  record DoubleClick(long at, Target target) implements Action {
    @Override
    public Kind kind() {
      return Kind.DOUBLE_CLICK;
    }
  }

  /**
   * The pointer moved to (or hovered) a place or an element; target or position may be null, not both.
   *
   * @param frame for a position in an iframe's viewport ({@link Position.Origin#FRAME}): locators of that
   *     iframe element, best first, as a click's target has them; empty otherwise
   */
  record Move(long at, Target target, Position position, List<Locator> frame) implements Action {
    public Move {
      frame = frame == null ? List.of() : List.copyOf(frame);
    }

    public Move(long at, Target target, Position position) {
      this(at, target, position, List.of());
    }

    @Override
    public Kind kind() {
      return Kind.MOVE;
    }
  }

  /** The window (target null) or an element scrolled to {@code x, y} (scrollLeft, scrollTop). */
  record Scroll(long at, Target target, double x, double y) implements Action {
    @Override
    public Kind kind() {
      return Kind.SCROLL;
    }
  }

  /**
   * A field got a value: typed text, a choice in a select, or a checkbox/radio ({@code checked}, else null).
   * Masked text (rrweb writes {@code *} per character) is not the visitor's: a player asks for a value
   * instead. {@link #toString()} never shows the text, so a log line cannot leak it.
   */
  record Input(long at, Target target, String text, Boolean checked, boolean masked)
      implements Action {
    @Override
    public Kind kind() {
      return Kind.INPUT;
    }

    @Override
    public String toString() {
      return "Input[at=" + at + ", target=" + target + ", text=("
          + (text == null ? 0 : text.length()) + " characters, not shown)" + ", checked=" + checked
          + ", masked=" + masked + "]";
    }
  }

  /** A key pressed ({@code down}) or released, in the focused element (DevTools names keys as Puppeteer does). */
  record Key(long at, String key, boolean down) implements Action {
    @Override
    public Kind kind() {
      return down ? Kind.KEY_DOWN : Kind.KEY_UP;
    }
  }

  record SetViewport(long at, Viewport viewport) implements Action {
    @Override
    public Kind kind() {
      return Kind.SET_VIEWPORT;
    }
  }

  /**
   * Wait until the number of elements the target finds compares to {@code count} by {@code operator} (">=",
   * "==", "<="), visible or not when {@code visible} is set.
   */
  record WaitForElement(long at, Target target, String operator, int count, Boolean visible)
      implements Action {
    @Override
    public Kind kind() {
      return Kind.WAIT_FOR_ELEMENT;
    }
  }

  /** Wait until a page expression is truthy, in the frame named by {@code frame} (null: the top document). */
  record WaitForExpression(long at, String expression, String frame) implements Action {
    @Override
    public Kind kind() {
      return Kind.WAIT_FOR_EXPRESSION;
    }
  }
}
