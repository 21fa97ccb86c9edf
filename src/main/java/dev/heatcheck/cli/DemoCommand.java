package dev.heatcheck.cli;

import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the bundled demo shop on 127.0.0.1 and runs scenarios/demo*.yaml against it.",
      "The shop has planted friction, so findings are expected; exits 0 when the run completed.",
      "With --serve it only serves the shop, until stopped, for trying `run` or the scenario tests on it."
    })
final class DemoCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--serve", description = "only serve the demo shop, until Ctrl-C")
  boolean serve;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "the port of 127.0.0.1 that --serve uses (default: ${DEFAULT-VALUE})")
  int port;

  @Override
  public Integer call() throws IOException {
    if (serve) {
      return serve();
    }
    List<Scenario> scenarios = ScenarioLoader.loadAll(demoScenarios());
    try (LocalServer site = DemoSite.start()) {
      System.out.println("Demo shop on " + site.baseUrl());
      int code = RunCommand.execute(scenarios, site.baseUrl(), common, System.out);
      return code == ExitCodes.FAILED ? ExitCodes.PASSED : code;
    }
  }

  private int serve() {
    if (port < 1 || port > 65_535) {
      throw new Failures.UsageProblem("--port: expected 1 to 65535, got " + port);
    }
    try (LocalServer site = DemoSite.start(DemoSite.ORDER_DELAY, port)) {
      System.out.println("Demo shop on " + site.baseUrl() + " (Ctrl-C to stop)");
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.PASSED;
  }

  /** scenarios/demo*.yaml beside the launcher (heatcheck.home), else in the current folder. */
  static List<Path> demoScenarios() throws IOException {
    Path folder = shortest(Path.of(System.getProperty("heatcheck.home", ".")).resolve("scenarios"));
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      try (DirectoryStream<Path> demo = Files.newDirectoryStream(folder, "demo*.{yaml,yml,json}")) {
        demo.forEach(files::add);
      }
    }
    if (files.isEmpty()) {
      throw new Failures.UsageProblem(
          "no demo scenarios in " + folder.toAbsolutePath().normalize()
              + "; run heatcheck from its checkout (the ./heatcheck script does) or set -Dheatcheck.home");
    }
    files.sort(null);
    return files;
  }

  /** The folder relative to where the user stands when it is below it, so messages stay short. */
  private static Path shortest(Path folder) {
    Path here = Path.of("").toAbsolutePath();
    Path absolute = folder.toAbsolutePath().normalize();
    return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
  }
}
