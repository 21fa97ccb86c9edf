package dev.heatcheck.internal.pipeline;

import dev.heatcheck.result.HeatcheckException;

/** Folders that are not one run's complete set of shards: bad input, told in one line. */
public final class BadShards extends HeatcheckException {
  private static final long serialVersionUID = 1L;

  BadShards(String message) {
    super(message);
  }
}
