package dev.heatcheck.internal.drive;

import dev.heatcheck.internal.scenario.Location;

/** A step that could not be carried out: the site no longer matches the scenario. */
public record StepFailure(Location at, String viewport, String message) {
  @Override
  public String toString() {
    return at + ": " + message + " (" + viewport + ")";
  }
}
