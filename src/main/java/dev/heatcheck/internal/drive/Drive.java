package dev.heatcheck.internal.drive;

import dev.heatcheck.internal.scenario.Scenario;
import java.util.List;

/**
 * What driving one scenario concluded besides its events and screenshots.
 *
 * @param failures the steps that could not be done (the rest of that viewport's visitors are skipped)
 */
public record Drive(Scenario scenario, List<StepFailure> failures) {
  public Drive {
    failures = List.copyOf(failures);
  }
}
