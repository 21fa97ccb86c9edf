package dev.heatcheck.internal.analyze;

import dev.heatcheck.internal.scenario.PagePattern;
import java.util.List;

/**
 * What maps aggregate over: pages grouped by URL pattern ({@code /product/:id}) and viewports by
 * width bucket.
 */
public record Grouping(Buckets buckets, List<String> pagePatterns) {
  public Grouping {
    pagePatterns = List.copyOf(pagePatterns);
  }

  public static Grouping defaults() {
    return new Grouping(Buckets.defaults(), List.of());
  }

  public String page(String path) {
    return PagePattern.group(pagePatterns, path == null ? "?" : path);
  }
}
