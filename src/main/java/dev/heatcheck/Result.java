package dev.heatcheck;

import dev.heatcheck.internal.analyze.Buckets;
import dev.heatcheck.internal.report.Summary;
import java.nio.file.Path;
import java.util.Optional;

/** What a run found, to assert on: its summary and the folder holding its maps and events. */
public final class Result {
  private final Path dir;
  private final Summary summary;

  public Result(Path dir, Summary summary) {
    this.dir = dir;
    this.summary = summary;
  }

  public Path dir() {
    return dir;
  }

  public Summary summary() {
    return summary;
  }

  /** Whether every check of the run's scenarios held. */
  public boolean passed() {
    return summary.passed();
  }

  /** The click heatmap showing a page as seen at a viewport ("1280x800"), if the run drew one. */
  public Optional<Path> heatmap(String page, String viewport) {
    String bucket = bucket(viewport);
    return summary.pages().stream()
        .filter(p -> p.page().equals(page) && p.bucket().equals(bucket) && p.maps() != null)
        .map(p -> dir.resolve(p.maps().click()))
        .findFirst();
  }

  private String bucket(String viewport) {
    Buckets buckets = summary.grouping() == null ? Buckets.defaults() : Buckets.parse(summary.grouping().buckets());
    int x = viewport.indexOf('x');
    try {
      return buckets.of(Integer.parseInt(x > 0 ? viewport.substring(0, x) : viewport));
    } catch (NumberFormatException e) {
      return viewport;
    }
  }

  @Override
  public String toString() {
    return "heatcheck result in " + dir;
  }
}
