package dev.heatcheck.internal.drive;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.scenario.Viewport;
import dev.heatcheck.testing.BrowserTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.testng.annotations.Test;

/** The clean screenshots maps are drawn on, in a real Chromium, of pages served from 127.0.0.1. */
public class ScreenshotsTest extends BrowserTest {
  @Override
  protected LocalServer serve() {
    return LocalServer.serve("fixtures/capture");
  }

  @Test
  public void a_page_that_cannot_be_shot_is_left_out_with_a_warning_saying_why()
      throws IOException {
    String gone = "http://127.0.0.1:" + closedPort() + "/gone";
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("/", url("/index.html"));
    pages.put("/gone", gone);
    Path dir = Files.createTempDirectory("heatcheck-screens");
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    Map<String, Shot> shots = Screenshots.shoot(
        browser,
        new Viewport(800, 600),
        pages,
        Set.of("#mutate"),
        dir,
        new PrintStream(warnings, true, StandardCharsets.UTF_8));

    assertEquals(shots.keySet(), Set.of("/"), "the page that loads is shot");
    assertTrue(Files.isRegularFile(shots.get("/").image()));
    assertEquals(
        warnings.toString(StandardCharsets.UTF_8),
        "warning: no screenshot of /gone at 800x600 (" + gone + "): net::ERR_CONNECTION_REFUSED at "
            + gone + "; its clicks are drawn on a blank page" + System.lineSeparator());
  }

  /** A port nothing listens on: the browser's connection to it is refused. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
