package dev.heatcheck.internal.report;

import dev.heatcheck.HeatcheckException;
import dev.heatcheck.internal.events.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * index.html: the run to look at in a browser, with no network. The summary is embedded as JSON the
 * page reads as data; the images are the run's own files beside it.
 */
public final class HtmlReport {
  public static final String NAME = "index.html";
  private static final String PLACEHOLDER = "/*DATA*/";

  private HtmlReport() {}

  public static Path write(Summary summary, Path dir) {
    Path file = dir.resolve(NAME);
    try {
      Files.writeString(file, template().replace(PLACEHOLDER, embeddable(Json.mapper().writeValueAsString(summary))));
      return file;
    } catch (IOException e) {
      throw new HeatcheckException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * JSON that cannot end its script element: a site's text such as {@code </script><img onerror>} stays
   * inside the string it belongs to. The escapes are still the same JSON.
   */
  static String embeddable(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  private static String template() throws IOException {
    try (InputStream in = HtmlReport.class.getResourceAsStream("index.html")) {
      if (in == null) {
        throw new HeatcheckException("index.html template is missing from heatcheck's jar; rebuild with mvn package");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
