package dev.heatcheck.internal.drive;

import dev.heatcheck.internal.scenario.Scenario;
import java.util.List;

/**
 * What driving one scenario concluded besides its events and screenshots.
 *
 * @param failures the steps that could not be done (the rest of that viewport's visitors are skipped)
 * @param visitors the visitors that were ended (a deadline, a crash, a page that did not load) or, once
 *     the run's deadline passed, not started
 * @param pages the pages the site failed to serve
 * @param timedOut whether the run's deadline cut this scenario short
 */
public record Drive(
    Scenario scenario,
    List<StepFailure> failures,
    List<VisitorFailure> visitors,
    List<PageFailure> pages,
    boolean timedOut) {
  public Drive {
    failures = List.copyOf(failures);
    visitors = List.copyOf(visitors);
    pages = List.copyOf(pages);
  }

  public Drive(Scenario scenario, List<StepFailure> failures) {
    this(scenario, failures, List.of(), List.of(), false);
  }
}
