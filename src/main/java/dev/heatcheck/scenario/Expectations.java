package dev.heatcheck.scenario;

/** The click rules of a scenario; a null limit means the scenario sets no rule for that kind. */
public record Expectations(Limit deadClicks, Limit rageClicks, Limit errorClicks) {
  private static final Expectations NONE = new Expectations(null, null, null);

  public static Expectations none() {
    return NONE;
  }
}
