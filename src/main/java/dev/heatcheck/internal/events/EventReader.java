package dev.heatcheck.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.heatcheck.result.HeatcheckException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** Streams events.jsonl without holding it in memory. */
public final class EventReader {
  private static final ObjectReader READER = Json.mapper().readerFor(Event.class);

  private EventReader() {}

  /**
   * Hands each event to {@code sink} in file order. A last line cut short by a crash is skipped; a bad
   * line anywhere else is an error naming file and line.
   */
  public static void read(Path file, Consumer<Event> sink) {
    // a decoding reader replaces bad bytes instead of failing, so a line cut mid-character is just a bad line
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      String line = in.readLine();
      int number = 0;
      while (line != null) {
        number++;
        String next = in.readLine();
        if (!line.isBlank()) {
          parse(file, number, line, next == null).ifPresent(sink);
        }
        line = next;
      }
    } catch (NoSuchFileException e) {
      throw new HeatcheckException(file + ": no such events file");
    } catch (IOException e) {
      throw new HeatcheckException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static Optional<Event> parse(Path file, int number, String line, boolean last) {
    try {
      Event event = READER.readValue(line);
      if (event == null) {
        throw new HeatcheckException(file + ":" + number + ":1: not a heatcheck event: a JSON object with a type is expected");
      }
      return Optional.of(event);
    } catch (JsonProcessingException e) {
      if (last) {
        return Optional.empty();
      }
      long column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
      throw new HeatcheckException(
          file + ":" + number + ":" + column + ": not a heatcheck event: " + e.getOriginalMessage());
    }
  }
}
