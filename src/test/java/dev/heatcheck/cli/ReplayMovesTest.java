package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.testing.BrowserTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * heatcheck replay of pointer moves and hovers, in Chromium, against a tall page with a menu that opens
 * only while the pointer is over it (src/test/resources/replay/site/moves): recorded moves land where they
 * were recorded, and a recorded hover opens the menu whose item the recorded click then finds.
 */
@Test(groups = BrowserTest.GROUP, singleThreaded = true)
public class ReplayMovesTest {
  /** How far a replayed move may land from its recorded page point: rounding of CSS pixels. */
  private static final double PX = 3;

  private static final long T0 = 1_796_000_000_000L;

  private LocalServer server;
  private Path work;

  @BeforeClass
  public void start() throws IOException {
    server = LocalServer.serve("replay/site/moves");
    work = Files.createTempDirectory("heatcheck-replay-moves");
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    server.close();
  }

  /**
   * heatcheck's own move events (page points): each lands at its place, one below the fold after the
   * recorded scroll, one the page is now scrolled to, one outside the page skipped without a divergence.
   */
  @Test
  public void recorded_moves_land_at_their_page_points() throws IOException {
    String session = "rec/1280x800/1";
    List<String> lines = new ArrayList<>();
    lines.add("{\"type\":\"run\",\"v\":1,\"runId\":\"moves\",\"startedAt\":\"2026-11-30T13:00:00Z\","
        + "\"tool\":\"heatcheck 0.1.0\",\"browser\":\"Chromium\"}");
    lines.add("{\"type\":\"view\",\"id\":\"" + session + ":v\",\"session\":\"" + session
        + "\",\"scenario\":\"rec\",\"url\":\"http://shop.example/\",\"path\":\"/\",\"vw\":1280,"
        + "\"vh\":800,\"docW\":1280,\"docH\":3000,\"t\":" + T0 + "}");
    double[][] moves = {
      {200, 300, 500}, {600, 450, 800}, {400, 1900, 1400}, {900, 2600, 1700}, {5000, 100, 2000},
      {100, 120, 2300}
    };
    int id = 1;
    for (double[] m : moves) {
      if (m[2] == 1400) {
        lines.add(event("scroll", session, id++, (long) m[2] - 300, "\"y\":1500.0,\"docH\":3000"));
      }
      lines.add(event("move", session, id++, (long) m[2], "\"x\":" + m[0] + ",\"y\":" + m[1]));
    }
    Path recording = Files.write(work.resolve("pointer.jsonl"), lines);
    Path out = work.resolve("pointer");
    Result result = heatcheck("replay", "--base-url", server.baseUrl(), "--out", out.toString(),
        recording.toString());
    assertEquals(result.code, 0, result.toString());

    List<double[]> played = moves(out.resolve("events.jsonl"));
    for (double[] m : moves) {
      boolean inPage = m[0] < 1280;
      boolean found = played.stream()
          .anyMatch(p -> Math.abs(p[0] - m[0]) <= PX && Math.abs(p[1] - m[1]) <= PX);
      assertEquals(found, inPage, "(" + m[0] + ", " + m[1] + ") in " + pointsOf(played));
    }
    assertTrue(played.stream().allMatch(p -> p[0] < 1280), pointsOf(played));
    // a move to a point is no targeted action: nothing to find, nothing diverged
    JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(summary.path("replays").size(), 0, summary.path("replays").toString());
  }

  /** rrweb's moves are viewport points: the page point is the window's scroll recorded then, added. */
  @Test
  public void rrweb_moves_land_at_their_viewport_points_plus_the_recorded_scroll() throws IOException {
    String recording = "[{\"type\":4,\"data\":{\"href\":\"http://shop.example/\",\"width\":1280,"
        + "\"height\":800},\"timestamp\":" + T0 + "},"
        + "{\"type\":2,\"data\":{\"node\":{\"type\":0,\"id\":1,\"childNodes\":[{\"type\":2,"
        + "\"tagName\":\"html\",\"attributes\":{},\"id\":2,\"childNodes\":[{\"type\":2,"
        + "\"tagName\":\"body\",\"attributes\":{},\"id\":3,\"childNodes\":[]}]}]},"
        + "\"initialOffset\":{\"left\":0,\"top\":0}},\"timestamp\":" + (T0 + 10) + "},"
        + "{\"type\":3,\"data\":{\"source\":3,\"id\":1,\"x\":0,\"y\":1000},\"timestamp\":"
        + (T0 + 500) + "},"
        + "{\"type\":3,\"data\":{\"source\":1,\"positions\":[{\"x\":300,\"y\":200,\"id\":3,"
        + "\"timeOffset\":-400},{\"x\":700,\"y\":650,\"id\":3,\"timeOffset\":-100}]},"
        + "\"timestamp\":" + (T0 + 1500) + "}]";
    Path file = Files.writeString(work.resolve("rrweb-moves.json"), recording);
    Path out = work.resolve("rrweb-moves");
    Result result = heatcheck(
        "replay", "--base-url", server.baseUrl(), "--out", out.toString(), file.toString());
    assertEquals(result.code, 0, result.toString());
    List<double[]> played = moves(out.resolve("events.jsonl"));
    for (double[] m : new double[][] {{300, 1200}, {700, 1650}}) {
      assertTrue(
          played.stream()
              .anyMatch(p -> Math.abs(p[0] - m[0]) <= PX && Math.abs(p[1] - m[1]) <= PX),
          "(" + m[0] + ", " + m[1] + ") in " + pointsOf(played));
    }
  }

  /**
   * A DevTools flow: hover the menu, click its item. The hover opens the menu, so the click finds the item
   * by its selector and is alive; without the hover the item is hidden and the click diverges.
   */
  @Test
  public void a_recorded_hover_opens_the_menu_whose_item_the_recorded_click_finds() throws IOException {
    JsonNode summary = replayFlow("hovered", true);
    JsonNode replay = summary.path("replays").get(0);
    assertEquals(replay.path("actions").asInt(), 2, replay.toString()); // the hover and the click
    assertEquals(replay.path("selector").asInt(), 2, replay.toString());
    assertEquals(replay.path("divergences").size(), 0, replay.toString());
    assertEquals(summary.path("findings").size(), 0, summary.path("findings").toString());

    JsonNode without = replayFlow("not-hovered", false).path("replays").get(0);
    assertEquals(without.path("actions").asInt(), 1, without.toString());
    assertEquals(without.path("divergences").size(), 1, without.toString());
    assertEquals(
        without.path("divergences").get(0).path("lookedFor").get(0).asText(),
        "#item-shoes",
        without.toString());
  }

  private JsonNode replayFlow(String name, boolean hover) throws IOException {
    String flow = "{\"title\": \"" + name + "\", \"steps\": ["
        + "{\"type\": \"setViewport\", \"width\": 1280, \"height\": 800, \"deviceScaleFactor\": 1,"
        + " \"isMobile\": false, \"hasTouch\": false, \"isLandscape\": false},"
        + "{\"type\": \"navigate\", \"url\": \"http://shop.example/\"},"
        + (hover ? "{\"type\": \"hover\", \"selectors\": [[\"#menu\"]]}," : "")
        + "{\"type\": \"click\", \"selectors\": [[\"#item-shoes\"]], \"offsetX\": 10,"
        + " \"offsetY\": 5}]}";
    Path file = Files.writeString(work.resolve(name + ".json"), flow);
    Path out = work.resolve(name);
    Result result = heatcheck(
        "replay", "--base-url", server.baseUrl(), "--out", out.toString(), file.toString());
    assertEquals(result.code, 0, result.toString());
    return Json.mapper().readTree(out.resolve("summary.json").toFile());
  }

  private static String event(String type, String session, int id, long at, String fields) {
    return "{\"type\":\"" + type + "\",\"id\":\"" + session + ":" + id + "\",\"view\":\"" + session
        + ":v\",\"session\":\"" + session + "\",\"t\":" + (T0 + at) + "," + fields + "}";
  }

  /** The move events of an events.jsonl, as page points. */
  private static List<double[]> moves(Path events) throws IOException {
    List<double[]> out = new ArrayList<>();
    try (Stream<String> lines = Files.lines(events)) {
      for (String line : lines.filter(l -> l.startsWith("{\"type\":\"move\"")).toList()) {
        JsonNode move = Json.mapper().readTree(line);
        out.add(new double[] {move.path("x").asDouble(), move.path("y").asDouble()});
      }
    }
    return out;
  }

  private static String pointsOf(List<double[]> points) {
    return points.stream().map(p -> "(" + p[0] + ", " + p[1] + ")").toList().toString();
  }

  private static Result heatcheck(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintStream before = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    } finally {
      System.setOut(before);
    }
    return new Result(code, out + printed.toString(StandardCharsets.UTF_8), err.toString());
  }

  private record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
    }
  }
}
