package dev.heatcheck.internal.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What reading event files met: events, clicks, and what was skipped because this version does not know it. */
public final class ReadStats {
  private long lines;
  private long events;
  private long clicks;
  private long unknownTypeLines;
  private final List<String> unknownTypes = new ArrayList<>();
  private long unknownFields;
  private final List<String> unknownFieldNames = new ArrayList<>();
  private long skippedBad;
  private String firstSkipped;
  private final List<String> truncated = new ArrayList<>();

  void add(EventReader.Chunk chunk) {
    lines += chunk.lines;
    clicks += chunk.clicks;
    for (int i = 0; i < chunk.count; i++) {
      events += chunk.events[i] == null ? 0 : 1;
    }
    unknownTypeLines += chunk.unknownTypeLines;
    addSome(unknownTypes, chunk.unknownTypes);
    unknownFields += chunk.unknownFields;
    addSome(unknownFieldNames, chunk.unknownFieldNames);
  }

  private static void addSome(List<String> into, List<String> names) {
    for (String name : names) {
      if (into.size() < 5 && !into.contains(name)) {
        into.add(name);
      }
    }
  }

  void skipped(String where) {
    skippedBad++;
    if (firstSkipped == null) {
      firstSkipped = where;
    }
  }

  void truncated(String where) {
    truncated.add(where);
  }

  public long lines() {
    return lines;
  }

  public long events() {
    return events;
  }

  public long clicks() {
    return clicks;
  }

  public long unknownTypeLines() {
    return unknownTypeLines;
  }

  public long unknownFields() {
    return unknownFields;
  }

  public long skippedBadLines() {
    return skippedBad;
  }

  public List<String> truncatedLines() {
    return List.copyOf(truncated);
  }

  /**
   * One line saying what was passed over, or null when nothing was: unknown types and fields (a newer
   * writer's), bad lines skipped on request, last lines cut short.
   *
   * @param undetermined clicks not judged because an effect of a kind this version does not know followed them
   */
  public String warning(long undetermined) {
    List<String> parts = new ArrayList<>();
    if (unknownTypeLines > 0) {
      parts.add(String.format(
          Locale.ROOT,
          "%d line(s) of unknown type (%s) skipped",
          unknownTypeLines,
          String.join(", ", unknownTypes)));
    }
    if (unknownFields > 0) {
      parts.add(String.format(
          Locale.ROOT,
          "%d unknown field(s) ignored (%s)",
          unknownFields,
          String.join(", ", unknownFieldNames)));
    }
    if (undetermined > 0) {
      parts.add(String.format(
          Locale.ROOT,
          "%d click(s) left undetermined: an effect of a kind this version does not know followed them",
          undetermined));
    }
    if (skippedBad > 0) {
      parts.add(String.format(
          Locale.ROOT, "%d bad line(s) skipped (first at %s)", skippedBad, firstSkipped));
    }
    if (!truncated.isEmpty()) {
      parts.add("last line cut short, skipped: " + String.join(", ", truncated));
    }
    if (parts.isEmpty()) {
      return null;
    }
    boolean newer = unknownTypeLines > 0 || unknownFields > 0 || undetermined > 0;
    return "warning: " + String.join("; ", parts) + (newer ? " (written by a newer version?)" : "");
  }
}
