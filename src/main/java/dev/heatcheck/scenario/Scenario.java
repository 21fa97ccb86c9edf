package dev.heatcheck.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * One scenario file: the page to open, the window sizes, how many visitors, their steps and the
 * click rules to check. {@code visitors} repeats the steps, each time in a fresh browser context.
 */
public record Scenario(
    Path file,
    String name,
    String url,
    List<Viewport> viewports,
    int visitors,
    List<Step> steps,
    Expectations expect,
    List<String> pages) {
  public Scenario {
    viewports = List.copyOf(viewports);
    steps = List.copyOf(steps);
    pages = List.copyOf(pages);
  }
}
