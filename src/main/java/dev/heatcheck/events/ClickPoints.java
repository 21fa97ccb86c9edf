package dev.heatcheck.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.heatcheck.HeatcheckException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Streams the click positions out of events.jsonl, for aggregation: the fast path beside {@link
 * EventReader}. Each line is scanned with Jackson's streaming parser; only {@code type}, {@code view},
 * {@code x} and {@code y} are read, every other value is skipped unread, and nothing is kept between
 * lines, so memory stays the same for any file size.
 *
 * <p>It hands out the same points as {@link EventReader} would as {@link Event.Click}s, in file order,
 * and accepts and refuses lines the same way: a last line cut short by a crash is skipped, a line that
 * is not an object of a known {@code type} anywhere else is an error naming file, line and column.
 * Unlike {@link EventReader} it does not check the values it skips beyond their JSON syntax.
 */
public final class ClickPoints {
  private static final JsonFactory FACTORY = Json.mapper().getFactory();
  private static final Set<String> TYPES =
      Set.of("run", "view", "click", "scroll", "move", "effect", "error", "action");
  private static final int BUFFER_BYTES = 1 << 20;

  /** Receives each click's view id and page coordinates in CSS px, on the calling thread. */
  public interface PointSink {
    void click(String view, double x, double y);
  }

  private ClickPoints() {}

  /**
   * Hands each click in {@code eventsJsonl} to {@code sink} in file order.
   *
   * @return how many clicks were handed over
   */
  public static long read(Path eventsJsonl, PointSink sink) {
    try (InputStream in = Files.newInputStream(eventsJsonl)) {
      return new Scan(eventsJsonl, sink).run(in);
    } catch (NoSuchFileException e) {
      throw new HeatcheckException(eventsJsonl + ": no such events file");
    } catch (IOException e) {
      throw new HeatcheckException(eventsJsonl + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** One pass over one file: splits the bytes into lines and parses each line on its own. */
  private static final class Scan {
    private final Path file;
    private final PointSink sink;
    private long lineNumber;
    private long clicks;
    /** A bad line is only an error once another line follows it; at the end it is a cut-off last line. */
    private HeatcheckException pending;
    /** The view id of the previous click, reused while the next ones name the same view. */
    private String view;

    Scan(Path file, PointSink sink) {
      this.file = file;
      this.sink = sink;
    }

    long run(InputStream in) throws IOException {
      byte[] buffer = new byte[BUFFER_BYTES];
      int start = 0;
      int end = 0;
      int scanned = 0;
      while (true) {
        int newline = indexOf(buffer, (byte) '\n', scanned, end);
        if (newline >= 0) {
          line(buffer, start, newline);
          start = newline + 1;
          scanned = start;
          continue;
        }
        scanned = end;
        if (start > 0) {
          System.arraycopy(buffer, start, buffer, 0, end - start);
          end -= start;
          scanned -= start;
          start = 0;
        }
        if (end == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
          break;
        }
        end += read;
      }
      if (end > start) {
        line(buffer, start, end);
      }
      // whatever is pending now was on the last line
      return clicks;
    }

    private void line(byte[] bytes, int from, int to) throws IOException {
      if (pending != null) {
        throw pending;
      }
      lineNumber++;
      if (isBlank(bytes, from, to)) {
        return;
      }
      try (JsonParser parser = FACTORY.createParser(bytes, from, to - from)) {
        parse(parser);
      } catch (JsonProcessingException e) {
        long column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
        pending = notAnEvent(column, e.getOriginalMessage());
      } catch (BadEvent e) {
        pending = notAnEvent(e.column, e.getMessage());
      }
    }

    private void parse(JsonParser parser) throws IOException {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new BadEvent(parser, "expected a JSON object");
      }
      String type = null;
      String lineView = null;
      double x = 0;
      double y = 0;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "type" -> type = type(parser, value);
          case "view" -> lineView = view(parser, value);
          case "x" -> x = number(parser, value, "x");
          case "y" -> y = number(parser, value, "y");
          default -> parser.skipChildren();
        }
      }
      if (type == null) {
        throw new BadEvent(parser, "no \"type\" field");
      }
      if (type.equals("click")) {
        clicks++;
        sink.click(lineView, x, y);
      }
    }

    private static String type(JsonParser parser, JsonToken value) throws IOException {
      String type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
      if (type == null || !TYPES.contains(type)) {
        throw new BadEvent(parser, "unknown type " + (value == JsonToken.VALUE_STRING ? "\"" + type + "\"" : value)
            + "; expected one of " + String.join(", ", TYPES.stream().sorted().toList()));
      }
      return type;
    }

    private String view(JsonParser parser, JsonToken value) throws IOException {
      if (value == JsonToken.VALUE_NULL) {
        return null;
      }
      if (value != JsonToken.VALUE_STRING) {
        parser.skipChildren();
        throw new BadEvent(parser, "\"view\" must be a string");
      }
      // a file holds few views and many clicks on each: most lines repeat the previous id
      char[] chars = parser.getTextCharacters();
      int offset = parser.getTextOffset();
      int length = parser.getTextLength();
      if (view == null || !sameChars(view, chars, offset, length)) {
        view = new String(chars, offset, length);
      }
      return view;
    }

    // as the event records read them: a number, a numeric string, or null for 0
    private static double number(JsonParser parser, JsonToken value, String field) throws IOException {
      switch (value) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          return parser.getDoubleValue();
        }
        case VALUE_NULL -> {
          return 0;
        }
        case VALUE_STRING -> {
          try {
            return Double.parseDouble(parser.getText().trim());
          } catch (NumberFormatException e) {
            throw new BadEvent(parser, "\"" + field + "\" must be a number, was \"" + parser.getText() + "\"");
          }
        }
        default -> {
          parser.skipChildren();
          throw new BadEvent(parser, "\"" + field + "\" must be a number, was " + value);
        }
      }
    }

    private HeatcheckException notAnEvent(long column, String reason) {
      return new HeatcheckException(file + ":" + lineNumber + ":" + column + ": not a heatcheck event: " + reason);
    }
  }

  /** A line that is JSON but not an event this reader can use. */
  private static final class BadEvent extends IOException {
    private static final long serialVersionUID = 1L;
    final transient long column;

    BadEvent(JsonParser parser, String message) {
      super(message, null);
      this.column = parser.currentTokenLocation().getColumnNr();
    }
  }

  private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      // what String.isBlank (EventReader's test) counts as white space among single bytes
      if (!Character.isWhitespace(bytes[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameChars(String text, char[] chars, int offset, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
