package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
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
    lines.add(
        "{\"type\":\"run\",\"v\":1,\"runId\":\"moves\",\"startedAt\":\"2026-11-30T13:00:00Z\","
            + "\"tool\":\"heatcheck 0.1.0\",\"browser\":\"Chromium\"}");
    lines.add("{\"type\":\"view\",\"id\":\"" + session + ":v\",\"session\":\"" + session
        + "\",\"scenario\":\"rec\",\"url\":\"http://shop.example/\",\"path\":\"/\",\"vw\":1280,"
        + "\"vh\":800,\"docW\":1280,\"docH\":3000,\"t\":" + T0 + "}");
    double[][] moves = {
      {200, 300, 500},
      {600, 450, 800},
      {400, 1900, 1400},
      {900, 2600, 1700},
      {5000, 100, 2000},
      {100, 120, 2300}
    };
    // the first action plays as the page loads, often within the recorder's 50 ms sampling of the
    // browser's own first pointer event: a move not looked for
    lines.add(event("move", session, 1, 200, "\"x\":150.0,\"y\":250.0"));
    int id = 2;
    for (double[] m : moves) {
      if (m[2] == 1400) {
        lines.add(event("scroll", session, id++, (long) m[2] - 300, "\"y\":1500.0,\"docH\":3000"));
      }
      lines.add(event("move", session, id++, (long) m[2], "\"x\":" + m[0] + ",\"y\":" + m[1]));
    }
    Path recording = Files.write(work.resolve("pointer.jsonl"), lines);
    Path out = work.resolve("pointer");
    Cli result = Cli.run(
        "replay", "--base-url", server.baseUrl(), "--out", out.toString(), recording.toString());
    assertEquals(result.code(), 0, result.toString());

    List<double[]> played = moves(out.resolve("events.jsonl"));
    for (double[] m : moves) {
      boolean inPage = m[0] < 1280;
      boolean found =
          played.stream().anyMatch(p -> Math.abs(p[0] - m[0]) <= PX && Math.abs(p[1] - m[1]) <= PX);
      assertEquals(found, inPage, "(" + m[0] + ", " + m[1] + ") in " + pointsOf(played));
    }
    assertTrue(played.stream().allMatch(p -> p[0] < 1280), pointsOf(played));
    // a move to a point is no targeted action: nothing to find, nothing diverged
    JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(summary.path("replays").size(), 0, summary.path("replays").toString());
  }

  /**
   * A dense stream (a move every 10 ms for 10 s, then a click): the moves are played along the recorded
   * path and the click is still replayed and found. How late the click came is printed, not asserted.
   */
  @Test
  public void a_dense_stream_of_moves_is_played_along_its_path_before_the_click()
      throws IOException {
    String session = "dense/1280x800/1";
    List<String> lines = new ArrayList<>();
    lines.add(
        "{\"type\":\"run\",\"v\":1,\"runId\":\"dense\",\"startedAt\":\"2026-11-30T13:00:00Z\","
            + "\"tool\":\"heatcheck 0.1.0\",\"browser\":\"Chromium\"}");
    lines.add("{\"type\":\"view\",\"id\":\"" + session + ":v\",\"session\":\"" + session
        + "\",\"scenario\":\"dense\",\"url\":\"http://shop.example/\",\"path\":\"/\",\"vw\":1280,"
        + "\"vh\":800,\"docW\":1280,\"docH\":3000,\"t\":" + T0 + "}");
    int recorded = 1000;
    for (int i = 1; i <= recorded; i++) {
      lines.add(event("move", session, i, 10L * i, "\"x\":" + (300 + 0.8 * i) + ",\"y\":500"));
    }
    long clickAt = 10L * recorded + 50;
    lines.add(event(
        "click",
        session,
        recorded + 1,
        clickAt,
        "\"x\":60.0,\"y\":50.0,\"modifier\":false,\"target\":{\"selector\":\"#menu\","
            + "\"tag\":\"button\",\"text\":\"Shop\",\"role\":\"button\",\"interactive\":true,"
            + "\"editable\":false},\"vx\":60.0,\"vy\":50.0"));
    Path recording = Files.write(work.resolve("dense.jsonl"), lines);
    Path out = work.resolve("dense");
    long start = System.currentTimeMillis();
    Cli result = Cli.run(
        "replay", "--base-url", server.baseUrl(), "--out", out.toString(), recording.toString());
    long wall = System.currentTimeMillis() - start;
    assertEquals(result.code(), 0, result.toString());

    List<JsonNode> events = typed(out.resolve("events.jsonl"), "move", "click");
    List<JsonNode> path = events.stream()
        .filter(e ->
            e.path("type").asText().equals("move") && Math.abs(e.path("y").asDouble() - 500) <= PX)
        .toList();
    JsonNode click = events.stream()
        .filter(e -> e.path("type").asText().equals("click"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no click replayed: " + result));
    assertEquals(click.path("target").path("selector").asText(), "#menu", click.toString());
    // the recorder samples moves every 50 ms: 10 s of path gives about 200; far fewer means moves
    // fell behind
    assertTrue(path.size() >= 100, path.size() + " moves on the path");
    assertTrue(
        path.stream()
            .allMatch(e -> e.path("x").asDouble() >= 300 && e.path("x").asDouble() <= 1101),
        path.toString());
    long firstMove = path.get(0).path("t").asLong();
    long played = click.path("t").asLong() - firstMove;
    System.out.printf(
        "dense moves: %d recorded over %.1f s, %d on the path in events.jsonl; click %d ms after the"
            + " first move (recorded %d ms); replay command %.1f s%n",
        recorded, recorded / 100.0, path.size(), played, clickAt - 10, wall / 1000.0);
  }

  /** rrweb's moves are viewport points: the page point is the window's scroll recorded then, added. */
  @Test
  public void rrweb_moves_land_at_their_viewport_points_plus_the_recorded_scroll()
      throws IOException {
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
    Cli result =
        Cli.run("replay", "--base-url", server.baseUrl(), "--out", out.toString(), file.toString());
    assertEquals(result.code(), 0, result.toString());
    List<double[]> played = moves(out.resolve("events.jsonl"));
    for (double[] m : new double[][] {{300, 1200}, {700, 1650}}) {
      assertTrue(
          played.stream().anyMatch(p -> Math.abs(p[0] - m[0]) <= PX && Math.abs(p[1] - m[1]) <= PX),
          "(" + m[0] + ", " + m[1] + ") in " + pointsOf(played));
    }
  }

  /**
   * rrweb's moves inside same-origin iframes (src/test/resources/replay/rrweb/frame-moves.json, written by
   * hand after rrweb's types: each frame's document attached by a mutation with isAttachIframe, then
   * MouseMove and TouchMove positions in the frame's own viewport, with the id of a node in its document)
   * land at the live iframe's content box corner plus the recorded point: one frame found by its name (its
   * recorded id is gone), one by the end of its src. The moves in a frame the live page lacks are dropped
   * and counted, no action and no divergence. The first frame move comes 2.2 s after the scroll: a
   * scroll slow on a busy machine must not put the visit 100 ms behind, where moves are dropped.
   */
  @Test
  public void rrweb_moves_in_an_iframe_land_at_the_live_frame_s_content_box_plus_their_point()
      throws IOException {
    Path out = work.resolve("rrweb-frame-moves");
    Cli result = Cli.run(
        "replay",
        "--base-url",
        server.baseUrl(),
        "--out",
        out.toString(),
        Path.of("src/test/resources/replay/rrweb/frame-moves.json").toString());
    assertEquals(result.code(), 0, result.toString());
    List<double[]> played = moves(out.resolve("events.jsonl"));
    // #pay's content box starts at 100 + 5 (border) + 7 (padding); #card2's at 600 + 2, 1200 + 2
    for (double[] m : new double[][] {{142, 1252}, {362, 1412}, {652, 1262}, {560, 1000}}) {
      assertTrue(
          played.stream().anyMatch(p -> Math.abs(p[0] - m[0]) <= PX && Math.abs(p[1] - m[1]) <= PX),
          "(" + m[0] + ", " + m[1] + ") in " + pointsOf(played));
    }
    // the gone frame's moves, (10, 10) and (20, 20) of its viewport, were not taken for the top's
    for (double[] m : new double[][] {{10, 10}, {20, 20}, {10, 910}, {20, 920}}) {
      assertTrue(
          played.stream()
              .noneMatch(p -> Math.abs(p[0] - m[0]) <= PX && Math.abs(p[1] - m[1]) <= PX),
          "(" + m[0] + ", " + m[1] + ") in " + pointsOf(played));
    }
    JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
    JsonNode replay = summary.path("replays").get(0);
    assertEquals(summary.path("replays").size(), 1, summary.path("replays").toString());
    assertEquals(replay.path("movesDropped").asInt(), 2, replay.toString());
    assertEquals(replay.path("actions").asInt(), 0, replay.toString());
    assertEquals(replay.path("divergences").size(), 0, replay.toString());
    List<JsonNode> dropped = typed(out.resolve("events.jsonl"), "replayed");
    assertEquals(dropped.size(), 2, dropped.toString());
    assertEquals(dropped.get(0).path("kind").asText(), "move", dropped.toString());
    assertEquals(dropped.get(0).path("found").asText(), "none", dropped.toString());
    assertEquals(
        dropped.get(0).path("locate").toString(),
        "[\"#gone\",\"iframe[name=\\\"gone\\\"]\",\"iframe[src$=\\\"gone.html\\\"]\"]",
        dropped.toString());
    // a report of the events alone counts them the same
    Path reported = work.resolve("rrweb-frame-moves-report");
    Cli report = Cli.run(
        "report", "--events", out.resolve("events.jsonl").toString(), "--out", reported.toString());
    assertEquals(report.code(), 0, report.toString());
    JsonNode again = Json.mapper().readTree(reported.resolve("summary.json").toFile());
    assertEquals(again.path("replays"), summary.path("replays"));
  }

  /**
   * A DevTools flow: hover the menu, click its item. The hover opens the menu, so the click finds the item
   * by its selector and is alive; without the hover the item is hidden and the click diverges.
   */
  @Test
  public void a_recorded_hover_opens_the_menu_whose_item_the_recorded_click_finds()
      throws IOException {
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
    Cli result =
        Cli.run("replay", "--base-url", server.baseUrl(), "--out", out.toString(), file.toString());
    assertEquals(result.code(), 0, result.toString());
    return Json.mapper().readTree(out.resolve("summary.json").toFile());
  }

  private static String event(String type, String session, int id, long at, String fields) {
    return "{\"type\":\"" + type + "\",\"id\":\"" + session + ":" + id + "\",\"view\":\"" + session
        + ":v\",\"session\":\"" + session + "\",\"t\":" + (T0 + at) + "," + fields + "}";
  }

  /** The events of the given types, in the order written. */
  private static List<JsonNode> typed(Path events, String... types) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    List<String> wanted = List.of(types);
    try (Stream<String> lines = Files.lines(events)) {
      for (String line : lines.toList()) {
        JsonNode event = Json.mapper().readTree(line);
        if (wanted.contains(event.path("type").asText())) {
          out.add(event);
        }
      }
    }
    return out;
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
}
