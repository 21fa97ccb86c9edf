package dev.heatcheck.internal.scenario;

import java.util.Map;

/**
 * One arm of an A/B comparison: the scenario run with another URL, extra query parameters, or
 * cookies. The first variant is the baseline the others are compared with.
 *
 * @param url where visitors start instead of the scenario's url; null to keep it
 * @param query parameters added to the start URL
 * @param cookies set in every visitor's browser before the first page loads
 */
public record Variant(
    String name, String url, Map<String, String> query, Map<String, String> cookies, Location at) {
  public Variant {
    query = Map.copyOf(query);
    cookies = Map.copyOf(cookies);
  }

  /** The start URL of this variant, from the scenario's. */
  public String startUrl(String scenarioUrl) {
    String start = url != null ? url : scenarioUrl;
    if (query.isEmpty()) {
      return start;
    }
    StringBuilder withQuery = new StringBuilder(start).append(start.contains("?") ? '&' : '?');
    query.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> withQuery
            .append(java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8))
            .append('=')
            .append(
                java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
            .append('&'));
    return withQuery.substring(0, withQuery.length() - 1);
  }
}
