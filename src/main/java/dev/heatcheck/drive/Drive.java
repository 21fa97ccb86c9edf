package dev.heatcheck.drive;

import dev.heatcheck.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What driving one scenario left behind besides its events.
 *
 * @param screenshots per viewport label, per page path: the full-page screenshot
 * @param failure the first step that could not be done, if any (later visitors of that viewport are skipped)
 */
public record Drive(Scenario scenario, Map<String, Map<String, Path>> screenshots, List<StepFailure> failures) {
  public Optional<Path> screenshot(String viewport, String page) {
    return Optional.ofNullable(screenshots.getOrDefault(viewport, Map.of()).get(page));
  }
}
