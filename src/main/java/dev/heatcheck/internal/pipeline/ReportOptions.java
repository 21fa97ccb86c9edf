package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.analyze.Buckets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * @param pagePatterns URL patterns pages aggregate under (as a scenario's pages:)
 * @param screenshots take new screenshots (and anchors) instead of reusing those beside the events
 * @param baseUrl with new screenshots: the site to take them from, in place of the recorded one
 */
public record ReportOptions(
    Path out,
    Buckets buckets,
    List<String> pagePatterns,
    boolean screenshots,
    String baseUrl,
    Optional<Path> browser,
    boolean mayInstall) {
  public ReportOptions {
    pagePatterns = List.copyOf(pagePatterns);
  }
}
