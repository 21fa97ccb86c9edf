package dev.heatcheck.pipeline;

import dev.heatcheck.analyze.Buckets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * @param baseUrl what relative scenario URLs resolve against; null when every URL is absolute
 * @param out the run's output folder
 * @param browser a browser the user named, if any
 * @param mayInstall whether to install Playwright's Chromium when none is found
 * @param buckets how viewport widths are grouped for the maps
 */
public record RunOptions(String baseUrl, Path out, Optional<Path> browser, boolean mayInstall, Buckets buckets) {
  public RunOptions(String baseUrl, Path out, Optional<Path> browser, boolean mayInstall) {
    this(baseUrl, out, browser, mayInstall, Buckets.defaults());
  }
}
