package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** The command line as scripts use it: exit codes, and one line per problem on stderr. */
@Test(groups = BrowserTest.GROUP)
public class MainTest {
  private LocalServer shop;
  private Path dir;

  @BeforeClass
  public void startTheShop() throws IOException {
    shop = DemoSite.start(Duration.ofMillis(200));
    dir = Files.createTempDirectory("heatcheck-cli");
  }

  @AfterClass(alwaysRun = true)
  public void stopTheShop() {
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  public void bad_yaml_is_exit_2_with_one_line_naming_file_line_and_column() throws IOException {
    Path file = scenario("broken.yaml", "url: /\nsteps: [\n  - click: \"#a\"\n");
    Result result = heatcheck("run", "--base-url", shop.baseUrl(), file.toString());
    assertEquals(result.code, 2, result.toString());
    assertOneLineAt(result, file + ":3:3: invalid YAML: ");
  }

  @Test
  public void an_unknown_step_is_exit_2_naming_its_position_and_the_steps_there_are()
      throws IOException {
    Path file = scenario("typo.yaml", "url: /\nsteps:\n  - clik: \"#a\"\n");
    Result result = heatcheck("run", "--base-url", shop.baseUrl(), file.toString());
    assertEquals(result.code, 2, result.toString());
    assertEquals(
        result.err.strip(),
        file
            + ":3:5: unknown step \"clik\"; expected one of: goto, click, fill, hover, press, scroll, wait, pause, choose, maybe, dblclick, input");
  }

  /** Without --base-url a scenario's url is absolute, and the run plays it as it is. */
  @Test
  public void an_absolute_url_runs_without_a_base_url() throws IOException {
    Path file = scenario(
        "absolute.yaml",
        "url: " + shop.baseUrl() + "/product/1\nsteps:\n  - click: \"#wishlist\"\n");
    Path out = dir.resolve("absolute-out");
    Result result = heatcheck("run", "--out", out.toString(), file.toString());
    assertEquals(result.code, 0, result.toString());
    // the shop's wishlist button is dead: found on the page the absolute url names
    String summary = Files.readString(out.resolve("summary.json"));
    assertTrue(summary.contains("#wishlist"), summary);
  }

  @Test
  public void a_wrong_type_is_exit_2_naming_its_position() throws IOException {
    Path file = scenario("type.yaml", "url: /\nvisitors: two\n");
    Result result = heatcheck("run", "--base-url", shop.baseUrl(), file.toString());
    assertEquals(result.code, 2, result.toString());
    assertEquals(
        result.err.strip(),
        file + ":2:11: visitors: expected an integer from 1 to 10000, got \"two\"");
  }

  @Test
  public void what_used_to_hang_or_exit_3_is_exit_2_at_its_position() throws IOException {
    Path file = scenario("faults.yaml", """
        url: "ht tp://x y"
        viewports: [{width: 99999999, height: 800}]
        steps:
          - click: "#buy\\uD800"
        """);
    Path out = dir.resolve("faults-out");
    Result result =
        heatcheck("run", "--base-url", shop.baseUrl(), "--out", out.toString(), file.toString());
    assertEquals(result.code, 2, result.toString());
    assertEquals(
        result.err.strip().lines().toList(),
        List.of(
            file
                + ":1:6: url: \"ht tp://x y\" is not a URL: a space at character 3 is not allowed there;"
                + " percent-encode it (a space is %20)",
            file + ":2:21: viewports.width: expected an integer from 200 to 8192, got 99999999",
            file
                + ":4:12: the text holds \\uD800, half of a character (a lone surrogate), which no file can store;"
                + " write the whole character or remove it"));
    assertFalse(Files.exists(out), "nothing ran");
  }

  @Test
  public void every_problem_of_every_file_is_listed_one_per_line() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("several"));
    Files.writeString(folder.resolve("a.yaml"), "url: /\nvisitors: 0\nspeed: 3\n");
    Files.writeString(folder.resolve("b.yaml"), "steps: []\n");
    Result result = heatcheck("run", "--base-url", shop.baseUrl(), folder.toString());
    assertEquals(result.code, 2, result.toString());
    List<String> lines = result.err.strip().lines().toList();
    assertEquals(lines.size(), 3, result.err);
    assertTrue(lines.get(0).startsWith(folder.resolve("a.yaml") + ":2:11: visitors"), lines.get(0));
    assertTrue(
        lines.get(1).startsWith(folder.resolve("a.yaml") + ":3:1: unknown key \"speed\""),
        lines.get(1));
    assertTrue(
        lines.get(2).startsWith(folder.resolve("b.yaml") + ":1:1: url is required"), lines.get(2));
  }

  @Test
  public void usage_errors_are_exit_2_in_one_line() {
    for (String[] args : List.of(
        new String[] {"run"},
        new String[] {"frobnicate"},
        new String[] {"run", "--speed", "x.yaml"},
        new String[] {"run", "--base-url", "not a url", "x.yaml"})) {
      Result result = heatcheck(args);
      assertEquals(result.code, 2, String.join(" ", args) + ": " + result);
      assertEquals(result.err.strip().lines().count(), 1L, result.err);
      assertTrue(result.err.startsWith("heatcheck: "), result.err);
    }
  }

  @Test
  public void a_bad_workers_count_is_exit_2_in_one_line_before_anything_runs() {
    for (String bad : List.of("0", "65", "many", "2.5")) {
      Result result = heatcheck("run", "--workers", bad, "--base-url", shop.baseUrl(), "x.yaml");
      assertEquals(result.code, 2, bad + ": " + result);
      assertEquals(
          result.err.strip(),
          "heatcheck: --workers: expected a whole number of workers from 1 to 64, got \"" + bad
              + "\"");
    }
  }

  @Test
  public void both_benchmarks_are_commands_and_check_their_options_before_starting_a_browser() {
    for (String bench : List.of("report", "recorder")) {
      Result help = heatcheck("bench", bench, "--help");
      assertEquals(help.code, 0, help.toString());
      assertTrue(help.out.contains("--clicks"), help.out);
      Result bad = heatcheck("bench", bench, "--clicks", "0");
      assertEquals(bad.code, 2, bad.toString());
      assertOneLineAt(bad, "heatcheck: --clicks");
    }
    Result none = heatcheck("bench");
    assertEquals(none.code, 2, none.toString());
    assertOneLineAt(none, "heatcheck: a benchmark is required: report, recorder or crowd");
  }

  @Test
  public void demo_serve_serves_the_shop_on_the_port_until_stopped() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    int[] code = {-1};
    Thread serving = new Thread(
        () -> code[0] = heatcheck("demo", "--serve", "--port", String.valueOf(port)).code);
    serving.start();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest home =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build();
    String body = null;
    for (int tries = 0; body == null && tries < 100; tries++) {
      try {
        body = client.send(home, HttpResponse.BodyHandlers.ofString()).body();
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    serving.interrupt();
    serving.join(5_000);
    assertTrue(body != null && body.contains("<title>"), "the shop's home page: " + body);
    assertFalse(serving.isAlive(), "stopped when interrupted");
    assertEquals(code[0], 0);
  }

  @Test
  public void demo_serve_on_a_busy_port_or_no_port_is_one_line() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Result taken = heatcheck("demo", "--serve", "--port", String.valueOf(busy.getLocalPort()));
      assertEquals(taken.code, 3, taken.toString());
      assertOneLineAt(
          taken,
          "heatcheck: cannot run: Could not start a local HTTP server on 127.0.0.1:"
              + busy.getLocalPort());
    }
    Result none = heatcheck("demo", "--serve", "--port", "0");
    assertEquals(none.code, 2, none.toString());
    assertOneLineAt(none, "heatcheck: --port: expected 1 to 65535, got 0");
  }

  @Test
  public void a_relative_url_without_base_url_is_exit_2_naming_the_field() throws IOException {
    Path file = scenario("relative.yaml", "url: /checkout\n");
    Result result = heatcheck("run", file.toString());
    assertEquals(result.code, 2, result.toString());
    assertEquals(
        result.err.strip(),
        "heatcheck: " + file
            + ": url \"/checkout\" is relative; give --base-url URL or make it absolute");
  }

  @Test
  public void help_is_exit_0_and_documents_the_exit_codes() {
    Result result = heatcheck("run", "--help");
    assertEquals(result.code, 0);
    assertTrue(result.out.contains("--base-url"), result.out);
    assertTrue(result.out.contains("Exit codes"), result.out);
  }

  @Test
  public void met_expectations_are_exit_0_and_write_the_report_files() throws IOException {
    Path file = scenario(
        "fine.yaml",
        "url: /product/1\nsteps:\n  - click: \"#add-to-cart\"\nexpect:\n  deadClicks: {max: 0}\n");
    Path out = dir.resolve("fine-out");
    Result result = heatcheck(
        "run",
        "--base-url",
        shop.baseUrl(),
        "--out",
        out.toString(),
        "--no-install",
        file.toString());
    assertEquals(result.code, 0, result.toString());
    assertTrue(Files.isRegularFile(out.resolve("summary.json")));
    assertTrue(Files.isRegularFile(out.resolve("events.jsonl")));
    assertTrue(Files.isRegularFile(out.resolve("heatmaps/product-1-desktop-click.png")));
  }

  @Test
  public void a_failed_expectation_is_exit_1() throws IOException {
    Path file = scenario(
        "dead.yaml",
        "url: /product/1\nsteps:\n  - click: \"#wishlist\"\nexpect:\n  deadClicks: {max: 0}\n");
    Result result = heatcheck(
        "run",
        "--base-url",
        shop.baseUrl(),
        "--out",
        dir.resolve("dead-out").toString(),
        "--no-install",
        file.toString());
    assertEquals(result.code, 1, result.toString());
  }

  @Test
  public void a_step_whose_element_is_gone_fails_the_run_with_exit_1_and_says_where()
      throws IOException {
    Path file = scenario("gone.yaml", "url: /\nsteps:\n  - click: \"#no-such-button\"\n");
    Path out = dir.resolve("gone-out");
    Result result = heatcheck(
        "run",
        "--base-url",
        shop.baseUrl(),
        "--out",
        out.toString(),
        "--no-install",
        file.toString());
    assertEquals(result.code, 1, result.toString());
    String summary = Files.readString(out.resolve("summary.json"));
    assertTrue(summary.contains(file + ":3:5"), summary);
  }

  @Test
  public void new_dead_clicks_against_a_baseline_fail_and_known_ones_do_not() throws IOException {
    Path before = dir.resolve("baseline");
    Path clean = scenario("clean.yaml", "url: /product/1\nsteps:\n  - click: \"#add-to-cart\"\n");
    assertEquals(
        heatcheck(
                "run",
                "--base-url",
                shop.baseUrl(),
                "--out",
                before.toString(),
                "--no-install",
                clean.toString())
            .code,
        0);
    Path head = scenario(
        "head.yaml",
        "name: clean\nurl: /product/1\nsteps:\n  - click: \"#wishlist\"\n"
            + "expect:\n  newDeadClicks: {max: 0}\n");

    Result against = heatcheck(
        "run",
        "--base-url",
        shop.baseUrl(),
        "--out",
        dir.resolve("head-out").toString(),
        "--no-install",
        "--baseline",
        before.toString(),
        head.toString());
    assertEquals(against.code, 1, against.toString());

    Result againstItself = heatcheck(
        "run",
        "--base-url",
        shop.baseUrl(),
        "--out",
        dir.resolve("head-again").toString(),
        "--no-install",
        "--baseline",
        dir.resolve("head-out").toString(),
        head.toString());
    assertEquals(
        againstItself.code,
        0,
        "the same dead target is not new against a run that had it: " + againstItself);

    Result without = heatcheck(
        "run",
        "--base-url",
        shop.baseUrl(),
        "--out",
        dir.resolve("head-alone").toString(),
        "--no-install",
        head.toString());
    assertEquals(without.code, 0, "without a baseline the new* rule is skipped: " + without);
  }

  @Test
  public void an_unreachable_site_is_exit_3_with_the_reason() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path file = scenario("away.yaml", "url: /\n");
    Result result = heatcheck(
        "run",
        "--base-url",
        "http://127.0.0.1:" + closedPort,
        "--out",
        dir.resolve("away-out").toString(),
        "--no-install",
        file.toString());
    assertEquals(result.code, 3, result.toString());
    assertEquals(result.err.strip().lines().count(), 1L, result.err);
    assertTrue(result.err.contains("ERR_CONNECTION_REFUSED"), result.err);
  }

  @Test
  public void a_browser_path_that_is_not_a_browser_is_exit_3_with_the_fix() throws IOException {
    Path file = scenario("nobrowser.yaml", "url: /\n");
    Result result = heatcheck(
        "run",
        "--base-url",
        shop.baseUrl(),
        "--out",
        dir.resolve("nb-out").toString(),
        "--browser",
        dir.resolve("no-chrome-here").toString(),
        file.toString());
    assertEquals(result.code, 3, result.toString());
    assertTrue(result.err.startsWith("heatcheck: cannot run: --browser names "), result.err);
    assertEquals(result.err.strip().lines().count(), 1L, result.err);
  }

  private Path scenario(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertOneLineAt(Result result, String prefix) {
    assertEquals(result.err.strip().lines().count(), 1L, result.err);
    assertTrue(result.err.startsWith(prefix), result.err);
    assertFalse(result.err.contains("Exception"), result.err);
  }

  private static Result heatcheck(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
    }
  }
}
