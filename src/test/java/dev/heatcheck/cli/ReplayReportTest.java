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
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

/**
 * A replay's events reported again ({@code heatcheck report}): the report has the replay's fidelity and
 * divergences, as the replay itself had them.
 */
@Test(groups = BrowserTest.GROUP)
public class ReplayReportTest {
  private static final Path RECORDINGS = Path.of("src/test/resources/replay");
  private static final Path LAB = RECORDINGS.resolve("site/lab");

  private LocalServer shop;

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  public void a_report_of_a_replays_events_has_the_replays_of_the_replay() throws IOException {
    Path work = Files.createTempDirectory("heatcheck-replay-report");
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
        RECORDINGS.resolve("rrweb/session.json").toString());
    assertEquals(replay.code(), 0, replay.toString());
    JsonNode before = Json.mapper().readTree(replayed.resolve("summary.json").toFile());
    assertEquals(before.path("replays").get(0).path("divergences").size(), 1, before.toString());

    Path reported = work.resolve("reported");
    Cli report = Cli.run(
        "report",
        "--events",
        replayed.resolve("events.jsonl").toString(),
        "--out",
        reported.toString());

    assertEquals(report.code(), 0, report.toString());
    JsonNode after = Json.mapper().readTree(reported.resolve("summary.json").toFile());
    assertEquals(after.path("replays"), before.path("replays"));
    assertTrue(report.out().contains("session.json: 28 action(s), 27 by selector"), report.out());
    assertTrue(report.out().contains("session.json at 3.5 s: click #wishlist"), report.out());
  }
}
