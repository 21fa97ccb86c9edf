package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The crowd on a real Selenium Grid 4 standalone ({@code org.seleniumhq.selenium:selenium-grid}, a
 * test dependency) on 127.0.0.1, started once for the class, with Debian's chromedriver on PATH.
 */
@Test(groups = BrowserTest.GROUP)
public class SeleniumGridTest {
  private LocalServer site;
  private Process grid;
  private Path dir;
  private String url;

  @BeforeClass(alwaysRun = true)
  public void startTheGrid() throws IOException, InterruptedException {
    dir = Files.createTempDirectory("heatcheck-grid");
    site = LocalServer.serve("fixtures/remote");
    int port = RemoteRuns.freePort();
    grid = RemoteRuns.startJava(
        dir.resolve("grid.log"),
        port,
        "org.openqa.selenium.grid.Main",
        "standalone",
        "--host",
        "127.0.0.1",
        "--port",
        String.valueOf(port),
        "--selenium-manager",
        "false");
    url = "http://127.0.0.1:" + port;
  }

  @AfterClass(alwaysRun = true)
  public void stopTheGrid() {
    try {
      RemoteRuns.stop(grid);
    } finally {
      if (site != null) {
        site.close();
      }
    }
  }

  @Test
  public void a_crowd_on_the_grid_finds_what_it_finds_locally() throws IOException {
    RemoteRuns.Run local = RemoteRuns.run(dir, "local", RemoteRuns.CROWD, site.baseUrl());
    RemoteRuns.Run remote =
        RemoteRuns.run(dir, "remote", RemoteRuns.CROWD, site.baseUrl(), "--grid", url);
    assertEquals(remote.code(), local.code(), remote.toString());
    assertEquals(
        local.findings(),
        List.of("dead / 1280x800 #dead x3", "rage / 1280x800 #ok x3"),
        local.toString());
    assertEquals(remote.findings(), local.findings(), remote.toString());
    assertEquals(
        remote.summary().path("browser").asText(),
        local.summary().path("browser").asText() + " on Selenium Grid " + url);
    assertEquals(sessions(), 0, "every session the run asked for is deleted");
  }

  @Test
  public void a_frozen_visitor_on_the_grid_is_ended_its_session_deleted_and_the_run_ends()
      throws IOException, InterruptedException {
    RemoteRuns.Run run =
        RemoteRuns.run(dir, "freeze", RemoteRuns.FREEZE, site.baseUrl(), "--grid", url);
    assertEquals(run.code(), 1, run.toString());
    JsonNode failed = run.summary().path("failedVisitors");
    assertEquals(failed.size(), 2, run.summary().toPrettyString());
    for (JsonNode visitor : failed) {
      assertEquals(visitor.path("step").asText(), "click \"#freeze\"", visitor.toString());
      assertTrue(
          visitor.path("reason").asText().startsWith("timeouts.step (5000 ms) passed"),
          visitor.toString());
    }
    assertEquals(sessions(), 0, "the frozen visitors' sessions are deleted, their slots free");
    assertEquals(
        RemoteRuns.awaitNone(grid, "--type=renderer"), List.of(), "no frozen page spins on");
  }

  /**
   * Sessions open on the Grid, as /status lists them once it shows none or 60 s passed: /status shows
   * the node's slots as last reported, a few seconds behind a delete, and the Grid frees a slot only
   * once its Chrome has quit, which a page spinning on a loaded 2-core machine can hold up (CI once
   * still saw one after 20 s). How long it took is printed.
   */
  private int sessions() throws IOException {
    long start = System.currentTimeMillis();
    long end = start + 60_000;
    int open = openSessions();
    while (open > 0 && System.currentTimeMillis() < end) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      open = openSessions();
    }
    System.out.printf(
        "grid: %d session(s) open %.1f s after the run%n",
        open, (System.currentTimeMillis() - start) / 1000.0);
    return open;
  }

  private int openSessions() throws IOException {
    JsonNode status = Json.mapper().readTree(URI.create(url + "/status").toURL());
    int open = 0;
    for (JsonNode node : status.path("value").path("nodes")) {
      for (JsonNode slot : node.path("slots")) {
        open += slot.path("session").isObject() ? 1 : 0;
      }
    }
    return open;
  }
}
