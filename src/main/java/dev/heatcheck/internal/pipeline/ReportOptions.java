package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.analyze.Buckets;
import dev.heatcheck.internal.scenario.Expectations;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * @param pagePatterns URL patterns pages aggregate under (as a scenario's pages:)
 * @param screenshots take new screenshots (and anchors) instead of reusing those beside the events
 * @param baseUrl with new screenshots: the site to take them from, in place of the recorded one
 * @param skipBadLines skip (and count) lines of the event files that are not events, instead of stopping
 * @param expect the rules every scenario of the events is held to (report --expect), in place of those
 *     their run recorded; null keeps the recorded ones
 */
public record ReportOptions(
    Path out,
    Buckets buckets,
    List<String> pagePatterns,
    boolean screenshots,
    String baseUrl,
    Optional<Path> browser,
    boolean mayInstall,
    boolean skipBadLines,
    Expectations expect) {
  public ReportOptions {
    pagePatterns = List.copyOf(pagePatterns);
  }

  public ReportOptions(
      Path out,
      Buckets buckets,
      List<String> pagePatterns,
      boolean screenshots,
      String baseUrl,
      Optional<Path> browser,
      boolean mayInstall) {
    this(out, buckets, pagePatterns, screenshots, baseUrl, browser, mayInstall, false, null);
  }
}
