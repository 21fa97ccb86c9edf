package dev.heatcheck.testng;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.report.SummaryFile;
import dev.heatcheck.testing.BrowserTest;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriteException;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import io.qameta.allure.testng.AllureTestNg;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.testng.ITestResult;
import org.testng.TestListenerAdapter;
import org.testng.TestNG;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

/**
 * Runs {@link ScenarioTests} from code, as a project's suite file does, over the fixture scenarios and
 * the bundled demo shop, in a real Chromium, with allure-testng writing to a folder of its own.
 */
@Test(groups = BrowserTest.GROUP)
public class ScenarioTestsTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/scenario-suite");
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  private Path runs;
  private Path allure;
  /** What the suite wrote to standard error. */
  private String stderr;

  private final Map<String, ITestResult> outcomes = new TreeMap<>();

  @BeforeClass
  public void runTheFixtureSuite() throws IOException {
    Path out = Files.createTempDirectory("heatcheck-suite");
    runs = out.resolve("runs");
    allure = out.resolve("allure-results");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    TestListenerAdapter listener;
    try {
      listener = run(
          Map.of(
              SuiteSettings.SCENARIOS,
              FIXTURES.toString(),
              SuiteSettings.DEMO,
              "true",
              SuiteSettings.OUT,
              runs.toString(),
              SuiteSettings.SEED,
              "4242"),
          allure);
    } finally {
      System.setErr(original);
    }
    stderr = err.toString(StandardCharsets.UTF_8);
    original.print(stderr);
    Stream.of(listener.getPassedTests(), listener.getFailedTests(), listener.getSkippedTests())
        .flatMap(List::stream)
        .forEach(r -> outcomes.put(r.getTestName(), r));
  }

  @Test
  public void there_is_one_test_per_scenario_and_viewport_named_scenario_at_viewport() {
    assertEquals(
        outcomes.keySet(), Set.of("fails @ 1280x800", "holds @ 1280x800", "holds @ 390x844"));
  }

  @Test
  public void each_test_tells_the_browser_it_chose_on_standard_error() {
    assertEquals(
        stderr.lines().filter(l -> l.startsWith("Browser: Chromium ")).count(), 3L, stderr);
    assertTrue(stderr.lines().noneMatch(l -> l.startsWith("Running ")), stderr);
  }

  @Test
  public void a_scenario_whose_limits_hold_passes_at_each_viewport() {
    assertEquals(
        outcomes.get("holds @ 1280x800").getStatus(),
        ITestResult.SUCCESS,
        describe(outcomes.get("holds @ 1280x800")));
    assertEquals(
        outcomes.get("holds @ 390x844").getStatus(),
        ITestResult.SUCCESS,
        describe(outcomes.get("holds @ 390x844")));
  }

  @Test
  public void
      a_crossed_limit_fails_with_the_rule_the_actual_value_the_limit_where_it_is_written_and_the_heatmap() {
    ITestResult failed = outcomes.get("fails @ 1280x800");
    assertEquals(failed.getStatus(), ITestResult.FAILURE);
    assertTrue(failed.getThrowable() instanceof AssertionError, describe(failed));
    Path dir = runs.resolve("fails-1280x800");
    assertEquals(
        failed.getThrowable().getMessage(),
        String.join(
            System.lineSeparator(),
            "fails @ 1280x800: 1 of 1 check(s) failed:",
            "  deadClicks was 1, limit 0 (" + FIXTURES.resolve("fails.yaml") + ":7:3)",
            "Findings:",
            "  dead #wishlist \"♡ Save to wishlist\" on /product/1: 1",
            "Heatmap: " + dir.resolve("heatmaps/product-1-desktop-click.png"),
            "Report: " + dir.resolve("index.html")));
    assertTrue(Files.isRegularFile(dir.resolve("heatmaps/product-1-desktop-click.png")));
  }

  @Test
  public void each_test_runs_its_scenario_at_its_own_viewport_into_its_own_folder() {
    Summary mobile = SummaryFile.read(runs.resolve("holds-390x844").resolve(SummaryFile.NAME));
    assertEquals(mobile.scenarios().size(), 1);
    assertEquals(mobile.scenarios().get(0).viewports(), List.of("390x844"));
    Summary desktop = SummaryFile.read(runs.resolve("holds-1280x800").resolve(SummaryFile.NAME));
    assertEquals(desktop.scenarios().get(0).viewports(), List.of("1280x800"));
    assertEquals(desktop.scenarios().get(0).seed(), Long.valueOf(4242), "heatcheck.seed");
  }

  @Test
  public void allure_holds_a_result_per_test_with_its_steps_heatmaps_findings_summary_and_events()
      throws IOException {
    Map<String, JsonNode> results = allureResults(allure);
    assertEquals(results.keySet(), outcomes.keySet());
    JsonNode failed = results.get("fails @ 1280x800");
    assertEquals(failed.path("status").asText(), "failed");
    assertEquals(parameters(failed).get("scenario"), "fails");
    assertEquals(parameters(failed).get("viewport"), "1280x800");
    List<String> subSuites = new ArrayList<>();
    failed.path("labels").forEach(l -> {
      if (l.path("name").asText().equals("subSuite")) {
        subSuites.add(l.path("value").asText());
      }
    });
    assertEquals(subSuites, List.of("fails"));

    List<String> steps = new ArrayList<>();
    failed.path("steps").forEach(s -> {
      steps.add(s.path("status").asText() + " " + s.path("name").asText());
      s.path("steps")
          .forEach(c ->
              steps.add("  " + c.path("status").asText() + " " + c.path("name").asText()));
    });
    String at = FIXTURES.resolve("fails.yaml").toString();
    assertEquals(steps.get(1), "  passed click: \"#wishlist\"  (" + at + ":5:5)");
    assertEquals(
        steps.subList(2, 4),
        List.of(
            "failed Check expect: limits crossed",
            "  failed deadClicks was 1, limit 0 (" + at + ":7:3)"));
    assertTrue(
        steps
            .get(0)
            .matches(
                "passed Visit http://127\\.0\\.0\\.1:\\d+/product/1 at 1280x800, 1 visitor\\(s\\)"),
        steps.get(0));

    Map<String, String> types = new TreeMap<>();
    Map<String, Path> files = new HashMap<>();
    failed.path("attachments").forEach(a -> {
      types.put(a.path("name").asText(), a.path("type").asText());
      files.put(a.path("name").asText(), allure.resolve(a.path("source").asText()));
    });
    assertEquals(
        types,
        new TreeMap<>(Map.of(
            "Scenario fails.yaml", "text/yaml",
            "click map /product/1 desktop", "image/png",
            "move map /product/1 desktop", "image/png",
            "scroll map /product/1 desktop", "image/png",
            "Findings", "text/csv",
            "summary.json", "application/json",
            "events.jsonl", "text/plain")));
    for (String map : List.of(
        "click map /product/1 desktop",
        "move map /product/1 desktop",
        "scroll map /product/1 desktop")) {
      byte[] image = Files.readAllBytes(files.get(map));
      assertEquals(Arrays.copyOf(image, 4), PNG, map);
      assertEquals(
          image,
          Files.readAllBytes(runs.resolve("fails-1280x800/heatmaps")
              .resolve("product-1-desktop-" + map.substring(0, map.indexOf(' ')) + ".png")),
          map);
    }
    assertEquals(
        Files.readString(files.get("Findings")),
        String.join(
            "\n",
            "kind,page,viewport,selector,text,count,signal",
            "dead,/product/1,1280x800,#wishlist,♡ Save to wishlist,1,no reaction",
            ""));
    assertTrue(Files.readString(files.get("events.jsonl")).contains("\"type\":\"click\""));
    assertEquals(
        Files.readString(files.get("summary.json")),
        Files.readString(runs.resolve("fails-1280x800").resolve(SummaryFile.NAME)));

    JsonNode passed = results.get("holds @ 390x844");
    assertEquals(passed.path("status").asText(), "passed");
    Set<String> names = new TreeSet<>();
    passed.path("attachments").forEach(a -> names.add(a.path("name").asText()));
    assertTrue(
        names.containsAll(List.of("click map /product/2 mobile", "Findings", "events.jsonl")),
        names.toString());
  }

  @Test
  public void an_attachment_allure_cannot_write_is_a_warning_and_the_test_keeps_its_own_verdict()
      throws IOException {
    Path results = Files.createTempDirectory("heatcheck-allure");
    FileSystemResultsWriter files = new FileSystemResultsWriter(results);
    AllureResultsWriter noAttachments = new AllureResultsWriter() {
      @Override
      public void write(TestResult result) {
        files.write(result);
      }

      @Override
      public void write(TestResultContainer container) {
        files.write(container);
      }

      @Override
      public void write(String source, InputStream attachment) {
        throw new AllureResultsWriteException("disk full", new IOException("disk full"));
      }
    };
    List<String> warnings = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        warnings.add(record.getLevel() + " " + record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(AllureReport.class.getName());
    log.addHandler(handler);
    try {
      TestListenerAdapter listener = run(
          Map.of(
              SuiteSettings.SCENARIOS,
              FIXTURES.resolve("fails.yaml").toString(),
              SuiteSettings.DEMO,
              "true",
              SuiteSettings.OUT,
              runs.resolveSibling("runs-without-attachments").toString()),
          noAttachments);
      assertEquals(listener.getFailedTests().size(), 1);
      assertTrue(
          listener
              .getFailedTests()
              .get(0)
              .getThrowable()
              .getMessage()
              .startsWith("fails @ 1280x800: 1 of 1 check(s) failed:"),
          describe(listener.getFailedTests().get(0)));
    } finally {
      log.removeHandler(handler);
    }
    assertTrue(
        warnings.stream()
            .anyMatch(w -> w.startsWith("WARNING heatcheck: could not add a heatmap")
                && w.contains("disk full")),
        warnings.toString());
    assertEquals(allureResults(results).keySet(), Set.of("fails @ 1280x800"));
  }

  @Test
  public void with_no_site_named_the_suite_setup_fails_and_says_which_property_to_set()
      throws IOException {
    TestListenerAdapter listener = run(
        Map.of(SuiteSettings.SCENARIOS, FIXTURES.toString()),
        Files.createTempDirectory("heatcheck-allure"));
    assertEquals(listener.getConfigurationFailures().size(), 1);
    assertEquals(
        listener.getConfigurationFailures().get(0).getThrowable().getMessage(),
        "no site to run the scenarios against: set heatcheck.baseUrl (e.g. -Dheatcheck.baseUrl=http://127.0.0.1:8080),"
            + " or heatcheck.demo=true for the bundled demo shop");
    assertEquals(listener.getSkippedTests().size(), 3);
    assertEquals(listener.getPassedTests().size() + listener.getFailedTests().size(), 0);
  }

  @Test
  public void
      scenario_files_that_do_not_load_fail_one_test_with_each_problem_at_its_file_line_and_column()
          throws IOException {
    Path broken = FIXTURES.resolve("broken");
    TestListenerAdapter listener = run(
        Map.of(
            SuiteSettings.SCENARIOS,
            broken.toString(),
            SuiteSettings.BASE_URL,
            "http://127.0.0.1:9"),
        Files.createTempDirectory("heatcheck-allure"));
    assertEquals(listener.getFailedTests().size(), 1);
    ITestResult failed = listener.getFailedTests().get(0);
    assertEquals(failed.getTestName(), broken + " @ load");
    assertTrue(
        failed
            .getThrowable()
            .getMessage()
            .startsWith("cannot load the scenarios in " + broken + " (heatcheck.scenarios):"
                + System.lineSeparator() + broken.resolve("typo.yaml")
                + ":4:5: unknown step \"clik\""),
        failed.getThrowable().getMessage());
  }

  /**
   * Runs the suite with these parameters as a suite file would set them, and no heatcheck system
   * properties (a -Dheatcheck.baseUrl given to this build is for the scenario suite, not this test).
   */
  private static TestListenerAdapter run(Map<String, String> parameters, Path allureResults) {
    return run(parameters, new FileSystemResultsWriter(allureResults));
  }

  private static TestListenerAdapter run(
      Map<String, String> parameters, AllureResultsWriter allureResults) {
    XmlSuite suite = new XmlSuite();
    suite.setName("heatcheck");
    suite.setParameters(parameters);
    XmlTest test = new XmlTest(suite);
    test.setName("scenarios");
    test.setXmlClasses(List.of(new XmlClass(ScenarioTests.class)));
    AllureLifecycle lifecycle = new AllureLifecycle(allureResults);
    TestListenerAdapter listener = new TestListenerAdapter();
    TestNG testng = new TestNG(false);
    testng.setXmlSuites(List.of(suite));
    testng.setListenersToSkipFromBeingWiredInViaServiceLoaders(AllureTestNg.class.getName());
    testng.addListener(new AllureTestNg(lifecycle));
    testng.addListener(listener);
    testng.setVerbose(0);
    AllureLifecycle outer = Allure.getLifecycle();
    Properties heatcheck = new Properties();
    System.getProperties().stringPropertyNames().stream()
        .filter(n -> n.startsWith("heatcheck."))
        .forEach(n -> heatcheck.setProperty(n, System.getProperties().getProperty(n)));
    heatcheck.stringPropertyNames().forEach(System::clearProperty);
    Allure.setLifecycle(lifecycle);
    try {
      testng.run();
    } finally {
      Allure.setLifecycle(outer);
      heatcheck.stringPropertyNames().forEach(n -> System.setProperty(n, heatcheck.getProperty(n)));
    }
    return listener;
  }

  private static Map<String, JsonNode> allureResults(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      Map<String, JsonNode> results = new TreeMap<>();
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
        JsonNode result = Json.mapper().readTree(file.toFile());
        results.put(result.path("name").asText(), result);
      }
      return results;
    }
  }

  private static Map<String, String> parameters(JsonNode result) {
    Map<String, String> parameters = new TreeMap<>();
    result
        .path("parameters")
        .forEach(p -> parameters.put(p.path("name").asText(), p.path("value").asText()));
    return parameters;
  }

  private static String describe(ITestResult result) {
    return result == null
        ? "no such test"
        : result.getThrowable() == null
            ? "status " + result.getStatus()
            : result.getThrowable().toString();
  }
}
