package dev.heatcheck.internal.replay;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.testng.annotations.Test;

/** Each fault gives one line naming the file, the place and what is wrong, for the CLI to print and exit 2. */
public class MalformedRecordingTest {
  private static String failure(Path file) {
    HeatcheckException e = expectThrows(HeatcheckException.class, () -> Recordings.readFile(file));
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertFalse(
        e.getMessage().matches(".*\\b(java|com\\.fasterxml)\\.\\w.*"),
        "no Java type names: " + e.getMessage());
    return e.getMessage().substring(file.toString().length());
  }

  private static ArrayNode events() throws IOException {
    return (ArrayNode) Json.mapper().readTree(Fixtures.RRWEB.toFile());
  }

  private static Path save(String name, JsonNode value) throws IOException {
    Path file = Fixtures.tempDir().resolve(name);
    Json.mapper().writeValue(file.toFile(), value);
    return file;
  }

  /** The index of the first click event (an IncrementalSnapshot MouseInteraction of type Click). */
  private static int firstClick(ArrayNode events) {
    for (int i = 0; i < events.size(); i++) {
      JsonNode data = events.get(i).path("data");
      if (events.get(i).path("type").asInt() == 3
          && data.path("source").asInt() == 2
          && data.path("type").asInt() == 2) {
        return i;
      }
    }
    throw new AssertionError("no click");
  }

  @Test
  public void not_json() {
    assertEquals(
        failure(Fixtures.write("notes.json", "hello, world\n")),
        ":1:1: not JSON: Unrecognized token 'hello':"
            + " was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
  }

  @Test
  public void json_that_is_no_recording() {
    assertEquals(
        failure(Fixtures.write("number.json", "42")),
        ":1:1: not a recording: a recording is an rrweb event array,"
            + " a PostHog export, a DevTools Recorder flow or heatcheck's events.jsonl");
  }

  @Test
  public void unknown_format() {
    assertEquals(
        failure(Fixtures.write("config.json", "{\"name\": \"shop\", \"data\": {\"pages\": []}}")),
        ": unknown format: a recording is an rrweb event array, a PostHog export, a DevTools Recorder flow or heatcheck's events.jsonl");
  }

  @Test
  public void empty_file() {
    assertEquals(
        failure(Fixtures.write("empty.json", "")),
        ": empty: a recording is an rrweb event array, a PostHog export,"
            + " a DevTools Recorder flow or heatcheck's events.jsonl");
  }

  @Test
  public void truncated_array() throws IOException {
    byte[] bytes = Files.readAllBytes(Fixtures.RRWEB);
    Path file = Fixtures.tempDir().resolve("cut.json");
    // cut just after an event's closing brace, inside the array
    int cut = new String(bytes, 0, bytes.length / 2, java.nio.charset.StandardCharsets.ISO_8859_1)
            .lastIndexOf("},{")
        + 2;
    Files.write(file, Arrays.copyOf(bytes, cut));
    String message = failure(file);
    assertTrue(message.matches(":1:\\d+: truncated: the file ends inside the JSON"), message);
  }

  @Test
  public void truncated_inside_a_string() throws IOException {
    Path file = Fixtures.write("cut.json", Fixtures.read(Fixtures.RRWEB).substring(0, 5000));
    assertTrue(
        failure(file).matches(":1:\\d+: truncated: the file ends inside the JSON"), failure(file));
  }

  @Test
  public void truncated_gzip() throws IOException {
    Path whole = Fixtures.tempDir().resolve("whole.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
      out.write(Files.readAllBytes(Fixtures.RRWEB));
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path file =
        Files.write(whole.resolveSibling("cut.json.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    assertEquals(failure(file), ": truncated: the gzip data ends early");
  }

  @Test
  public void events_out_of_order() throws IOException {
    ArrayNode events = events();
    int index = firstClick(events) + 3;
    ObjectNode event = (ObjectNode) events.get(index);
    event.put("timestamp", event.get("timestamp").asLong() - 5000);
    String message = failure(save("backwards.json", events));
    assertTrue(
        message.matches(":1:\\d+: events\\[" + index
            + "]: its timestamp is \\d+ ms before the previous event's: events out of order"),
        message);
  }

  @Test
  public void a_small_step_back_is_tolerated() throws IOException {
    ArrayNode events = events();
    int index = firstClick(events) + 3;
    ObjectNode event = (ObjectNode) events.get(index);
    event.put("timestamp", events.get(index - 1).get("timestamp").asLong() - 200);
    assertEquals(Recordings.readFile(save("jitter.json", events)).visits().size(), 1);
  }

  @Test
  public void a_node_id_never_in_a_snapshot() throws IOException {
    ArrayNode events = events();
    int index = firstClick(events);
    ((ObjectNode) events.get(index).get("data")).put("id", 99999);
    String message = failure(save("ghost.json", events));
    assertTrue(
        message.matches(
            ":1:\\d+: events\\[" + index
                + "]: node 99999 was never in the recorded document \\(no snapshot or mutation added it\\)"),
        message);
  }

  @Test
  public void an_element_that_is_not_an_event() {
    assertEquals(
        failure(Fixtures.write("numbers.json", "[1, 2]")),
        ":1:2: events[0]: not an rrweb event (an object with a numeric type and timestamp is expected)");
  }

  @Test
  public void posthog_export_with_a_broken_event_names_its_json_path() {
    String text = "{\"version\": \"2023-04-28\", \"data\": {\"id\": \"x\", \"snapshots\": [\n"
        + "{\"windowId\": \"w\", \"type\": 4, \"timestamp\": 1000, \"data\": {\"href\": \"http://a.test/\", \"width\": 800, \"height\": 600}},\n"
        + "{\"windowId\": \"w\", \"type\": 2, \"timestamp\": 1001, \"cv\": \"2024-10\", \"data\": \"not gzip\"}]}}";
    assertEquals(
        failure(Fixtures.write("posthog.json", text)),
        ":3:1: data.snapshots[1]: compressed data (cv 2024-10) does not decompress: Not in GZIP format");
  }

  @Test
  public void no_full_snapshot_means_no_visit() {
    String text =
        "[{\"type\": 4, \"timestamp\": 1000, \"data\": {\"href\": \"http://a.test/\", \"width\": 800, \"height\": 600}}]";
    assertEquals(
        failure(Fixtures.write("meta-only.json", text)),
        ": nothing to replay in this rrweb recording (no full snapshot: rrweb never took one of a page)");
  }

  @Test
  public void devtools_step_without_selectors() {
    String flow =
        "{\"title\": \"t\", \"steps\": [{\"type\": \"navigate\", \"url\": \"http://a.test/\"},"
            + " {\"type\": \"click\", \"offsetX\": 1, \"offsetY\": 2}]}";
    assertEquals(
        failure(Fixtures.write("flow.json", flow)),
        ": steps[1] (click): no selectors: a click step needs at least one to find its element");
  }

  @Test
  public void devtools_unknown_step() {
    String flow = "{\"title\": \"t\", \"steps\": [{\"type\": \"teleport\"}]}";
    assertEquals(
        failure(Fixtures.write("flow.json", flow)),
        ": steps[0] (teleport): unknown step type: DevTools writes"
            + " setViewport, navigate, click, doubleClick, hover, change, keyDown, keyUp, scroll, waitForElement, waitForExpression, close");
  }

  @Test
  public void heatcheck_events_with_a_bad_line() {
    String lines =
        "{\"type\":\"run\",\"v\":1,\"runId\":\"r\"}\n{\"type\":\"view\",\"id\":\"v\",\"session\":\"s\",\"url\":\"http://a.test/\",\"vw\":800,\"vh\":600,\"t\":1}\n"
            + "{\"type\":\"click\", oops}\n{\"type\":\"run\",\"v\":1,\"runId\":\"r\"}\n";
    String message = failure(Fixtures.write("events.jsonl", lines));
    assertTrue(message.startsWith(":3:"), message);
  }

  @Test
  public void a_folder_reads_every_recording_in_it() throws IOException {
    Path folder = Fixtures.tempDir();
    Files.copy(Fixtures.RRWEB, folder.resolve("a.json"));
    Files.copy(Fixtures.DEVTOOLS, folder.resolve("b.json"));
    Files.writeString(folder.resolve(".hidden"), "not read");
    assertEquals(
        Recordings.read(folder).stream().map(Recorded::format).toList(),
        java.util.List.of(Format.RRWEB, Format.DEVTOOLS));
  }
}
