package dev.heatcheck.internal.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams the click positions out of events.jsonl, for aggregation: the fast path beside {@link
 * EventReader}. Each line is scanned with Jackson's streaming parser; only {@code type}, {@code view},
 * {@code x} and {@code y} are read and every other value is skipped unread. The file is taken in blocks
 * of whole lines, so memory stays the same for any file size.
 *
 * <p>It hands out the same points as {@link EventReader} would as {@link Event.Click}s, in file order,
 * and accepts and refuses lines the same way: blank lines are ignored, a last line cut short by a crash
 * is skipped, and a line anywhere else that is not a JSON object with a known {@code type} is an error
 * naming file, line and column (counted in characters, as {@link EventReader} does). Unlike {@link
 * EventReader} it checks the values it skips for their JSON syntax only, and it ends lines at {@code \n}
 * (so {@code \r\n} too) but not at a lone {@code \r}.
 */
public final class ClickPoints {
  private static final JsonFactory FACTORY = Json.mapper().getFactory();
  private static final List<String> TYPES = List.of("action", "click", "effect", "error", "move", "run", "scroll", "view");
  private static final Set<String> TYPE_SET = Set.copyOf(TYPES);
  private static final String CLICK = "click";
  static final int BLOCK_BYTES = 1 << 20;
  private static final JsonParser.Feature FAST_DOUBLES = StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature();
  /** More would only wait for the one thread that hands points to the sink. */
  private static final int MAX_THREADS = 4;
  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

  /** Receives each click's view id and page coordinates in CSS px, on the thread that called read. */
  public interface PointSink {
    void click(String view, double x, double y);
  }

  private ClickPoints() {}

  /**
   * Hands each click in {@code eventsJsonl} to {@code sink} in file order, parsing on up to {@link
   * #defaultThreads()} threads; the sink is only ever called on the calling thread.
   *
   * @return how many clicks were handed over
   */
  public static long read(Path eventsJsonl, PointSink sink) {
    return read(eventsJsonl, sink, defaultThreads());
  }

  /**
   * As {@link #read(Path, PointSink)}, parsing on {@code threads} threads: with 1 everything happens on
   * the calling thread. The sink sees the same points in the same order for any number of threads.
   */
  public static long read(Path eventsJsonl, PointSink sink, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    try (InputStream in = Files.newInputStream(eventsJsonl)) {
      return new Delivery(eventsJsonl, sink).run(new Blocks(in), threads);
    } catch (NoSuchFileException e) {
      throw new HeatcheckException(eventsJsonl + ": no such events file");
    } catch (IOException e) {
      throw new HeatcheckException(eventsJsonl + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** One per core, at most {@value #MAX_THREADS}. */
  public static int defaultThreads() {
    return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Feeds the parsed blocks to the sink in file order, numbers lines across blocks, and decides which bad
   * line is an error: any but the file's last.
   */
  private static final class Delivery {
    private final Path file;
    private final PointSink sink;
    private long linesBefore;
    private long clicks;
    /** A bad line is only an error once another line follows it. */
    private HeatcheckException pending;

    Delivery(Path file, PointSink sink) {
      this.file = file;
      this.sink = sink;
    }

    long run(Blocks blocks, int threads) throws IOException {
      if (threads == 1) {
        for (Block block = blocks.next(); block != null; block = blocks.next()) {
          deliver(Chunk.parse(block));
        }
      } else {
        runParallel(blocks, threads);
      }
      // a bad line still pending was the last one: cut short by a crash, so skipped
      return clicks;
    }

    private void runParallel(Blocks blocks, int threads) throws IOException {
      ExecutorService pool = Executors.newFixedThreadPool(threads, ClickPoints::daemon);
      try {
        ArrayDeque<Future<Chunk>> parsing = new ArrayDeque<>();
        boolean more = true;
        while (true) {
          // a few blocks ahead of the sink, so memory stays bounded however slow the sink is
          while (more && parsing.size() < 2 * threads) {
            Block block = blocks.next();
            if (block == null) {
              more = false;
            } else {
              parsing.add(pool.submit(() -> Chunk.parse(block)));
            }
          }
          Future<Chunk> next = parsing.poll();
          if (next == null) {
            return;
          }
          deliver(await(next));
        }
      } finally {
        pool.shutdownNow();
      }
    }

    private void deliver(Chunk chunk) {
      if (pending != null) {
        // another line follows the bad one, so it was not a cut-off last line
        throw pending;
      }
      for (int i = 0; i < chunk.count; i++) {
        sink.click(chunk.views[i], chunk.xs[i], chunk.ys[i]);
      }
      clicks += chunk.count;
      if (chunk.bad != null) {
        HeatcheckException error = chunk.bad.error(file, linesBefore);
        if (chunk.bad.followed()) {
          throw error;
        }
        pending = error;
      }
      linesBefore += chunk.lines;
    }

    private static Chunk await(Future<Chunk> future) {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HeatcheckException("interrupted while reading events", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        if (e.getCause() instanceof Error cause) {
          throw cause;
        }
        throw new HeatcheckException("cannot read events: " + e.getCause(), e.getCause());
      }
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "heatcheck-click-points-" + THREAD_NUMBER.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  /** Whole lines of the file, about {@value #BLOCK_BYTES} bytes at a time; the last may lack its newline. */
  private record Block(byte[] bytes, int length) {}

  /** Cuts a stream into blocks that end just after a newline. */
  private static final class Blocks {
    private final InputStream in;
    private byte[] carry = new byte[0];
    private int carried;
    private boolean ended;

    Blocks(InputStream in) {
      this.in = in;
    }

    /** The next block, or null at the end of the file. */
    Block next() throws IOException {
      if (ended) {
        return null;
      }
      byte[] bytes = new byte[Math.max(BLOCK_BYTES, 2 * carried)];
      System.arraycopy(carry, 0, bytes, 0, carried);
      int length = carried;
      int searched = carried;
      while (true) {
        int read = in.readNBytes(bytes, length, bytes.length - length);
        length += read;
        if (length < bytes.length) {
          ended = true;
          carried = 0;
          return length == 0 ? null : new Block(bytes, length);
        }
        int lastNewline = lastIndexOf(bytes, (byte) '\n', searched, length);
        if (lastNewline >= 0) {
          carried = length - lastNewline - 1;
          if (carry.length < carried) {
            carry = new byte[Math.max(carried, BLOCK_BYTES)];
          }
          System.arraycopy(bytes, lastNewline + 1, carry, 0, carried);
          return new Block(bytes, lastNewline + 1);
        }
        // one line longer than the block: read on until it ends
        searched = length;
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
    }
  }

  /** A line that is not an event; an error unless it turns out to be the file's last. */
  private record BadLine(long line, long column, String reason, boolean followed) {
    HeatcheckException error(Path file, long linesBefore) {
      return new HeatcheckException(
          file + ":" + (linesBefore + line) + ":" + column + ": not a heatcheck event: " + reason);
    }
  }

  /** The clicks of one block, and its first bad line if it has one (nothing after that is parsed). */
  private static final class Chunk {
    double[] xs = new double[4096];
    double[] ys = new double[4096];
    String[] views = new String[4096];
    int count;
    long lines;
    BadLine bad;
    /** The view id of the previous click, reused while the next ones name the same view. */
    private String view;

    static Chunk parse(Block block) {
      Chunk chunk = new Chunk();
      byte[] bytes = block.bytes();
      int length = block.length();
      int start = 0;
      while (start < length) {
        int newline = indexOf(bytes, (byte) '\n', start, length);
        int end = newline < 0 ? length : newline;
        chunk.lines++;
        if (!isBlank(bytes, start, end)) {
          chunk.line(bytes, start, end);
          if (chunk.bad != null) {
            chunk.bad = new BadLine(chunk.lines, chunk.bad.column(), chunk.bad.reason(), end + 1 < length);
            return chunk;
          }
        }
        start = end + 1;
      }
      return chunk;
    }

    private void line(byte[] bytes, int from, int to) {
      try (JsonParser parser = FACTORY.createParser(bytes, from, to - from)) {
        parse(parser);
      } catch (JsonProcessingException | NotAnEvent e) {
        // again as EventReader reads it: decoded first, so a bad byte is a U+FFFD and columns count characters
        lineAsText(new String(bytes, from, to - from, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw unexpected(e);
      }
    }

    private void lineAsText(String line) {
      try (JsonParser parser = FACTORY.createParser(line)) {
        parse(parser);
      } catch (JsonProcessingException e) {
        bad = new BadLine(0, e.getLocation() == null ? 1 : e.getLocation().getColumnNr(), e.getOriginalMessage(), false);
      } catch (NotAnEvent e) {
        bad = new BadLine(0, e.column, e.getMessage(), false);
      } catch (IOException e) {
        throw unexpected(e);
      }
    }

    // only a parser over a file or a socket could fail this way; these read an array or a string
    private static IllegalStateException unexpected(IOException e) {
      return new IllegalStateException("reading events from memory failed: " + e, e);
    }

    private void parse(JsonParser parser) throws IOException {
      // correctly rounded like Double.parseDouble, which is most of the time spent on "x":884.0
      parser.enable(FAST_DOUBLES);
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new NotAnEvent(parser, "expected a JSON object");
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
        throw new NotAnEvent(parser, "no \"type\" field");
      }
      if (type.equals(CLICK)) {
        add(lineView, x, y);
      }
    }

    private void add(String clickView, double x, double y) {
      if (count == xs.length) {
        xs = Arrays.copyOf(xs, count * 2);
        ys = Arrays.copyOf(ys, count * 2);
        views = Arrays.copyOf(views, count * 2);
      }
      xs[count] = x;
      ys[count] = y;
      views[count] = clickView;
      count++;
    }

    private static String type(JsonParser parser, JsonToken value) throws IOException {
      if (value == JsonToken.VALUE_STRING
          && sameChars(CLICK, parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())) {
        return CLICK;
      }
      String type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
      if (type == null || !TYPE_SET.contains(type)) {
        parser.skipChildren();
        String seen = type == null ? String.valueOf(value) : "\"" + type + "\"";
        throw new NotAnEvent(parser, "unknown type " + seen + "; expected one of " + String.join(", ", TYPES));
      }
      return type;
    }

    private String view(JsonParser parser, JsonToken value) throws IOException {
      if (value == JsonToken.VALUE_NULL) {
        return null;
      }
      if (value != JsonToken.VALUE_STRING) {
        parser.skipChildren();
        throw new NotAnEvent(parser, "\"view\" must be a string, was " + value);
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

    // read as the event records' doubles are: a number, a numeric string, or null for 0
    private static double number(JsonParser parser, JsonToken value, String field) throws IOException {
      switch (value) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          return parser.getDoubleValue();
        }
        case VALUE_NULL -> {
          return 0;
        }
        case VALUE_STRING -> {
          String text = parser.getText();
          try {
            return Double.parseDouble(text.trim());
          } catch (NumberFormatException e) {
            throw new NotAnEvent(parser, "\"" + field + "\" must be a number, was \"" + text + "\"");
          }
        }
        default -> {
          parser.skipChildren();
          throw new NotAnEvent(parser, "\"" + field + "\" must be a number, was " + value);
        }
      }
    }
  }

  /** A line that is JSON but not an event this reader can use. */
  private static final class NotAnEvent extends IOException {
    private static final long serialVersionUID = 1L;
    final transient long column;

    NotAnEvent(JsonParser parser, String message) {
      super(message, null);
      this.column = parser.currentTokenLocation().getColumnNr();
    }
  }

  // ---- bytes -------------------------------------------------------------------------------------

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /** The first {@code wanted} in {@code bytes[from, to)}, or -1; eight bytes at a time. */
  static int indexOf(byte[] bytes, byte wanted, int from, int to) {
    long pattern = ONES * (wanted & 0xFF);
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i) ^ pattern;
      // a high bit marks the first byte that equals the wanted one (later marks may be false)
      long found = (word - ONES) & ~word & HIGHS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(byte[] bytes, byte wanted, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      // what String.isBlank, EventReader's test, counts as white space among single bytes
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
