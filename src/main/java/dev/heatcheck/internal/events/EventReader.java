package dev.heatcheck.internal.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one reader of events.jsonl: streams a file (or several, one after the other) to a sink in file
 * order, in blocks of whole lines parsed on up to {@link #defaultThreads()} threads, so memory stays the
 * same for any file size and both cores work. The sink is only ever called on the calling thread.
 *
 * <p>Files from elsewhere are read by these rules:
 *
 * <ul>
 *   <li>a blank line is ignored;
 *   <li>a line of a {@code type} this version does not know (a newer writer's) is skipped and counted;
 *       so are fields it does not know, which are ignored;
 *   <li>a last line without its newline that is not an event was cut short while being written (a
 *       crash): it is skipped and reported;
 *   <li>any other line that is not an event is an error naming file and line ({@link BadEventsFile}),
 *       or, when asked ({@link Options#skipBadLines()}), skipped and counted.
 * </ul>
 */
public final class EventReader {
  private static final Set<String> TYPES = Set.of(
      "action", "click", "effect", "error", "failed", "move", "replayed", "run", "scroll", "view");
  private static final String STATS = "heatcheck.stats";
  private static final ObjectReader READER = Json.mapper()
      .readerFor(Event.class)
      .with(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature())
      .withHandler(new Unknowns());
  static final int BLOCK_BYTES = 1 << 20;
  /** More would only wait for the one thread that hands events to the sink. */
  private static final int MAX_THREADS = 4;

  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

  /**
   * @param skipBadLines skip (and count) lines that are not events instead of failing on the first
   * @param types the types of event wanted (by their {@code type} name), null for all: lines of other
   *     types are passed over without being decoded
   * @param threads how many threads parse; 1 parses on the calling thread
   */
  public record Options(boolean skipBadLines, Set<String> types, int threads) {
    public static Options defaults() {
      return new Options(false, null, defaultThreads());
    }

    public Options withSkipBadLines(boolean skip) {
      return new Options(skip, types, threads);
    }

    /** Only these types, the rest passed over undecoded (a quick look before the whole pass). */
    public Options only(Set<String> wanted) {
      return new Options(skipBadLines, Set.copyOf(wanted), threads);
    }

    public Options withThreads(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + count);
      }
      return new Options(skipBadLines, types, count);
    }
  }

  private EventReader() {}

  /** One per core, at most {@value #MAX_THREADS}. */
  public static int defaultThreads() {
    return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /** Reads one file with the default options: every event, a bad line is an error. */
  public static ReadStats read(Path file, Consumer<Event> sink) {
    return read(List.of(file), Options.defaults(), sink);
  }

  /** Reads the files one after the other, as one stream of events. */
  public static ReadStats read(List<Path> files, Options options, Consumer<Event> sink) {
    ReadStats stats = new ReadStats();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        new Delivery(file, sink, options, stats).run(new Blocks(in), options.threads());
      } catch (NoSuchFileException e) {
        throw new BadEventsFile(file + ": no such events file");
      } catch (IOException e) {
        throw new HeatcheckException(file + ": cannot read: " + e.getMessage(), e);
      }
    }
    return stats;
  }

  /** Feeds parsed blocks to the sink in file order, numbers lines across blocks, and decides what a bad line is. */
  private static final class Delivery {
    private final Path file;
    private final Consumer<Event> sink;
    private final Options options;
    private final ReadStats stats;
    private long linesBefore;
    /** A bad line is an error (or a skipped bad line) only once another line follows it. */
    private BadLine pending;

    private long pendingLine;

    Delivery(Path file, Consumer<Event> sink, Options options, ReadStats stats) {
      this.file = file;
      this.sink = sink;
      this.options = options;
      this.stats = stats;
    }

    void run(Blocks blocks, int threads) throws IOException {
      if (threads == 1) {
        for (Block block = blocks.next(); block != null; block = blocks.next()) {
          deliver(Chunk.parse(block, options.types()));
        }
      } else {
        runParallel(blocks, threads);
      }
      if (pending != null) {
        if (pending.endsWithNewline()) {
          badLine(pending, pendingLine);
        } else {
          // the file's last line, without its newline: cut short by a crash while writing
          stats.truncated(file + ":" + pendingLine);
        }
      }
    }

    private void runParallel(Blocks blocks, int threads) throws IOException {
      ExecutorService pool = Executors.newFixedThreadPool(threads, EventReader::daemon);
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
              parsing.add(pool.submit(() -> Chunk.parse(block, options.types())));
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
        badLine(pending, pendingLine);
        pending = null;
      }
      stats.add(chunk);
      for (int i = 0; i < chunk.count; i++) {
        if (chunk.badAt[i] != null) {
          BadLine bad = chunk.badAt[i];
          long line = linesBefore + bad.line();
          if (i == chunk.count - 1 && bad.last()) {
            pending = bad;
            pendingLine = line;
          } else {
            badLine(bad, line);
          }
        } else if (chunk.events[i] != null) {
          sink.accept(chunk.events[i]);
        }
      }
      linesBefore += chunk.lines;
    }

    private void badLine(BadLine bad, long line) {
      String where = file + ":" + line + ":" + bad.column();
      if (!options.skipBadLines()) {
        throw new BadEventsFile(where + ": not a heatcheck event: " + bad.reason()
            + " (to skip such lines and count them: --skip-bad-lines)");
      }
      stats.skipped(where);
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
    Thread thread = new Thread(task, "heatcheck-events-" + THREAD_NUMBER.incrementAndGet());
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

  /**
   * A line that is not an event.
   *
   * @param last the block's last line, so maybe the file's, which may be cut short
   */
  private record BadLine(
      long line, long column, String reason, boolean last, boolean endsWithNewline) {}

  /** What one block's lines hold, in order: an event, a bad line, or nothing (blank, passed over, unknown). */
  static final class Chunk {
    Event[] events = new Event[1024];
    BadLine[] badAt = new BadLine[1024];
    int count;
    long lines;
    long clicks;
    long unknownFields;
    final List<String> unknownFieldNames = new ArrayList<>(2);
    final List<String> unknownTypes = new ArrayList<>(2);
    long unknownTypeLines;

    static Chunk parse(Block block, Set<String> types) {
      if (types == null) {
        Chunk whole = parseWhole(block);
        if (whole != null) {
          return whole;
        }
      }
      Chunk chunk = new Chunk();
      ObjectReader reader = READER.withAttribute(STATS, chunk);
      byte[] bytes = block.bytes();
      int length = block.length();
      int start = 0;
      while (start < length) {
        int newline = indexOf(bytes, (byte) '\n', start, length);
        int end = newline < 0 ? length : newline;
        chunk.lines++;
        if (!isBlank(bytes, start, end) && (types == null || wanted(bytes, start, end, types))) {
          chunk.line(reader, bytes, start, end, end + 1 >= length, newline >= 0);
        }
        start = end + 1;
      }
      return chunk;
    }

    /**
     * The block as one stream of JSON values, with one parser: much cheaper than a parser per line.
     * Only when every line is one known event (the usual case); otherwise null, and the block is read
     * line by line to say which line is what.
     */
    private static Chunk parseWhole(Block block) {
      byte[] bytes = block.bytes();
      int length = block.length();
      Chunk chunk = new Chunk();
      int lines = 0;
      for (int start = 0; start < length; ) {
        int newline = indexOf(bytes, (byte) '\n', start, length);
        int end = newline < 0 ? length : newline;
        if (isBlank(bytes, start, end) || newline < 0) {
          return null; // blank lines and a last line without its newline: line by line
        }
        lines++;
        start = end + 1;
      }
      try (MappingIterator<Event> values =
          READER.withAttribute(STATS, chunk).readValues(bytes, 0, length)) {
        while (values.hasNextValue()) {
          Event event = values.nextValue();
          if (event == null) {
            return null;
          }
          chunk.clicks += event instanceof Event.Click ? 1 : 0;
          chunk.add(event, null);
        }
      } catch (IOException | RuntimeException e) {
        return null;
      }
      if (chunk.count != lines) {
        return null; // two values on a line, or one across lines
      }
      chunk.lines = lines;
      return chunk;
    }

    private void line(
        ObjectReader reader, byte[] bytes, int from, int to, boolean lastInBlock, boolean newline) {
      try {
        Event event = reader.readValue(bytes, from, to - from);
        if (event == null) {
          bad(1, "a JSON object with a \"type\" is expected", lastInBlock, newline);
        } else {
          clicks += event instanceof Event.Click ? 1 : 0;
          add(event, null);
        }
      } catch (UnknownType e) {
        unknownTypeLines++;
        if (unknownTypes.size() < 3 && !unknownTypes.contains(e.type)) {
          unknownTypes.add(e.type);
        }
        add(null, null);
      } catch (JsonProcessingException e) {
        long column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
        bad(Math.max(1, column), reason(e), lastInBlock, newline);
      } catch (IOException e) {
        throw new IllegalStateException("reading events from memory failed: " + e, e);
      }
    }

    private void bad(long column, String reason, boolean lastInBlock, boolean newline) {
      add(null, new BadLine(lines, column, reason, lastInBlock, newline));
    }

    private void add(Event event, BadLine bad) {
      if (count == events.length) {
        events = Arrays.copyOf(events, count * 2);
        badAt = Arrays.copyOf(badAt, count * 2);
      }
      events[count] = event;
      badAt[count] = bad;
      count++;
    }

    void unknownField(String name) {
      unknownFields++;
      if (unknownFieldNames.size() < 3 && !unknownFieldNames.contains(name)) {
        unknownFieldNames.add(name);
      }
    }
  }

  /**
   * Says what is wrong with a line without naming Java types: which field, and what was expected, or
   * where the JSON breaks.
   */
  static String reason(JsonProcessingException e) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      StringBuilder field = new StringBuilder();
      for (JsonMappingException.Reference ref : mapping.getPath()) {
        if (ref.getFieldName() != null) {
          field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          field.append('[').append(ref.getIndex()).append(']');
        }
      }
      return "field \"" + field + "\" has a value of the wrong kind";
    }
    if (e instanceof JsonMappingException) {
      String message = String.valueOf(e.getOriginalMessage());
      if (message.contains("missing type id") || message.contains("type id")) {
        return "no \"type\" field";
      }
      return "a JSON object with a \"type\" is expected";
    }
    String message = String.valueOf(e.getOriginalMessage());
    // Jackson names its own types in backquotes now and then; people need the JSON part only
    return message.replaceAll("`[^`]*`", "value").replaceAll("\\s+", " ").strip();
  }

  /** Whether a line is of a wanted type, looking only at its {@code "type":"…"}; lines written otherwise are decoded. */
  private static boolean wanted(byte[] bytes, int from, int to, Set<String> types) {
    int at = find(bytes, TYPE_KEY, from, to);
    if (at < 0) {
      return true;
    }
    int start = at + TYPE_KEY.length;
    int end = indexOf(bytes, (byte) '"', start, to);
    if (end < 0) {
      return true;
    }
    return types.contains(new String(bytes, start, end - start, StandardCharsets.UTF_8));
  }

  private static final byte[] TYPE_KEY = "{\"type\":\"".getBytes(StandardCharsets.UTF_8);

  private static int find(byte[] bytes, byte[] wanted, int from, int to) {
    // the writer puts the type first; a file written otherwise is simply decoded whole
    if (to - from < wanted.length) {
      return -1;
    }
    for (int i = 0; i < wanted.length; i++) {
      if (bytes[from + i] != wanted[i]) {
        return -1;
      }
    }
    return from;
  }

  /** A type of event this version does not know: skipped and counted, never an error. */
  static final class UnknownType extends JsonMappingException {
    private static final long serialVersionUID = 1L;
    final String type;

    UnknownType(JsonParser parser, String type) {
      super(parser, "unknown type");
      this.type = type;
    }
  }

  /** Counts what a newer writer added: unknown fields (ignored) and types (the line skipped). */
  private static final class Unknowns extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      if (ctxt.getAttribute(STATS) instanceof Chunk chunk) {
        chunk.unknownField(propertyName);
      }
      p.skipChildren();
      return true;
    }

    @Override
    public JavaType handleUnknownTypeId(
        DeserializationContext ctxt,
        JavaType baseType,
        String subTypeId,
        TypeIdResolver idResolver,
        String failureMsg)
        throws IOException {
      if (TYPES.contains(subTypeId)) {
        return null;
      }
      throw new UnknownType(ctxt.getParser(), subTypeId);
    }
  }

  // ---- bytes
  // -------------------------------------------------------------------------------------

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
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
      if (!Character.isWhitespace(bytes[i])) {
        return false;
      }
    }
    return true;
  }
}
