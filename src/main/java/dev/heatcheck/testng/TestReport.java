package dev.heatcheck.testng;

import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.scenario.Scenario;
import java.nio.file.Path;
import java.time.Instant;

/** Where a scenario test reports beyond pass or fail: Allure when it is on the class path, else nowhere. */
interface TestReport {
  TestReport NONE = new TestReport() {
    @Override
    public void started(String name, Scenario scenario) {}

    @Override
    public void finished(
        Scenario scenario, String baseUrl, Path dir, RunResult run, Instant start) {}
  };

  void started(String name, Scenario scenario);

  /** @param run null when the run could not complete */
  void finished(Scenario scenario, String baseUrl, Path dir, RunResult run, Instant start);

  /** Allure's report when allure-java-commons is on the class path; the class is only loaded then. */
  static TestReport current() {
    try {
      Class.forName("io.qameta.allure.Allure", false, TestReport.class.getClassLoader());
      return (TestReport) Class.forName(TestReport.class.getPackageName() + ".AllureReport")
          .getDeclaredConstructor()
          .newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return NONE;
    }
  }
}
