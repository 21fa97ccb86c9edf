package dev.heatcheck.internal.replay;

/** The recording formats heatcheck reads, recognised from a file's content, never its name. */
public enum Format {
  /** A bare array of rrweb 1.x/2.x events (the "rrweb" export of PostHog, and what Sentry and Highlight store). */
  RRWEB("rrweb recording"),
  /** PostHog's export {@code {"version": "2023-04-28", "data": {"snapshots": [...]}}}. */
  POSTHOG("PostHog export 2023-04-28"),
  /** PostHog's older export {@code {"version": "2022-12-02", "data": {"snapshotsByWindowId": {...}}}}. */
  POSTHOG_2022("PostHog export 2022-12-02"),
  /** A Chrome DevTools Recorder flow {@code {"title", "steps": [...]}}, the format @puppeteer/replay runs. */
  DEVTOOLS("DevTools Recorder flow"),
  /** heatcheck's own events.jsonl, from an earlier run. */
  HEATCHECK("heatcheck events.jsonl");

  private final String label;

  Format(String label) {
    this.label = label;
  }

  /** How messages and reports name the format. */
  public String label() {
    return label;
  }
}
