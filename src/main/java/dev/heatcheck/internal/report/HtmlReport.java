package dev.heatcheck.internal.report;

import dev.heatcheck.internal.events.Json;
import dev.heatcheck.internal.files.AtomicFile;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
      return AtomicFile.writeString(
          file,
          template().replace(PLACEHOLDER, embeddable(Json.mapper().writeValueAsString(summary))));
    } catch (IOException e) {
      throw new HeatcheckException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * JSON that cannot end its script element: a site's text such as {@code </script><img onerror>} stays
   * inside the string it belongs to. The escapes are still the same JSON.
   */
  static String embeddable(String json) {
    String escaped = json.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
    return escapeLoneSurrogates(escaped);
  }

  /**
   * Page text cut in the middle of an emoji holds half of a surrogate pair, which UTF-8 cannot store.
   * It can only stand inside a JSON string, where its escape means the same.
   */
  private static String escapeLoneSurrogates(String json) {
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean pair = Character.isHighSurrogate(c)
          && i + 1 < json.length()
          && Character.isLowSurrogate(json.charAt(i + 1));
      if (pair) {
        if (out != null) {
          out.append(c).append(json.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(json.length() + 16).append(json, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? json : out.toString();
  }

  private static String template() throws IOException {
    try (InputStream in = HtmlReport.class.getResourceAsStream("index.html")) {
      if (in == null) {
        throw new HeatcheckException(
            "index.html template is missing from heatcheck's jar; rebuild with mvn package");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
