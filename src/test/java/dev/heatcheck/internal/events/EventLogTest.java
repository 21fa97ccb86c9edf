package dev.heatcheck.internal.events;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.testng.annotations.Test;

public class EventLogTest {
  private static final Target BUY = new Target(
      "#buy",
      "button",
      "Buy now",
      "button",
      null,
      true,
      false,
      List.of(600.0, 2190.0, 120.0, 40.0),
      0.33,
      0.5);

  /** One event of every type, in the order a run writes them. */
  private static final List<Event> ONE_OF_EACH = List.of(
      new Event.Run(
          Event.FORMAT_VERSION, "run-1", "2025-01-01T00:00:00Z", "heatcheck 0.1.0", "chromium 156"),
      new Event.View(
          "s1:v1",
          "s1",
          "checkout",
          "https://shop.example/cart",
          "/cart",
          1280,
          800,
          1280,
          4200,
          1000),
      new Event.Click("s1:1", "s1:v1", "s1", 1234, 640, 2210, false, BUY),
      new Event.Scroll("s1:2", "s1:v1", "s1", 2000, 1800, 4200),
      new Event.Move("s1:3", "s1:v1", "s1", 2010, 500.5, 1900),
      new Event.Effect("s1:4", "s1:v1", "s1", 2050, "mutation", null),
      new Event.PageError("s1:5", "s1:v1", "s1", 2100, "TypeError: x is undefined — “quoted” ✓"),
      new Event.Action("s1:6", "s1:v1", "s1", 2200, "goto"));

  private static final List<String> TYPE_NAMES =
      List.of("run", "view", "click", "scroll", "move", "effect", "error", "action");

  @Test
  public void events_written_by_the_log_read_back_equal() throws IOException {
    Path file = TestFiles.tempDir().resolve("events.jsonl");

    write(file, ONE_OF_EACH);

    assertEquals(readAll(file), ONE_OF_EACH);
  }

  @Test
  public void the_log_counts_the_events_it_appended() throws IOException {
    Path file = TestFiles.tempDir().resolve("events.jsonl");

    try (EventLog log = EventLog.create(file)) {
      ONE_OF_EACH.forEach(log::append);
      assertEquals(log.count(), ONE_OF_EACH.size());
      assertEquals(log.file(), file);
    }
  }

  @Test
  public void the_log_creates_missing_parent_folders() throws IOException {
    Path file = TestFiles.tempDir().resolve("reports/run-1/events.jsonl");

    write(file, ONE_OF_EACH.subList(0, 1));

    assertEquals(readAll(file), ONE_OF_EACH.subList(0, 1));
  }

  @Test
  public void every_line_is_one_json_object_whose_type_field_comes_first_and_names_its_kind()
      throws IOException {
    Path file = TestFiles.tempDir().resolve("events.jsonl");

    write(file, ONE_OF_EACH);

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(lines.size(), ONE_OF_EACH.size());
    ObjectMapper plain = new ObjectMapper();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode node = plain.readTree(lines.get(i));
      assertTrue(node.isObject(), lines.get(i));
      assertEquals(node.path("type").asText(), TYPE_NAMES.get(i), lines.get(i));
      assertEquals(node.fieldNames().next(), "type", lines.get(i));
    }
  }

  @Test
  public void null_fields_are_left_out_of_a_line() throws IOException {
    Path file = TestFiles.tempDir().resolve("events.jsonl");

    write(file, List.of(new Event.Effect("e1", "v1", "s1", 5, "mutation", null)));

    String line = Files.readString(file, StandardCharsets.UTF_8);
    assertFalse(line.contains("detail"), line);
  }

  @Test
  public void a_last_line_cut_short_by_a_crash_is_skipped() throws IOException {
    // GIVEN a log whose writer died halfway through a line
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    write(file, ONE_OF_EACH);
    String whole = Json.mapper().writerFor(Event.class).writeValueAsString(ONE_OF_EACH.get(2));
    Files.writeString(
        file,
        whole.substring(0, whole.length() / 2),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    // WHEN it is read THEN everything before the cut is there
    assertEquals(readAll(file), ONE_OF_EACH);
  }

  @Test
  public void a_last_line_cut_inside_a_multibyte_character_is_skipped() throws IOException {
    // GIVEN a log cut off at a byte boundary that splits the "✓" (3 bytes in UTF-8) of an error
    // message
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    write(file, ONE_OF_EACH.subList(0, 2));
    byte[] line = Json.mapper()
        .writerFor(Event.class)
        .writeValueAsString(ONE_OF_EACH.get(6))
        .getBytes(StandardCharsets.UTF_8);
    int tick = TestFiles.indexOf(line, "✓".getBytes(StandardCharsets.UTF_8));
    Files.write(file, Arrays.copyOf(line, tick + 1), StandardOpenOption.APPEND);

    // THEN the whole lines before it are read
    assertEquals(readAll(file), ONE_OF_EACH.subList(0, 2));
  }

  @Test
  public void blank_lines_are_ignored() throws IOException {
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    write(file, ONE_OF_EACH.subList(0, 1));
    Files.writeString(file, "\n   \n", StandardOpenOption.APPEND);
    appendLines(file, ONE_OF_EACH.subList(1, 2));

    assertEquals(readAll(file), ONE_OF_EACH.subList(0, 2));
  }

  @Test
  public void a_bad_line_in_the_middle_is_an_error_naming_file_and_line() throws IOException {
    // GIVEN a broken second line with good lines around it
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    write(file, ONE_OF_EACH.subList(0, 1));
    Files.writeString(file, "{\"type\":\"click\", oops}\n", StandardOpenOption.APPEND);
    appendLines(file, ONE_OF_EACH.subList(1, 3));

    HeatcheckException e = expectThrows(HeatcheckException.class, () -> readAll(file));

    assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  public void lines_of_a_type_this_version_does_not_know_are_skipped_and_counted_in_one_warning()
      throws IOException {
    // GIVEN a newer writer's lines of two new types, one with its type not first, among known ones
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    write(file, ONE_OF_EACH.subList(0, 2));
    Files.writeString(
        file,
        "{\"type\":\"teleport\",\"id\":\"x\"}\n{\"id\":\"y\",\"type\":\"hover\",\"t\":5}\n"
            + "{\"type\":\"teleport\",\"id\":\"z\"}\n",
        StandardOpenOption.APPEND);
    appendLines(file, ONE_OF_EACH.subList(2, 3));

    List<Event> events = new ArrayList<>();
    ReadStats stats = EventReader.read(file, events::add);

    assertEquals(events, ONE_OF_EACH.subList(0, 3));
    assertEquals(stats.unknownTypeLines(), 3);
    String warning = stats.warning(0);
    assertEquals(
        warning,
        "warning: 3 line(s) of unknown type (teleport, hover) skipped (written by a newer version?)");
    assertFalse(warning.contains("dev.heatcheck"), warning);
  }

  @Test
  public void unknown_fields_are_counted_and_a_cut_off_last_line_is_reported() throws IOException {
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    write(file, ONE_OF_EACH.subList(0, 2));
    Files.writeString(
        file,
        "{\"type\":\"move\",\"id\":\"m\",\"view\":\"s1:v1\",\"session\":\"s1\",\"t\":3,\"x\":1,\"y\":2,"
            + "\"pressure\":0.5,\"tilt\":{\"x\":1}}\n{\"type\":\"cli",
        StandardOpenOption.APPEND);

    List<Event> events = new ArrayList<>();
    ReadStats stats = EventReader.read(file, events::add);

    assertEquals(events.size(), 3);
    assertEquals(stats.unknownFields(), 2);
    assertEquals(stats.truncatedLines(), List.of(file + ":4"));
    assertEquals(
        stats.warning(0),
        "warning: 2 unknown field(s) ignored (pressure, tilt); last line cut short, skipped: "
            + file + ":4 (written by a newer version?)");
  }

  @Test
  public void a_bad_last_line_that_ends_with_its_newline_is_an_error_not_a_cut()
      throws IOException {
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    write(file, ONE_OF_EACH.subList(0, 2));
    Files.writeString(file, "garbage\n", StandardOpenOption.APPEND);

    BadEventsFile e = expectThrows(BadEventsFile.class, () -> readAll(file));

    assertTrue(e.getMessage().startsWith(file + ":3:1: not a heatcheck event: "), e.getMessage());
  }

  @Test
  public void bad_lines_can_be_skipped_and_counted_when_asked() throws IOException {
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    write(file, ONE_OF_EACH.subList(0, 1));
    Files.writeString(
        file, "garbage\n{\"type\":\"click\",\"x\":\"far\"}\n[]\n", StandardOpenOption.APPEND);
    appendLines(file, ONE_OF_EACH.subList(1, 3));

    List<Event> events = new ArrayList<>();
    ReadStats stats = EventReader.read(
        List.of(file), EventReader.Options.defaults().withSkipBadLines(true), events::add);

    assertEquals(events, ONE_OF_EACH.subList(0, 3));
    assertEquals(stats.skippedBadLines(), 3);
    assertEquals(stats.warning(0), "warning: 3 bad line(s) skipped (first at " + file + ":2:1)");
  }

  @Test
  public void a_value_of_the_wrong_kind_names_its_field_and_no_java_type() throws IOException {
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    write(file, ONE_OF_EACH.subList(0, 1));
    Files.writeString(
        file, "{\"type\":\"click\",\"id\":\"c\",\"x\":\"far\"}\n", StandardOpenOption.APPEND);
    appendLines(file, ONE_OF_EACH.subList(1, 2));

    BadEventsFile e = expectThrows(BadEventsFile.class, () -> readAll(file));

    assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
    assertTrue(e.getMessage().contains("\"x\""), e.getMessage());
    assertFalse(
        e.getMessage().matches(".*(java|dev\\.heatcheck|Event\\$|double|`).*"), e.getMessage());
  }

  @Test
  public void many_threads_read_the_same_events_in_the_same_order_as_one() throws IOException {
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    List<Event> many = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      many.add(new Event.Click("c" + i, "v", "s", i, i % 1280, i / 10.0, false, BUY));
    }
    write(file, many);

    for (int threads : new int[] {1, 2, 4}) {
      List<Event> events = new ArrayList<>();
      EventReader.read(
          List.of(file), EventReader.Options.defaults().withThreads(threads), events::add);
      assertEquals(events, many, threads + " thread(s)");
    }
  }

  @Test
  public void a_missing_file_gives_a_one_line_message_naming_it() {
    Path file = TestFiles.tempDir().resolve("nowhere/events.jsonl");

    HeatcheckException e = expectThrows(HeatcheckException.class, () -> readAll(file));

    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  public void fields_this_version_does_not_know_are_ignored() throws IOException {
    // GIVEN a line from a newer writer, with extra fields on the event and on its target
    Path file = TestFiles.tempDir().resolve("events.jsonl");
    Files.writeString(
        file,
        "{\"type\":\"click\",\"id\":\"s1:1\",\"view\":\"s1:v1\",\"session\":\"s1\",\"t\":1234,\"x\":640,\"y\":2210,"
            + "\"pressure\":0.5,\"modifier\":false,\"pointer\":{\"kind\":\"touch\"},"
            + "\"target\":{\"selector\":\"#buy\",\"tag\":\"button\",\"text\":\"Buy now\",\"role\":\"button\","
            + "\"interactive\":true,\"editable\":false,\"box\":[600,2190,120,40],\"rx\":0.33,\"ry\":0.5,"
            + "\"shadowRoot\":true}}\n"
            + "{\"type\":\"view\",\"id\":\"s1:v1\",\"session\":\"s1\",\"scenario\":\"checkout\",\"variant\":\"A\","
            + "\"url\":\"https://shop.example/cart\",\"path\":\"/cart\",\"vw\":1280,\"vh\":800,\"docW\":1280,"
            + "\"docH\":4200,\"t\":1000}\n",
        StandardCharsets.UTF_8);

    assertEquals(readAll(file), List.of(ONE_OF_EACH.get(2), ONE_OF_EACH.get(1)));
  }

  @Test
  public void a_new_log_on_the_same_file_replaces_the_old_run_instead_of_mixing_with_it()
      throws IOException {
    Path file = TestFiles.tempDir().resolve("events.jsonl");

    write(file, ONE_OF_EACH.subList(0, 3));
    write(file, ONE_OF_EACH.subList(3, ONE_OF_EACH.size()));

    assertEquals(readAll(file), ONE_OF_EACH.subList(3, ONE_OF_EACH.size()));
  }

  // ---- helpers
  // -------------------------------------------------------------------------------------

  private static void write(Path file, List<Event> events) {
    try (EventLog log = EventLog.create(file)) {
      events.forEach(log::append);
    }
  }

  /** Adds whole event lines after what a file holds, as a second writer (a merged shard) would. */
  private static void appendLines(Path file, List<Event> events) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (Event event : events) {
      lines
          .append(Json.mapper().writerFor(Event.class).writeValueAsString(event))
          .append('\n');
    }
    Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private static List<Event> readAll(Path file) {
    List<Event> events = new ArrayList<>();
    EventReader.read(file, events::add);
    return events;
  }
}
