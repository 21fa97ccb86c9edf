package dev.heatcheck.pipeline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * @param baseUrl what relative scenario URLs resolve against; null when every URL is absolute
 * @param out the run's output folder
 * @param browser a browser the user named, if any
 * @param mayInstall whether to install Playwright's Chromium when none is found
 */
public record RunOptions(String baseUrl, Path out, Optional<Path> browser, boolean mayInstall) {}
