package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The crowd on a real Playwright server, the driver inside the Playwright jar ({@code CLI run-server
 * --unsafe}) on 127.0.0.1, started once for the class; the browser it launches is named in the URL's
 * launch options, as such a server accepts them.
 */
@Test(groups = BrowserTest.GROUP)
public class PlaywrightServerTest {
  private LocalServer site;
  private Process server;
  private Path dir;
  private String url;

  @BeforeClass(alwaysRun = true)
  public void startTheServer() throws IOException, InterruptedException {
    dir = Files.createTempDirectory("heatcheck-playwright-server");
    site = LocalServer.serve("fixtures/remote");
    int port = RemoteRuns.freePort();
    server = RemoteRuns.startJava(
        dir.resolve("run-server.log"),
        port,
        "com.microsoft.playwright.CLI",
        "run-server",
        "--port",
        String.valueOf(port),
        "--host",
        "127.0.0.1",
        "--unsafe");
    // not URL-encoded, as a user would paste it
    url = "ws://127.0.0.1:" + port
        + "/?launch-options={\"executablePath\":\"/usr/bin/chromium\",\"args\":[\"--no-sandbox\"]}";
  }

  @AfterClass(alwaysRun = true)
  public void stopTheServer() {
    try {
      RemoteRuns.stop(server);
    } finally {
      if (site != null) {
        site.close();
      }
    }
  }

  @Test
  public void a_crowd_on_the_server_finds_what_it_finds_locally() throws IOException {
    RemoteRuns.Run local = RemoteRuns.run(dir, "local", RemoteRuns.CROWD, site.baseUrl());
    RemoteRuns.Run remote =
        RemoteRuns.run(dir, "remote", RemoteRuns.CROWD, site.baseUrl(), "--browser-url", url);
    assertEquals(remote.code(), local.code(), remote.toString());
    assertEquals(
        local.findings(),
        java.util.List.of("dead / 1280x800 #dead x3", "rage / 1280x800 #ok x3"),
        local.toString());
    assertEquals(remote.findings(), local.findings(), remote.toString());
    String browser = remote.summary().path("browser").asText();
    assertTrue(
        browser.matches("Chromium [0-9.]+ on ws://127\\.0\\.0\\.1:[0-9]+/"),
        "the browser and where it is, without the URL's query: " + browser);
    assertEquals(
        browser.substring(0, browser.indexOf(" on ")),
        local.summary().path("browser").asText(),
        "the Chromium the launch options named");
    assertTrue(remote.err().isEmpty(), remote.err());
  }

  @Test
  public void a_frozen_visitor_on_the_server_is_ended_and_the_run_ends()
      throws IOException, InterruptedException {
    RemoteRuns.Run run =
        RemoteRuns.run(dir, "freeze", RemoteRuns.FREEZE, site.baseUrl(), "--browser-url", url);
    assertEquals(run.code(), 1, run.toString());
    JsonNode failed = run.summary().path("failedVisitors");
    assertEquals(failed.size(), 2, run.summary().toPrettyString());
    for (JsonNode visitor : failed) {
      assertEquals(visitor.path("step").asText(), "click \"#freeze\"", visitor.toString());
      assertTrue(
          visitor.path("reason").asText().startsWith("timeouts.step (5000 ms) passed"),
          visitor.toString());
    }
    // the server closes the browser of a connection that dropped: no frozen renderer spins on
    assertEquals(RemoteRuns.awaitNone(server, "--type=renderer"), java.util.List.of());
  }
}
