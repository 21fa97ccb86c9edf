package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Runs against pages that fail on purpose, served on 127.0.0.1: a click that never returns, an endless
 * alert(), an HTTP 500, a connection cut mid-response, a renderer that dies, a browser killed mid-run.
 * Each run must end within its deadlines, with its exit code, complete summary.json, index.html and
 * junit.xml saying what happened, and every event recorded before the fault.
 */
public class FaultRunTest {
  /** The action kinds events.jsonl documents; a step's Java type must never show there. */
  private static final Set<String> ACTION_KINDS =
      Set.of("goto", "click", "fill", "hover", "press", "scroll");

  private LocalServer site;
  private ServerSocket cut;
  private Path dir;
  private final AtomicInteger rendererKills = new AtomicInteger();
  private final AtomicInteger browserRequests = new AtomicInteger();

  @BeforeClass
  public void startTheSites() throws IOException {
    dir = Files.createTempDirectory("heatcheck-faults");
    site = LocalServer.serve("fixtures/faults")
        .route("/broken", exchange -> {
          byte[] body = "<!doctype html><title>Oops</title><h1>Internal error</h1>"
              .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(500, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        })
        .route("/kill/renderer", exchange -> {
          // only the first visitor's page dies: the next one must run as if nothing happened
          if (rendererKills.getAndIncrement() == 0) {
            chromium("--type=renderer").forEach(ProcessHandle::destroyForcibly);
          }
          sendPage(exchange);
        })
        .route("/kill/browser", exchange -> {
          if (browserRequests.incrementAndGet() == 2) {
            chromium("--heatcheck-browser=").stream()
                .filter(p -> !commandLine(p).contains("--type="))
                .forEach(ProcessHandle::destroyForcibly);
          }
          sendPage(exchange);
        });
    cut = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread serving = new Thread(this::serveCutResponses, "cut-connection");
    serving.setDaemon(true);
    serving.start();
  }

  @AfterClass(alwaysRun = true)
  public void stopTheSites() throws IOException {
    if (site != null) {
      site.close();
    }
    if (cut != null) {
      cut.close();
    }
  }

  @Test
  public void a_click_that_never_returns_ends_its_visitor_at_the_step_deadline_and_the_run_goes_on()
      throws IOException {
    Path file = scenario("freeze.yaml", """
        url: /
        visitors: 2
        timeouts: {step: 3000}
        steps:
          - click: "#ok"
          - click: "#freeze"
          - click: "#ok"
        """);
    Run run = run(file, 60_000);
    assertEquals(run.code, 1, run.toString());
    JsonNode summary = run.summary();
    List<JsonNode> failed = list(summary.path("failedVisitors"));
    assertEquals(failed.size(), 2, summary.toPrettyString());
    for (int i = 0; i < 2; i++) {
      JsonNode visitor = failed.get(i);
      assertEquals(visitor.path("session").asText(), "freeze/1280x800/" + (i + 1));
      assertEquals(visitor.path("at").asText(), file + ":6:5");
      assertEquals(visitor.path("step").asText(), "click \"#freeze\"");
      assertTrue(
          visitor.path("reason").asText().startsWith("timeouts.step (3000 ms) passed"),
          visitor.toString());
    }
    assertCheck(summary, "failedVisitors", 2, 0);
    assertEquals(
        clicksOn(run, "#ok").size(),
        2,
        "each visitor's first click, made before the page froze, is kept");
    assertReportsSay(
        run,
        "failedVisitors",
        "freeze/1280x800/2 at " + file
            + ":6:5 (click \"#freeze\"): timeouts.step (3000 ms) passed");
    assertTrue(run.out.contains("Failed visitors:"), run.out);
  }

  @Test
  public void an_endless_alert_loop_ends_its_visitor_at_the_step_deadline() throws IOException {
    Path file = scenario("alerts.yaml", """
        url: /
        timeouts: {step: 3000}
        expect:
          failedVisitors: {max: 1}
        steps:
          - click: "#ok"
          - click: "#alerts"
        """);
    Run run = run(file, 60_000);
    assertEquals(run.code, 0, "one failed visitor is within failedVisitors: {max: 1}: " + run);
    JsonNode visitor = list(run.summary().path("failedVisitors")).get(0);
    assertEquals(visitor.path("at").asText(), file + ":7:5");
    assertTrue(
        visitor.path("reason").asText().startsWith("timeouts.step (3000 ms) passed"),
        visitor.toString());
    assertCheck(run.summary(), "failedVisitors", 1, 1);
    assertEquals(clicksOn(run, "#ok").size(), 1);
    List<String> dialogs = events(run).stream()
        .filter(e -> e.path("type").asText().equals("effect")
            && e.path("kind").asText().equals("dialog")
            && e.hasNonNull("detail")) // the browser's (the page's own has no detail)
        .map(e -> e.path("detail").asText())
        .toList();
    assertEquals(dialogs.subList(0, 5), List.of("alert", "alert", "alert", "alert", "alert"));
    assertEquals(dialogs.size(), 6, "the first five, then the count of the rest: " + dialogs);
    assertTrue(dialogs.get(5).matches("\\d+ more"), dialogs.toString());
    assertReportsSay(run, "failedVisitors", null);
  }

  @Test
  public void a_page_answered_with_500_is_a_failed_page_and_fails_the_run() throws IOException {
    Path file = scenario("broken.yaml", """
        url: /
        steps:
          - goto: /broken?secret=typed
        """);
    Run run = run(file, 60_000);
    assertEquals(run.code, 1, run.toString());
    List<JsonNode> pages = list(run.summary().path("failedPages"));
    assertEquals(pages.size(), 1, run.summary().toPrettyString());
    assertEquals(
        pages.get(0).path("url").asText(),
        site.baseUrl() + "/broken",
        "without the query, which may hold typed text");
    assertEquals(pages.get(0).path("status").asInt(), 500);
    assertEquals(pages.get(0).path("session").asText(), "broken/1280x800/1");
    assertEquals(pages.get(0).path("at").asText(), file + ":3:5");
    assertTrue(
        list(run.summary().path("failedVisitors")).isEmpty(),
        "the visitor went on: the error page is a page");
    assertCheck(run.summary(), "failedPages", 1, 0);
    assertReportsSay(
        run,
        "failedPages",
        site.baseUrl() + "/broken: HTTP 500 (broken/1280x800/1, " + file + ":3:5)");
    assertTrue(run.out.contains("Failed pages:"), run.out);
    assertFalse(Files.readString(run.dir().resolve("summary.json")).contains("secret"));
  }

  @Test
  public void a_connection_cut_mid_response_is_a_failed_page_with_the_browsers_error_at_once()
      throws IOException {
    // a load deadline longer than the run's bound: waiting for the load event would fail the test
    Path file = scenario(
        "cut.yaml",
        "url: http://127.0.0.1:" + cut.getLocalPort() + "/cut\ntimeouts: {load: 120000}\n"
            + "expect:\n  failedPages: {max: 0}\n");
    Run run = run(file, 60_000);
    assertEquals(run.code, 1, run.toString());
    assertTrue(
        list(run.summary().path("failedVisitors")).isEmpty(),
        "the visitor went on with the half page");
    JsonNode page = list(run.summary().path("failedPages")).get(0);
    assertEquals(page.path("error").asText(), "net::ERR_CONTENT_LENGTH_MISMATCH", page.toString());
    assertEquals(page.path("status").asInt(), 200, "the status came before the cut");
    assertEquals(page.path("at").asText(), file + " (url)");
    assertCheck(run.summary(), "failedPages", 1, 0);
    assertFalse(Files.readString(run.dir().resolve("summary.json")).contains("Timeout"));
    assertReportsSay(run, "failedPages", "HTTP 200, then net::ERR_CONTENT_LENGTH_MISMATCH");
  }

  @Test
  public void a_renderer_that_dies_fails_its_visitor_and_the_next_visitor_runs()
      throws IOException {
    rendererKills.set(0);
    Path file = scenario("crash.yaml", """
        url: /
        visitors: 2
        steps:
          - goto: /kill/renderer
          - click: "#ok"
        """);
    // one worker: the page kills every renderer under this JVM, a second worker's too
    Run run = run(file, 60_000, "--workers", "1");
    assertEquals(run.code, 1, run.toString());
    List<JsonNode> failed = list(run.summary().path("failedVisitors"));
    assertEquals(failed.size(), 1, run.summary().toPrettyString());
    assertEquals(failed.get(0).path("session").asText(), "crash/1280x800/1");
    assertEquals(failed.get(0).path("at").asText(), file + ":4:5");
    assertEquals(
        failed.get(0).path("reason").asText(), "the page crashed (its renderer process died)");
    assertEquals(
        viewsOf(run, "crash/1280x800/1"),
        List.of("/"),
        "visitor 1's page view before the crash is kept");
    assertEquals(
        clicksOn(run, "#ok").stream().map(c -> c.path("session").asText()).toList(),
        List.of("crash/1280x800/2"),
        "visitor 2 ran every step");
    assertReportsSay(run, "failedVisitors", "crash/1280x800/1");
  }

  @Test
  public void a_browser_killed_mid_run_is_one_failed_visitor_and_a_new_browser_serves_the_rest()
      throws IOException {
    browserRequests.set(0);
    Path file = scenario("killed.yaml", """
        url: /
        visitors: 4
        steps:
          - goto: /kill/browser
        """);
    // one worker, so that the second visitor is the one killed (CrowdTest kills one of several)
    Run run = run(file, 90_000, "--workers", "1");
    assertEquals(run.code, 1, run.toString());
    List<JsonNode> failed = list(run.summary().path("failedVisitors"));
    assertEquals(failed.size(), 1, run.summary().toPrettyString());
    assertEquals(failed.get(0).path("session").asText(), "killed/1280x800/2");
    assertEquals(failed.get(0).path("reason").asText(), "the browser closed or crashed");
    assertTrue(
        browserRequests.get() >= 4,
        "every visitor got to the page (and the screenshots too): " + browserRequests);
    assertEquals(
        viewsOf(run, "killed/1280x800/2"),
        List.of("/"),
        "visitor 2's page view before the kill is kept");
    for (String visitor : List.of("1", "3", "4")) {
      assertEquals(
          viewsOf(run, "killed/1280x800/" + visitor),
          List.of("/", "/kill/browser"),
          "visitor " + visitor);
    }
    assertCheck(run.summary(), "failedVisitors", 1, 0);
    assertReportsSay(
        run,
        "failedVisitors",
        "killed/1280x800/2 at " + file
            + ":4:5 (goto /kill/browser): the browser closed or crashed");
  }

  @Test
  public void
      the_runs_timeout_ends_the_visitor_in_progress_skips_the_rest_and_still_writes_the_report()
          throws IOException {
    Path file = scenario("slow.yaml", """
        url: /
        visitors: 3
        steps:
          - click: "#ok"
          - wait: 10000
        """);
    // one worker: the visitors after the first are the ones not started
    Run run = run(file, 60_000, "--timeout", "6s", "--workers", "1");
    assertEquals(run.code, 3, run.toString());
    assertEquals(run.err.strip().lines().count(), 1L, run.err);
    assertTrue(
        run.err.startsWith(
            "heatcheck: cannot run: --timeout 6s passed before every visitor ran; the report in "),
        run.err);
    List<JsonNode> failed = list(run.summary().path("failedVisitors"));
    assertEquals(failed.size(), 3, run.summary().toPrettyString());
    assertEquals(failed.get(0).path("session").asText(), "slow/1280x800/1");
    assertTrue(
        failed.get(0).path("at").asText().startsWith(file + ":"),
        "ended at one of its steps: " + failed.get(0));
    assertEquals(failed.get(0).path("reason").asText(), "the run's --timeout 6s passed");
    for (int i = 1; i < 3; i++) {
      assertEquals(failed.get(i).path("session").asText(), "slow/1280x800/" + (i + 1));
      assertEquals(
          failed.get(i).path("reason").asText(), "not started: the run's --timeout 6s passed");
    }
    assertEquals(
        viewsOf(run, "slow/1280x800/1"),
        List.of("/"),
        "the first visitor's page view, before the deadline, is kept");
    assertReportsSay(
        run, "failedVisitors", "slow/1280x800/3: not started: the run's --timeout 6s passed");
  }

  @Test
  public void a_bad_timeout_is_exit_2_in_one_line() {
    for (String bad : List.of("soon", "0s", "-5s", "99999999999h")) {
      Run run = heatcheck(dir, "run", "--timeout", bad, "--base-url", site.baseUrl(), "x.yaml");
      assertEquals(run.code, 2, bad + ": " + run);
      assertEquals(
          run.err.strip(),
          "heatcheck: --timeout: expected a duration such as 90s, 10m or 1h, got \"" + bad + "\"");
    }
  }

  /** Every report file is complete and says what failed; events.jsonl holds only documented action kinds. */
  private void assertReportsSay(Run run, String rule, String junitText) throws IOException {
    Path out = run.dir();
    JsonNode summary = run.summary();
    assertEquals(summary.path(rule).size() > 0, true, rule + " listed in summary.json");
    try {
      var junit = DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(out.resolve("junit.xml").toFile());
      String text = junit.getDocumentElement().getTextContent();
      if (junitText != null) {
        assertTrue(
            text.contains(junitText), "junit.xml: " + Files.readString(out.resolve("junit.xml")));
      }
      assertTrue(Files.readString(out.resolve("junit.xml")).contains("name=\"" + rule + "\""));
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new AssertionError("junit.xml is not complete XML", e);
    }
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("\"" + rule + "\":[{"), "index.html embeds the " + rule);
    assertTrue(html.strip().endsWith("</html>"));
    for (JsonNode event : events(run)) {
      if (event.path("type").asText().equals("action")) {
        assertTrue(ACTION_KINDS.contains(event.path("kind").asText()), event.toString());
      }
    }
  }

  private static void assertCheck(JsonNode summary, String rule, int actual, int limit) {
    JsonNode check = list(summary.path("checks")).stream()
        .filter(c -> c.path("rule").asText().equals(rule))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + rule + " check in " + summary.path("checks")));
    assertEquals(check.path("actual").asInt(), actual, check.toString());
    assertEquals(check.path("limit").asInt(), limit, check.toString());
    assertEquals(check.path("passed").asBoolean(), actual <= limit, check.toString());
  }

  private List<JsonNode> clicksOn(Run run, String selector) throws IOException {
    return events(run).stream()
        .filter(e -> e.path("type").asText().equals("click")
            && e.path("target").path("selector").asText().equals(selector))
        .toList();
  }

  /** The paths a visitor's page views showed, in order, each once. */
  private static List<String> viewsOf(Run run, String session) throws IOException {
    return events(run).stream()
        .filter(e ->
            e.path("type").asText().equals("view") && e.path("session").asText().equals(session))
        .map(e -> e.path("path").asText())
        .distinct()
        .toList();
  }

  private static List<JsonNode> events(Run run) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(run.dir().resolve("events.jsonl"))) {
      events.add(Json.mapper().readTree(line));
    }
    return events;
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  /**
   * Runs heatcheck on the scenario; the run must end within {@code boundMs}: far below a hang, and
   * with room for a machine shared by several builds (starting Playwright's driver alone can take
   * seconds there).
   */
  private Run run(Path scenario, long boundMs, String... extra) {
    Path out = dir.resolve(scenario.getFileName().toString().replace(".yaml", "-out"));
    List<String> args = new ArrayList<>(
        List.of("run", "--base-url", site.baseUrl(), "--out", out.toString(), "--no-install"));
    args.addAll(List.of(extra));
    args.add(scenario.toString());
    long started = System.currentTimeMillis();
    Run run = heatcheck(out, args.toArray(String[]::new));
    long took = System.currentTimeMillis() - started;
    assertTrue(took < boundMs, scenario.getFileName() + " took " + took + " ms: " + run);
    for (String file : List.of("summary.json", "index.html", "junit.xml", "events.jsonl")) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file + " written: " + run);
    }
    return run;
  }

  /** Runs the command line; the run command prints its report to System.out, which is caught too. */
  private static Run heatcheck(Path out, String... args) {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream before = System.out;
    int code;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    try {
      code = Main.execute(args, new PrintWriter(System.out, true), new PrintWriter(err, true));
    } finally {
      System.setOut(before);
    }
    return new Run(code, console.toString(StandardCharsets.UTF_8), err.toString(), out);
  }

  private Path scenario(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void sendPage(HttpExchange exchange) throws IOException {
    byte[] body = "<!doctype html><title>After</title><button id=\"ok\">Works</button>"
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** A server that promises 100,000 bytes, sends a page's first bytes and closes the connection. */
  private void serveCutResponses() {
    while (!cut.isClosed()) {
      try (Socket client = cut.accept()) {
        InputStream in = client.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
          int b = in.read();
          if (b < 0) {
            break;
          }
          head.append((char) b);
        }
        OutputStream response = client.getOutputStream();
        response.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n"
                    + "<!doctype html><title>Cut</title><button id=\"ok\">Half a page</button>")
                .getBytes(StandardCharsets.UTF_8));
        response.flush();
      } catch (IOException e) {
        // closed at the end of the class, or a client that left
      }
    }
  }

  /** Chromium processes under this JVM whose command line holds {@code part}. */
  private static List<ProcessHandle> chromium(String part) {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> commandLine(p).contains(part))
        .toList();
  }

  private static String commandLine(ProcessHandle process) {
    try {
      return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline"))
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  private record Run(int code, String out, String err, Path dir) {
    JsonNode summary() {
      try {
        return Json.mapper().readTree(dir.resolve("summary.json").toFile());
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public String toString() {
      return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
    }
  }
}
