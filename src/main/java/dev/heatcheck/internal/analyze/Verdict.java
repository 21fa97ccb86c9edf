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
  NOT_JUDGED
}
