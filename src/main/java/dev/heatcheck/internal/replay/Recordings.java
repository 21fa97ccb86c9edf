package dev.heatcheck.internal.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.result.HeatcheckException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads recordings into {@link Recorded}s of {@link Visit}s, the format recognised from the content (gzipped
 * or not), never from the name: a bare rrweb event array, PostHog's exports (2023-04-28 and 2022-12-02,
 * posthog-js compressed data included), a Chrome DevTools Recorder flow, or heatcheck's events.jsonl. rrweb
 * and PostHog files are streamed one event at a time.
 *
 * <p>What is wrong with a file is a {@link HeatcheckException} with one line naming the file, the place
 * (line:col, the event's JSON path) and the fault.
 */
public final class Recordings {
  private static final String KNOWN =
      "a recording is an rrweb event array, a PostHog export, a DevTools Recorder flow or heatcheck's events.jsonl";

  private Recordings() {}

  /** The recordings in a file, or in every file of a folder and its subfolders (hidden ones skipped), by name. */
  public static List<Recorded> read(Path path) {
    if (!Files.isDirectory(path)) {
      return List.of(readFile(path));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> !path.relativize(p).toString().matches("(.*/)?\\..*"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new HeatcheckException(path + ": cannot list the folder: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new HeatcheckException(path + ": no recordings in this folder");
    }
    List<Recorded> out = new ArrayList<>();
    for (Path file : files) {
      out.add(readFile(file));
    }
    return out;
  }

  /** The recording in one file. */
  public static Recorded readFile(Path file) {
    try {
      Format format = detect(file);
      Recorded recording = switch (format) {
        case RRWEB, POSTHOG, POSTHOG_2022 -> readRrweb(file, format);
        case DEVTOOLS -> DevToolsFlow.read(file, readTree(file));
        case HEATCHECK -> HeatcheckEvents.read(file);
      };
      if (recording.visits().isEmpty()) {
        throw new HeatcheckException(file + ": nothing to replay in this " + format.label()
            + (switch (format) {
              case DEVTOOLS -> " (no steps)";
              case HEATCHECK -> " (no page view)";
              default -> " (no full snapshot: rrweb never took one of a page)";
            }));
      }
      return recording;
    } catch (NoSuchFileException e) {
      throw new HeatcheckException(file + ": no such file");
    } catch (JsonEOFException e) {
      throw new HeatcheckException(
          file + ":" + where(e.getLocation()) + ": truncated: the file ends inside the JSON");
    } catch (StreamReadException e) {
      if (String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
        throw new HeatcheckException(
            file + ":" + where(e.getLocation()) + ": truncated: the file ends inside the JSON");
      }
      throw new HeatcheckException(
          file + ":" + where(e.getLocation()) + ": not JSON: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new HeatcheckException(
          file + ":" + where(e.getLocation()) + ": " + e.getOriginalMessage());
    } catch (java.io.EOFException e) {
      throw new HeatcheckException(file + ": truncated: the gzip data ends early");
    } catch (java.util.zip.ZipException e) {
      throw new HeatcheckException(
          file + ": not gzip data, though it starts like it: " + e.getMessage());
    } catch (IOException e) {
      throw new HeatcheckException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  static String where(JsonLocation location) {
    return location == null ? "1:1" : location.getLineNr() + ":" + location.getColumnNr();
  }

  /** The file's bytes, gunzipped when they are gzip's. */
  static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b
        ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16)
        : in;
  }

  // ---- what the content is
  // ----------------------------------------------------------------------------

  private static Format detect(Path file) throws IOException {
    try (InputStream in = open(file);
        JsonParser parser = Json.mapper().createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new HeatcheckException(file + ": empty: " + KNOWN);
      }
      if (first == JsonToken.START_ARRAY) {
        return Format.RRWEB;
      }
      if (first != JsonToken.START_OBJECT) {
        throw new HeatcheckException(
            file + ":" + where(parser.currentTokenLocation()) + ": not a recording: " + KNOWN);
      }
      Format format = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME && format == null) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("type") && value == JsonToken.VALUE_STRING) {
          format = Format.HEATCHECK;
        } else if (name.equals("steps") && value == JsonToken.START_ARRAY) {
          format = Format.DEVTOOLS;
        } else if (name.equals("data") && value == JsonToken.START_OBJECT) {
          format = posthogShape(parser);
        } else {
          parser.skipChildren();
        }
      }
      if (format == null) {
        throw new HeatcheckException(file + ": unknown format: " + KNOWN);
      }
      return format;
    }
  }

  private static Format posthogShape(JsonParser parser) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("snapshots") && value == JsonToken.START_ARRAY) {
        return Format.POSTHOG;
      }
      if (name.equals("snapshotsByWindowId") && value == JsonToken.START_OBJECT) {
        return Format.POSTHOG_2022;
      }
      parser.skipChildren();
    }
    return null;
  }

  private static JsonNode readTree(Path file) throws IOException {
    try (InputStream in = open(file);
        JsonParser parser = Json.mapper().createParser(in)) {
      return parser.readValueAsTree();
    }
  }

  // ---- rrweb events, bare or in PostHog's wrappers
  // -------------------------------------------------------

  private static Recorded readRrweb(Path file, Format format) throws IOException {
    RrwebVisits visits = new RrwebVisits();
    String title = null;
    try (InputStream in = open(file);
        JsonParser parser = Json.mapper().createParser(in)) {
      if (format == Format.RRWEB) {
        parser.nextToken();
        events(file, parser, "1", "events", visits);
      } else {
        parser.nextToken();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("data")) {
            title = posthogData(file, parser, visits);
          } else {
            parser.skipChildren();
          }
        }
      }
    }
    List<Visit> list = visits.visits();
    Visit first = list.isEmpty() ? null : list.get(0);
    return new Recorded(
        file,
        format,
        title,
        first == null ? null : first.startUrl(),
        first == null ? null : first.viewport(),
        list);
  }

  /** Inside PostHog's "data": the events, by window; returns the recording's id. */
  private static String posthogData(Path file, JsonParser parser, RrwebVisits visits)
      throws IOException {
    String id = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("id") && value.isScalarValue()) {
        id = parser.getText();
      } else if (name.equals("snapshots") && value == JsonToken.START_ARRAY) {
        events(file, parser, null, "data.snapshots", visits);
      } else if (name.equals("snapshotsByWindowId") && value == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String window = parser.currentName();
          if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new HeatcheckException(
                file + ":" + where(parser.currentTokenLocation()) + ": data.snapshotsByWindowId."
                    + window + ": an array of rrweb events is expected");
          }
          events(file, parser, window, "data.snapshotsByWindowId." + window, visits);
        }
      } else {
        parser.skipChildren();
      }
    }
    return id;
  }

  /** The events of an array the parser is at the start of; {@code window} null: each event's own windowId. */
  private static void events(
      Path file, JsonParser parser, String window, String path, RrwebVisits visits)
      throws IOException {
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() == null) {
        throw new JsonEOFException(parser, null, "end of input inside " + path);
      }
      JsonLocation at = parser.currentTokenLocation();
      JsonNode event = parser.readValueAsTree();
      try {
        visits.accept(window != null ? window : event.path("windowId").asText("1"), event);
      } catch (RrwebVisits.Malformed e) {
        throw new HeatcheckException(
            file + ":" + where(at) + ": " + path + "[" + index + "]: " + e.getMessage());
      }
      index++;
    }
  }
}
