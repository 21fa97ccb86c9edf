package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

/**
 * A replay's events reported again ({@code heatcheck report}): the report has the replay's fidelity,
 * divergences and checks (its --expect rules, recorded in the events), as the replay itself had them;
 * {@code report --expect} holds them to other rules instead.
 */
@Test(groups = BrowserTest.GROUP)
public class ReplayReportTest {
  private static final Path RECORDINGS = Path.of("src/test/resources/replay");
  private static final Path LAB = RECORDINGS.resolve("site/lab");

  private LocalServer shop;
  private LocalServer site;

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (shop != null) {
      shop.close();
    }
    if (site != null) {
      site.close();
    }
  }

  /**
   * A recording (heatcheck's own events) of two visits, the second to a page the site no longer has:
   * the replay fails on the page (failedPages, no rule needed), and so does its report.
   */
  @Test
  public void a_report_of_a_replay_with_a_failed_page_fails_on_it_as_the_replay_did()
      throws IOException {
    Path work = Files.createTempDirectory("heatcheck-replay-report-failed");
    site = LocalServer.serve("fixtures/shards");
    String view = "{\"type\":\"view\",\"id\":\"%s:v\",\"session\":\"%s\",\"scenario\":\"s\","
        + "\"url\":\"http://recorded.example%s\",\"path\":\"%s\",\"vw\":1280,\"vh\":800,"
        + "\"docW\":1280,\"docH\":1800,\"t\":%d}";
    String click = "{\"type\":\"click\",\"id\":\"%s:c\",\"view\":\"%s:v\",\"session\":\"%s\","
        + "\"t\":%d,\"x\":80,\"y\":150,\"target\":{\"selector\":\"#dead\",\"tag\":\"button\","
        + "\"text\":\"Does nothing\",\"box\":[24,130,150,44],\"rx\":0.3,\"ry\":0.5}}";
    Path recording = Files.write(
        work.resolve("visits.jsonl"),
        List.of(
            String.format(view, "a", "a", "/", "/", 1_000),
            String.format(click, "a", "a", "a", 2_000),
            String.format(view, "b", "b", "/gone.html", "/gone.html", 1_000),
            String.format(click, "b", "b", "b", 2_000)));
    Path expect =
        Files.writeString(work.resolve("expect.yaml"), "expect:\n  deadClicks: {max: 5}\n");
    Path replayed = work.resolve("replayed");
    Cli replay = Cli.run(
        "replay",
        "--base-url",
        site.baseUrl(),
        "--speed",
        "4",
        "--expect",
        expect.toString(),
        "--out",
        replayed.toString(),
        recording.toString());
    assertEquals(replay.code(), 1, replay.toString());
    JsonNode before = Json.mapper().readTree(replayed.resolve("summary.json").toFile());
    assertEquals(
        before.path("failedPages").size(), 1, before.path("failedPages").toString());
    assertTrue(
        checks(before).stream().anyMatch(c -> c.startsWith("visits-2 failedPages fail 1 ")),
        checks(before).toString());

    Path reported = work.resolve("reported");
    Cli report = Cli.run(
        "report",
        "--events",
        replayed.resolve("events.jsonl").toString(),
        "--out",
        reported.toString());

    assertEquals(report.code(), 1, report.toString());
    JsonNode after = Json.mapper().readTree(reported.resolve("summary.json").toFile());
    assertEquals(after.path("checks"), before.path("checks"));
    assertEquals(after.path("failedPages"), before.path("failedPages"));
    assertEquals(after.path("failedVisitors"), before.path("failedVisitors"));
    assertEquals(after.path("failedSteps"), before.path("failedSteps"));
  }

  @Test
  public void a_report_of_a_replays_events_has_the_replays_and_checks_of_the_replay()
      throws IOException {
    Path work = Files.createTempDirectory("heatcheck-replay-report");
    Path expect = Files.writeString(
        work.resolve("expect.yaml"),
        "# what the replay is held to\nexpect:\n  divergedActions: {max: 0}\n"
            + "  deadClicks: {max: 50}\n  clickShare: {selector: \"#place-order\", max: 0.5}\n");
    // a build without the recorded #wishlist: one divergence, clicked at the recorded position
    shop = DemoSite.start(
            DemoSite.ORDER_DELAY,
            0,
            page -> page.replace("id=\"wishlist\"", "id=\"wishlist-button\"")
                .replace("Save to wishlist", "Keep for later"))
        .route("/lab/", exchange -> {
          String name =
              Path.of(exchange.getRequestURI().getPath()).getFileName().toString();
          byte[] body =
              Files.readAllBytes(LAB.resolve(name.endsWith(".html") ? name : "index.html"));
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (var out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    Path replayed = work.resolve("replayed");
    Cli replay = Cli.run(
        "replay",
        "--base-url",
        shop.baseUrl(),
        "--out",
        replayed.toString(),
        "--input",
        "#password=pw",
        "--expect",
        expect.toString(),
        RECORDINGS.resolve("rrweb/session.json").toString());
    assertEquals(replay.code(), 1, replay.toString());
    JsonNode before = Json.mapper().readTree(replayed.resolve("summary.json").toFile());
    assertEquals(before.path("replays").get(0).path("divergences").size(), 1, before.toString());
    assertEquals(
        checks(before),
        List.of(
            "session deadClicks pass 3 " + expect + ":4:3",
            "session clickShare #place-order pass 0.17 " + expect + ":5:3",
            "session divergedActions fail 1 " + expect + ":3:3"),
        before.path("checks").toString());

    Path reported = work.resolve("reported");
    Cli report = Cli.run(
        "report",
        "--events",
        replayed.resolve("events.jsonl").toString(),
        "--out",
        reported.toString());

    assertEquals(report.code(), 1, report.toString());
    JsonNode after = Json.mapper().readTree(reported.resolve("summary.json").toFile());
    assertEquals(after.path("replays"), before.path("replays"));
    assertEquals(after.path("checks"), before.path("checks"));
    assertEquals(after.path("passed"), before.path("passed"));
    assertTrue(report.out().contains("session.json: 28 action(s), 27 by selector"), report.out());
    assertTrue(report.out().contains("session.json at 3.5 s: click #wishlist"), report.out());

    // other thresholds for the same events: the flag's rules, not the recorded ones
    Path looser =
        Files.writeString(work.resolve("looser.yaml"), "expect:\n  divergedActions: {max: 1}\n");
    Cli rejudged = Cli.run(
        "report",
        "--events",
        replayed.resolve("events.jsonl").toString(),
        "--expect",
        looser.toString(),
        "--out",
        work.resolve("rejudged").toString());
    assertEquals(rejudged.code(), 0, rejudged.toString());
    assertEquals(
        checks(Json.mapper().readTree(work.resolve("rejudged/summary.json").toFile())),
        List.of("session divergedActions pass 1 " + looser + ":2:3"));
  }

  /** Each check as "scenario name level actual at". */
  private static List<String> checks(JsonNode summary) {
    List<String> out = new ArrayList<>();
    summary
        .path("checks")
        .forEach(c -> out.add(c.path("scenario").asText() + " "
            + c.path("rule").asText() + " " + c.path("level").asText() + " "
            + c.path("actual").asText() + " " + c.path("at").asText()));
    return out;
  }
}
