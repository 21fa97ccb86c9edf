package dev.heatcheck.internal.events;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.heatcheck.result.HeatcheckException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a run's events to a new JSONL file (an old one of that name is replaced), one object per line. Safe to call from Playwright's callback threads;
 * each line is flushed whole, so a crash loses at most the line being written.
 */
public final class EventLog implements AutoCloseable {
  private final Path file;
  private final BufferedWriter out;
  private final ObjectWriter writer = Json.mapper().writerFor(Event.class);
  private long count;

  private EventLog(Path file, BufferedWriter out) {
    this.file = file;
    this.out = out;
  }

  public static EventLog create(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return new EventLog(
          file,
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new HeatcheckException("cannot write events to " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized void append(Event event) {
    try {
      out.write(writer.writeValueAsString(event));
      out.write('\n');
      out.flush();
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  public synchronized long count() {
    return count;
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }
}
