package dev.heatcheck.internal.events;

import dev.heatcheck.result.HeatcheckException;

/** An events file that cannot be read as events: bad input, named by file and line. */
public final class BadEventsFile extends HeatcheckException {
  private static final long serialVersionUID = 1L;

  public BadEventsFile(String message) {
    super(message);
  }
}
