package dev.heatcheck.internal.scenario;

import java.util.List;

/** The rules of a scenario's {@code expect:}, in the order they are written; none when it has none. */
public record Expectations(List<Expectation> rules) {
  private static final Expectations NONE = new Expectations(List.of());

  public Expectations {
    rules = List.copyOf(rules);
  }

  public static Expectations none() {
    return NONE;
  }
}
