package dev.heatcheck.internal.browser;

import dev.heatcheck.result.HeatcheckException;

/** No browser could be found or installed; the message says exactly how to provide one. */
public final class BrowserNotFound extends HeatcheckException {
  private static final long serialVersionUID = 1L;

  public BrowserNotFound(String message) {
    super(message);
  }
}
