package dev.heatcheck.internal.replay;

import java.nio.file.Path;
import java.util.List;

/**
 * One recording file read into visits.
 *
 * @param startUrl the first visit's first page; null when none is recorded
 * @param viewport the first visit's viewport; null when none is recorded
 */
public record Recorded(
    Path source,
    Format format,
    String title,
    String startUrl,
    Viewport viewport,
    List<Visit> visits) {
  public Recorded {
    visits = List.copyOf(visits);
  }
}
