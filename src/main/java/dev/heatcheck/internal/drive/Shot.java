package dev.heatcheck.internal.drive;

import dev.heatcheck.internal.events.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A clean full-page screenshot of one page at one viewport, and where each clicked element is on it:
 * what heatmaps are drawn on, and what clicks recorded on another layout are re-projected onto.
 *
 * @param anchors selector → box [x, y, width, height] in page pixels; absent when the element is not there
 */
public record Shot(Path image, String viewport, Map<String, List<Double>> anchors) {
  public Shot {
    anchors = Map.copyOf(anchors);
  }

  public Optional<List<Double>> anchor(String selector) {
    return Optional.ofNullable(selector == null ? null : anchors.get(selector));
  }

  /** The shot of a page at a viewport in a run's screens folder, if it was taken. */
  public static Optional<Shot> find(Path screensDir, String page, String viewport) {
    Path image = Screens.file(screensDir, page, viewport);
    if (!Files.isRegularFile(image)) {
      return Optional.empty();
    }
    return Optional.of(new Shot(image, viewport, readAnchors(anchorsFile(image))));
  }

  static Path anchorsFile(Path image) {
    String name = image.getFileName().toString();
    return image.resolveSibling(name.substring(0, name.length() - ".png".length()) + ".json");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<Double>> readAnchors(Path file) {
    try {
      return Files.isRegularFile(file)
          ? Json.mapper().readValue(file.toFile(), Map.class)
          : Map.of();
    } catch (IOException e) {
      return Map.of(); // without anchors the clicks are drawn where they were recorded
    }
  }
}
