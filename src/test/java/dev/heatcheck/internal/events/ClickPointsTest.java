package dev.heatcheck.internal.events;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class ClickPointsTest {
  private static final Target BUY =
      new Target("#buy", "button", "Buy now ✓", "button", null, true, false, List.of(600.0, 2190.0, 120.0, 40.0), 0.33, 0.5);
  private static final Target LINK =
      new Target("a.more", "a", "More “quoted” text", "link", "/more?x=1&y=2", true, false, List.of(10.5, 20.25, 80.0, 16.0), 0.1, 0.9);

  /** Every type of event, clicks on two views among them. */
  private static final List<Event> MIXED =
      List.of(
          new Event.Run(Event.FORMAT_VERSION, "run-1", "2025-01-01T00:00:00Z", "heatcheck 0.1.0", "chromium 156"),
          new Event.View("s1:v1", "s1", "checkout", "https://shop.example/cart", "/cart", 1280, 800, 1280, 4200, 1000),
          new Event.Click("s1:1", "s1:v1", "s1", 1234, 640, 2210, false, BUY),
          new Event.Scroll("s1:2", "s1:v1", "s1", 2000, 1800, 4200),
          new Event.Move("s1:3", "s1:v1", "s1", 2010, 500.5, 1900),
          new Event.Effect("s1:4", "s1:v1", "s1", 2050, "mutation", null),
          new Event.Click("s1:5", "s1:v1", "s1", 2060, 12.75, 0, true, null),
          new Event.PageError("s1:6", "s1:v1", "s1", 2100, "TypeError: x is undefined — “quoted” ✓"),
          new Event.Action("s1:7", "s1:v1", "s1", 2200, "goto"),
          new Event.View("s1:v2", "s1", "checkout", "https://shop.example/done", "/done", 1280, 800, 1280, 900, 2300),
          new Event.Click("s1:8", "s1:v2", "s1", 2400, 40, 30.5, false, LINK),
          new Event.Click("s1:9", "s1:v1", "s1", 2500, 1279.9, 4199.5, false, BUY));

  @Test
  public void gives_the_same_clicks_in_the_same_order_as_the_event_reader() {
    Path file = write(MIXED);

    List<Point> points = read(file);

    assertEquals(points, fromEventReader(file));
    assertEquals(points.size(), 4);
  }

  @Test
  public void returns_how_many_clicks_it_handed_over() {
    Path file = write(MIXED);

    assertEquals(ClickPoints.read(file, (view, x, y) -> {}), 4);
  }

  @Test
  public void reads_the_fields_it_needs_in_any_order_and_ignores_nested_x_and_y() throws IOException {
    // GIVEN clicks whose type comes last, whose x comes before the view, with x and y inside other values
    Path file = file(
        "{\"x\":5,\"target\":{\"x\":99,\"y\":99,\"box\":[1,2,3,4]},\"y\":6,\"view\":\"v1\",\"type\":\"click\"}\n"
            + "{\"view\":\"v2\",\"extra\":[{\"type\":\"view\"},[\"x\"]],\"y\":7.5,\"type\":\"click\",\"x\":-1e2}\n"
            + "{\"y\":8,\"type\":\"move\",\"x\":9,\"view\":\"v1\"}\n");

    assertEquals(read(file), List.of(new Point("v1", 5, 6), new Point("v2", -100, 7.5)));
    assertEquals(read(file), fromEventReader(file));
  }

  @Test
  public void reads_numbers_the_way_the_event_records_do() throws IOException {
    // GIVEN a numeric string, a null and a missing coordinate, which the records read as 12.5, 0 and 0
    Path file = file(
        "{\"type\":\"click\",\"view\":\"v\",\"x\":\"12.5\",\"y\":null}\n"
            + "{\"type\":\"click\",\"view\":null,\"y\":3}\n");

    assertEquals(read(file), List.of(new Point("v", 12.5, 0), new Point(null, 0, 3)));
    assertEquals(read(file), fromEventReader(file));
  }

  @Test
  public void a_last_line_cut_short_by_a_crash_is_skipped() throws IOException {
    Path file = write(MIXED);
    String whole = Json.mapper().writerFor(Event.class).writeValueAsString(MIXED.get(2));
    Files.writeString(file, whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    assertEquals(read(file), fromEventReader(write(MIXED)));
  }

  @Test
  public void a_last_line_cut_inside_a_multibyte_character_is_skipped() throws IOException {
    Path file = write(MIXED);
    byte[] line = Json.mapper().writerFor(Event.class).writeValueAsString(MIXED.get(2)).getBytes(StandardCharsets.UTF_8);
    int tick = TestFiles.indexOf(line, "✓".getBytes(StandardCharsets.UTF_8));
    Files.write(file, Arrays.copyOf(line, tick + 1), StandardOpenOption.APPEND);

    assertEquals(read(file), fromEventReader(file));
    assertEquals(read(file).size(), 4);
  }

  @Test
  public void a_file_cut_at_any_byte_gives_the_same_clicks_as_the_event_reader() throws IOException {
    byte[] whole = Files.readAllBytes(write(MIXED));
    Path file = TestFiles.tempDir().resolve("cut.jsonl");
    for (int length = 0; length <= whole.length; length++) {
      Files.write(file, Arrays.copyOf(whole, length));

      assertEquals(read(file), fromEventReader(file), "cut after " + length + " bytes");
    }
  }

  @Test
  public void blank_lines_and_crlf_line_ends_are_accepted() throws IOException {
    Path file = file(
        "\r\n{\"type\":\"click\",\"view\":\"v\",\"x\":1,\"y\":2}\r\n   \n\t\n{\"type\":\"view\",\"id\":\"v\"}\r\n"
            + "{\"type\":\"click\",\"view\":\"v\",\"x\":3,\"y\":4}");

    assertEquals(read(file), List.of(new Point("v", 1, 2), new Point("v", 3, 4)));
    assertEquals(read(file), fromEventReader(file));
  }

  @Test
  public void a_bad_line_in_the_middle_is_an_error_naming_file_line_and_column() throws IOException {
    Path file = file(
        "{\"type\":\"view\",\"id\":\"v\"}\n"
            + "{\"type\":\"click\", oops}\n"
            + "{\"type\":\"click\",\"view\":\"v\",\"x\":3,\"y\":4}\n");

    HeatcheckException e = expectThrows(HeatcheckException.class, () -> read(file));

    assertTrue(e.getMessage().startsWith(file + ":2:18: not a heatcheck event: "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertSameLineAsEventReader(file, e);
  }

  @Test
  public void a_line_of_an_unknown_type_in_the_middle_is_an_error_naming_it() throws IOException {
    Path file = file("{\"type\":\"view\",\"id\":\"v\"}\n{\"id\":\"x\",\"type\":\"teleport\"}\n{\"type\":\"run\"}\n");

    HeatcheckException e = expectThrows(HeatcheckException.class, () -> read(file));

    assertTrue(e.getMessage().startsWith(file + ":2:18: not a heatcheck event: unknown type \"teleport\"; expected one of"),
        e.getMessage());
    assertSameLineAsEventReader(file, e);
  }

  @DataProvider
  public Object[][] lines_that_are_not_events() {
    return new Object[][] {
      {"{\"view\":\"v\",\"x\":1,\"y\":2}"}, {"[1,2]"}, {"42"}, {"\"click\""}, {"{\"type\":7}"}, {"{\"type\":\"click\",\"x\":{}}"}
    };
  }

  @Test(dataProvider = "lines_that_are_not_events")
  public void a_line_without_a_type_or_that_is_not_an_object_is_an_error(String bad) throws IOException {
    Path file = file(bad + "\n{\"type\":\"run\"}\n");

    HeatcheckException e = expectThrows(HeatcheckException.class, () -> read(file));

    assertTrue(e.getMessage().startsWith(file + ":1:"), bad + " gave " + e.getMessage());
    assertSameLineAsEventReader(file, e);
  }

  @Test
  public void a_bad_last_line_is_skipped_whatever_is_wrong_with_it() throws IOException {
    Path file = file("{\"type\":\"click\",\"view\":\"v\",\"x\":1,\"y\":2}\n{\"type\":\"teleport\"}\n");

    assertEquals(read(file), List.of(new Point("v", 1, 2)));
    assertEquals(read(file), fromEventReader(file));
  }

  @Test
  public void a_bad_line_followed_only_by_a_blank_line_is_not_the_last_line() throws IOException {
    // as for the event reader: the blank line after it is the last line
    Path file = file("{\"type\":\"click\",\"view\":\"v\",\"x\":1,\"y\":2}\n{\"type\":\"click\",\n\n");

    HeatcheckException e = expectThrows(HeatcheckException.class, () -> read(file));

    assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
    assertSameLineAsEventReader(file, e);
  }

  @Test
  public void a_byte_that_is_not_utf_8_in_the_middle_is_read_as_a_replacement_character_as_the_event_reader_does()
      throws IOException {
    // GIVEN lines with a stray byte inside a value that is skipped and inside the view id
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    try (var out = Files.newOutputStream(file)) {
      out.write("{\"type\":\"click\",\"view\":\"v\",\"x\":1,\"y\":2,\"target\":{\"text\":\"a".getBytes(StandardCharsets.UTF_8));
      out.write(0xFF);
      out.write("b\"}}\n{\"type\":\"click\",\"x\":3,\"y\":4,\"view\":\"w".getBytes(StandardCharsets.UTF_8));
      out.write(0xC3);
      out.write("\"}\n{\"type\":\"run\"}\n".getBytes(StandardCharsets.UTF_8));
    }

    assertEquals(read(file), List.of(new Point("v", 1, 2), new Point("w\uFFFD", 3, 4)));
    assertEquals(read(file), fromEventReader(file));
  }

  @Test
  public void the_column_of_an_error_counts_characters_as_the_event_reader_does() throws IOException {
    // "✓" is three bytes in UTF-8 and one character: the "o" is character 34 and byte 40
    Path file = file("{\"type\":\"error\",\"message\":\"✓✓✓\", oops}\n{\"type\":\"run\"}\n");

    HeatcheckException e = expectThrows(HeatcheckException.class, () -> read(file));

    assertTrue(e.getMessage().startsWith(file + ":1:34: "), e.getMessage());
    HeatcheckException theirs = expectThrows(HeatcheckException.class, () -> fromEventReader(file));
    assertTrue(theirs.getMessage().startsWith(file + ":1:34: "), theirs.getMessage());
  }

  @Test
  public void a_missing_file_gives_a_one_line_message_naming_it() {
    Path file = TestFiles.tempDir().resolve("nowhere/events.jsonl");

    HeatcheckException e = expectThrows(HeatcheckException.class, () -> read(file));

    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  public void a_file_of_many_blocks_gives_the_same_clicks_in_the_same_order_on_any_number_of_threads() {
    Path file = write(randomEvents(new Random(7), 40_000));

    List<Point> expected = fromEventReader(file);
    assertTrue(expected.size() > 10_000, "clicks: " + expected.size());
    for (int threads : new int[] {1, 2, 3, 8}) {
      assertEquals(read(file, threads), expected, threads + " threads");
    }
  }

  @Test
  public void a_line_longer_than_a_block_is_read_whole() {
    String longText = "x".repeat(3 * ClickPoints.BLOCK_BYTES);
    Target huge = new Target("#big", "div", longText, null, null, false, false, List.of(0.0, 0.0, 1.0, 1.0), 0, 0);
    List<Event> events = new ArrayList<>(MIXED);
    events.add(5, new Event.Click("s1:big", "s1:v1", "s1", 2055, 77, 88, false, huge));
    Path file = write(events);

    for (int threads : new int[] {1, 2}) {
      List<Point> points = read(file, threads);
      assertEquals(points, fromEventReader(file));
      assertTrue(points.contains(new Point("s1:v1", 77, 88)));
    }
  }

  @Test
  public void a_bad_line_ending_exactly_at_a_block_boundary_is_an_error_with_its_line_number() throws IOException {
    // GIVEN a file whose first block ends with a bad line, and more lines after it in the next block
    StringBuilder text = new StringBuilder();
    int lines = 0;
    String click = "{\"type\":\"click\",\"view\":\"v\",\"x\":1,\"y\":2}\n";
    String bad = "{\"type\":\"click\",\"x\":}\n";
    while (text.length() + click.length() + bad.length() <= ClickPoints.BLOCK_BYTES) {
      text.append(click);
      lines++;
    }
    text.append(" ".repeat(ClickPoints.BLOCK_BYTES - text.length() - bad.length())).append(bad);
    assertEquals(text.length(), ClickPoints.BLOCK_BYTES);
    text.append(click);
    Path file = file(text.toString());

    for (int threads : new int[] {1, 2}) {
      HeatcheckException e = expectThrows(HeatcheckException.class, () -> read(file, threads));

      assertTrue(e.getMessage().startsWith(file + ":" + (lines + 1) + ":"), e.getMessage());
      assertSameLineAsEventReader(file, e);
    }
  }

  @Test
  public void a_bad_last_line_at_a_block_boundary_is_skipped() throws IOException {
    // GIVEN a file of exactly one block whose last line is cut short
    String click = "{\"type\":\"click\",\"view\":\"v\",\"x\":1,\"y\":2}\n";
    String cut = "{\"type\":\"click\",\"view\":\"v\",\"x\":1,\"y\n";
    StringBuilder text = new StringBuilder();
    while (text.length() + click.length() + cut.length() <= ClickPoints.BLOCK_BYTES) {
      text.append(click);
    }
    text.append("\n".repeat(ClickPoints.BLOCK_BYTES - text.length() - cut.length())).append(cut);
    Path file = file(text.toString());

    for (int threads : new int[] {1, 2}) {
      assertEquals(read(file, threads), fromEventReader(file));
    }
  }

  @Test
  public void the_sink_is_called_on_the_calling_thread_only() {
    Path file = write(randomEvents(new Random(3), 20_000));
    Thread caller = Thread.currentThread();
    List<Thread> others = new ArrayList<>();

    ClickPoints.read(file, (view, x, y) -> {
      if (Thread.currentThread() != caller) {
        others.add(Thread.currentThread());
      }
    }, 2);

    assertEquals(others, List.of());
  }

  @Test
  public void finds_a_byte_at_every_position_of_a_word() {
    byte[] bytes = new byte[40];
    for (int at = 0; at < bytes.length; at++) {
      Arrays.fill(bytes, (byte) 'a');
      bytes[at] = '\n';
      for (int from = 0; from <= at; from++) {
        assertEquals(ClickPoints.indexOf(bytes, (byte) '\n', from, bytes.length), at, "at " + at + " from " + from);
      }
      assertEquals(ClickPoints.indexOf(bytes, (byte) '\n', at + 1, bytes.length), -1);
      assertEquals(ClickPoints.indexOf(bytes, (byte) '\n', 0, at), -1);
    }
    // bytes around the wanted one that differ from it in one bit each, or have the high bit set
    byte[] near = {0x0B, 0x08, 0x0E, 0x02, 0x4A, (byte) 0x8A, (byte) 0xFF, 0x00, 0x0A};
    assertEquals(ClickPoints.indexOf(near, (byte) '\n', 0, near.length), 8);
  }

  // ---- helpers -------------------------------------------------------------------------------------

  record Point(String view, double x, double y) {}

  private static List<Point> read(Path file) {
    return read(file, ClickPoints.defaultThreads());
  }

  private static List<Point> read(Path file, int threads) {
    List<Point> points = new ArrayList<>();
    long count = ClickPoints.read(file, (view, x, y) -> points.add(new Point(view, x, y)), threads);
    assertEquals(count, points.size());
    return points;
  }

  private static List<Point> fromEventReader(Path file) {
    List<Point> points = new ArrayList<>();
    EventReader.read(file, event -> {
      if (event instanceof Event.Click click) {
        points.add(new Point(click.view(), click.x(), click.y()));
      }
    });
    return points;
  }

  /** Both readers refuse the file at the same line. */
  private static void assertSameLineAsEventReader(Path file, HeatcheckException ours) {
    HeatcheckException theirs = expectThrows(HeatcheckException.class, () -> fromEventReader(file));
    String line = theirs.getMessage().substring(0, theirs.getMessage().indexOf(':', file.toString().length() + 1) + 1);
    assertTrue(ours.getMessage().startsWith(line), ours.getMessage() + " vs " + theirs.getMessage());
  }

  private static List<Event> randomEvents(Random random, int count) {
    List<Event> events = new ArrayList<>();
    events.add(new Event.Run(Event.FORMAT_VERSION, "r", "2025-01-01T00:00:00Z", "heatcheck 0.1.0", "chromium"));
    String view = "s:v0";
    for (int i = 0; i < count; i++) {
      long t = 1000L + i;
      double x = random.nextInt(3) == 0 ? random.nextDouble() * 1440 : random.nextInt(1440);
      double y = random.nextInt(5000);
      switch (random.nextInt(8)) {
        case 0 -> {
          view = "s:v" + i;
          events.add(new Event.View(view, "s", "sc", "http://h/p" + i, "/p" + i, 1280, 800, 1280, 5000, t));
        }
        case 1 -> events.add(new Event.Move("s:" + i, view, "s", t, x, y));
        case 2 -> events.add(new Event.Scroll("s:" + i, view, "s", t, y, 5000));
        case 3 -> events.add(new Event.Effect("s:" + i, view, "s", t, "request", "GET http://h/api?q=" + i));
        default -> events.add(new Event.Click("s:" + i, view, "s", t, x, y, random.nextBoolean(), random.nextBoolean() ? BUY : LINK));
      }
    }
    return events;
  }

  private static Path write(List<Event> events) {
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    try (EventLog log = EventLog.create(file)) {
      events.forEach(log::append);
    }
    return file;
  }

  private static Path file(String text) throws IOException {
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
