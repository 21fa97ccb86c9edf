package dev.heatcheck.internal.drive;

import dev.heatcheck.result.HeatcheckException;

/** The site under test did not answer; the run cannot say anything about it. */
public final class SiteUnreachable extends HeatcheckException {
  private static final long serialVersionUID = 1L;

  public SiteUnreachable(String message) {
    super(message);
  }
}
