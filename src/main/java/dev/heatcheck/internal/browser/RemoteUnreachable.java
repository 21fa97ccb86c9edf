package dev.heatcheck.internal.browser;

import dev.heatcheck.result.HeatcheckException;

/** A Playwright server or Selenium Grid that did not answer, or gave no browser; the message names it. */
public final class RemoteUnreachable extends HeatcheckException {
  private static final long serialVersionUID = 1L;

  RemoteUnreachable(String message) {
    super(message);
  }
}
