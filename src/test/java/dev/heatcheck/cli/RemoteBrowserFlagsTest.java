package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;

import dev.heatcheck.internal.browser.Remote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** --browser-url and --grid as a user types them: a bad URL is exit 2, a server that is not there exit 3. */
public class RemoteBrowserFlagsTest {
  private Path dir;

  @BeforeClass
  public void folder() throws IOException {
    dir = Files.createTempDirectory("heatcheck-remote-flags");
  }

  @Test
  public void a_url_that_is_not_a_playwright_servers_is_bad_input() throws IOException {
    RemoteRuns.Run run = RemoteRuns.run(
        dir,
        "bad-ws",
        RemoteRuns.CROWD,
        "http://127.0.0.1:9",
        "--browser-url",
        "http://host:3000/");
    assertEquals(run.code(), 2, run.toString());
    assertEquals(
        run.err(),
        "heatcheck: --browser-url: expected a Playwright server's URL such as ws://127.0.0.1:3000/,"
            + " got \"http://host:3000/\"\n");
    assertFalse(Files.exists(run.dir()), "nothing written");
  }

  @Test
  public void a_url_that_is_not_a_grids_is_bad_input() throws IOException {
    RemoteRuns.Run run = RemoteRuns.run(
        dir, "bad-grid", RemoteRuns.CROWD, "http://127.0.0.1:9", "--grid", "grid:4444");
    assertEquals(run.code(), 2, run.toString());
    assertEquals(
        run.err(),
        "heatcheck: --grid: expected a Selenium Grid's URL such as http://127.0.0.1:4444, got \"grid:4444\"\n");
  }

  @Test
  public void both_remotes_or_a_remote_and_a_local_browser_are_bad_input() throws IOException {
    RemoteRuns.Run both = RemoteRuns.run(
        dir,
        "both",
        RemoteRuns.CROWD,
        "http://127.0.0.1:9",
        "--grid",
        "http://127.0.0.1:4444",
        "--browser-url",
        "ws://127.0.0.1:3000/");
    assertEquals(both.code(), 2, both.toString());
    assertEquals(
        both.err(),
        "heatcheck: --browser-url and --grid both name a remote browser; give one of them\n");
    RemoteRuns.Run mixed = RemoteRuns.run(
        dir,
        "mixed",
        RemoteRuns.CROWD,
        "http://127.0.0.1:9",
        "--grid",
        "http://127.0.0.1:4444",
        "--browser",
        "/usr/bin/chromium");
    assertEquals(mixed.code(), 2, mixed.toString());
    assertEquals(
        mixed.err(),
        "heatcheck: --browser names a local browser and --grid a remote one; give one of them\n");
  }

  @Test
  public void a_playwright_server_that_is_not_there_cannot_run_and_is_named() throws IOException {
    int port = RemoteRuns.freePort();
    RemoteRuns.Run run = RemoteRuns.run(
        dir,
        "no-server",
        RemoteRuns.CROWD,
        "http://127.0.0.1:9",
        "--browser-url",
        "ws://127.0.0.1:" + port + "/?token=secret");
    assertEquals(run.code(), 3, run.toString());
    assertEquals(
        run.err(),
        "heatcheck: cannot run: cannot use the Playwright server at ws://127.0.0.1:" + port
            + "/: WebSocket error: connect ECONNREFUSED 127.0.0.1:" + port + "\n");
  }

  @Test
  public void a_grid_that_is_not_there_cannot_run_and_is_named() throws IOException {
    int port = RemoteRuns.freePort();
    RemoteRuns.Run run = RemoteRuns.run(
        dir,
        "no-grid",
        RemoteRuns.CROWD,
        "http://127.0.0.1:9",
        "--grid",
        "http://127.0.0.1:" + port);
    assertEquals(run.code(), 3, run.toString());
    assertEquals(
        run.err(),
        "heatcheck: cannot run: cannot reach Selenium Grid http://127.0.0.1:" + port
            + ": connection refused\n");
  }

  @Test
  public void a_remote_is_shown_without_its_query_or_user() {
    assertEquals(
        Remote.playwrightServer("wss://me:pw@cloud.example:443/pw?token=s3cret", "--browser-url")
            .shown(),
        "wss://cloud.example:443/pw");
    assertEquals(
        Remote.grid("https://hub.example/wd/hub", "--grid").shown(),
        "Selenium Grid https://hub.example/wd/hub");
  }
}
