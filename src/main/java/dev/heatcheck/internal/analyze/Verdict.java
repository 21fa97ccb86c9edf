package dev.heatcheck.internal.analyze;

/** What a click turned out to be. */
public enum Verdict {
  /** The page answered (the signal says how). */
  ALIVE,
  /** The page did nothing a visitor could notice within the windows. */
  DEAD,
  /** The page threw or logged an error right after it. */
  ERROR,
  /** Not the kind of click that must get an answer: links, typing into fields, modifier-key clicks. */
  NOT_JUDGED,
  /**
   * No reaction this version knows, but an effect of a kind it does not know (a newer recorder's) came
   * within the windows: it may have been the answer, so the click is not called dead.
   */
  UNDETERMINED
}
