package dev.heatcheck;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.testing.BrowserTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** {@link Heatcheck#run} from a test: quiet, but for what its user must see. */
@Test(groups = BrowserTest.GROUP)
public class HeatcheckRunTest {
  private LocalServer server;

  @BeforeClass
  public void startServer() {
    server = LocalServer.serve("fixtures/capture");
  }

  @AfterClass(alwaysRun = true)
  public void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  public void a_run_tells_the_browser_it_chose_on_standard_error_and_nothing_else()
      throws IOException {
    Path dir = Files.createTempDirectory("heatcheck-run");
    Path scenario = Files.writeString(
        dir.resolve("quick.yaml"),
        "name: quick\nurl: /index.html\nsteps:\n  - click: \"#mutate\"\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    Result result;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      result = Heatcheck.run(scenario, server.baseUrl(), dir.resolve("out"));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    String told = err.toString(StandardCharsets.UTF_8);
    stderr.print(told);
    assertTrue(told.startsWith("Browser: Chromium "), told);
    assertEquals(told.lines().count(), 1L, told);
    assertFalse(
        out.toString(StandardCharsets.UTF_8).contains("Running quick"),
        out.toString(StandardCharsets.UTF_8));
    assertTrue(Files.isRegularFile(result.dir().resolve("summary.json")));
  }
}
