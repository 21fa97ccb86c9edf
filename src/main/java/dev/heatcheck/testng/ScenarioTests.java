package dev.heatcheck.testng;

import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.pipeline.OutputDir;
import dev.heatcheck.internal.pipeline.Pipeline;
import dev.heatcheck.internal.pipeline.RunOptions;
import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.internal.scenario.Viewport;
import dev.heatcheck.result.HeatcheckException;
import io.qameta.allure.testng.TestInstanceParameter;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.testng.ITest;
import org.testng.ITestContext;
import org.testng.Reporter;
import org.testng.annotations.AfterTest;
import org.testng.annotations.BeforeTest;
import org.testng.annotations.Factory;
import org.testng.annotations.Test;

/**
 * Every scenario of a folder as TestNG tests, one per scenario × viewport, named like
 * {@code checkout @ 1280x800}. A test runs its scenario at its viewport into
 * {@code target/heatcheck/<scenario>-<viewport>/} and fails when a check of its {@code expect:} fails.
 *
 * <p>Run it from a suite file, with no Java of your own:
 *
 * <pre>{@code
 * <suite name="heatcheck">
 *   <test name="scenarios">
 *     <classes><class name="dev.heatcheck.testng.ScenarioTests"/></classes>
 *   </test>
 * </suite>
 * }</pre>
 *
 * <p>Settings are system properties, or {@code <parameter>}s of the suite file: {@code heatcheck.baseUrl}
 * (the site), {@code heatcheck.demo=true} (the bundled demo shop instead), {@code heatcheck.scenarios}
 * (default {@code scenarios}), {@code heatcheck.out} (default {@code target/heatcheck}),
 * {@code heatcheck.browser} and {@code heatcheck.install=true} (install a Chromium when none is found).
 * With allure-testng on the class path, each test carries its steps, maps, findings and events.
 */
public class ScenarioTests implements ITest {
  private static final String SITE = ScenarioTests.class.getName() + ".site";

  @TestInstanceParameter("scenario")
  private final String scenarioName;

  @TestInstanceParameter("viewport")
  private final String viewportLabel;

  private final Scenario scenario;
  private final SuiteSettings settings;
  private final String problem;

  private ScenarioTests(Scenario scenario, Viewport viewport, SuiteSettings settings) {
    this.scenarioName = scenario.name();
    this.viewportLabel = viewport.label();
    this.scenario = scenario.withViewports(List.of(viewport));
    this.settings = settings;
    this.problem = null;
  }

  /** Stands in for the suite when its scenario files do not load, and fails with their problems. */
  private ScenarioTests(SuiteSettings settings, String problem) {
    this.scenarioName = settings.scenarios().toString();
    this.viewportLabel = "load";
    this.scenario = null;
    this.settings = settings;
    this.problem = problem;
  }

  @Factory
  public static Object[] scenarios(ITestContext context) {
    SuiteSettings settings = SuiteSettings.of(context);
    List<Scenario> scenarios;
    try {
      scenarios = ScenarioLoader.loadAll(List.of(settings.scenarios()));
    } catch (HeatcheckException e) {
      return new Object[] {
        new ScenarioTests(
            settings,
            "cannot load the scenarios in " + settings.scenarios() + " (" + SuiteSettings.SCENARIOS
                + "):" + System.lineSeparator() + e.getMessage())
      };
    }
    List<ScenarioTests> tests = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      for (Viewport viewport : scenario.viewports()) {
        tests.add(new ScenarioTests(scenario, viewport, settings));
      }
    }
    return tests.toArray();
  }

  /** Finds the site once for the suite's test: heatcheck.baseUrl, or the demo shop started for it. */
  @BeforeTest(alwaysRun = true)
  public void openSite(ITestContext context) {
    if (context.getAttribute(SITE) != null) {
      return;
    }
    SuiteSettings now = SuiteSettings.of(context);
    if (now.baseUrl() != null) {
      context.setAttribute(SITE, new Site(now.baseUrl(), null));
    } else if (now.demo()) {
      LocalServer shop = DemoSite.start();
      context.setAttribute(SITE, new Site(shop.baseUrl(), shop));
    } else {
      throw new HeatcheckException(
          "no site to run the scenarios against: set " + SuiteSettings.BASE_URL
              + " (e.g. -D" + SuiteSettings.BASE_URL + "=http://127.0.0.1:8080), or "
              + SuiteSettings.DEMO
              + "=true for the bundled demo shop");
    }
  }

  @AfterTest(alwaysRun = true)
  public void closeSite(ITestContext context) {
    if (context.removeAttribute(SITE) instanceof Site site && site.demo() != null) {
      site.demo().close();
    }
  }

  @Test
  public void check() {
    if (problem != null) {
      throw new AssertionError(problem);
    }
    Site site = (Site) Reporter.getCurrentTestResult().getTestContext().getAttribute(SITE);
    TestReport report = TestReport.current();
    report.started(getTestName(), scenario);
    Path dir =
        OutputDir.create(settings.out().resolve(folderName(scenarioName) + "-" + viewportLabel));
    Instant start = Instant.now();
    RunResult run = null;
    try {
      run = Pipeline.run(
          List.of(scenario),
          new RunOptions(site.baseUrl(), dir, settings.browser(), settings.install())
              .withRemote(settings.remote())
              .withWorkers(settings.workers())
              .withSeed(settings.seed()),
          quiet(),
          System.err);
    } finally {
      report.finished(scenario, site.baseUrl(), dir, run, start);
    }
    String failed = FailedChecks.message(getTestName(), run);
    if (failed != null) {
      throw new AssertionError(failed);
    }
    FailedChecks.warnings(run).forEach(w -> Reporter.log(getTestName() + ": warning: " + w, true));
  }

  @Override
  public String getTestName() {
    return scenarioName + " @ " + viewportLabel;
  }

  @Override
  public String toString() {
    return getTestName();
  }

  /** A scenario's name as a folder name: anything but letters, digits, dot, dash and underscore becomes a dash. */
  static String folderName(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]+", "-");
  }

  private static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }

  /** @param demo the demo shop the suite started, to stop after it; null for a site given by URL */
  private record Site(String baseUrl, LocalServer demo) {}
}
