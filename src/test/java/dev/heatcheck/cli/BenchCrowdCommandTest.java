package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.bench.CrowdBench;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.testng.annotations.Test;
import picocli.CommandLine;

/** heatcheck bench crowd's flags, checked before anything starts: no browser, no server here. */
public class BenchCrowdCommandTest {
  @Test
  public void by_default_the_crowd_is_200_visitors_of_the_demo_shop_on_the_workers_run_chooses() {
    CrowdBench.Options options = parse().options();
    assertEquals(options.visitors(), 200);
    assertEquals(options.workers(), 0, "0: as run chooses");
    assertEquals(options.scenario(), Path.of("scenarios", "demo-shop.yaml"));
    assertEquals(options.out(), Optional.empty());
    assertTrue(options.mayInstall());
  }

  @Test
  public void visitors_workers_out_browser_and_no_install_are_taken_as_given() {
    CrowdBench.Options options = parse(
            "--visitors",
            "8",
            "--workers",
            "4",
            "--out",
            "kept",
            "--browser",
            "/opt/chromium",
            "--no-install")
        .options();
    assertEquals(options.visitors(), 8);
    assertEquals(options.workers(), 4);
    assertEquals(options.out(), Optional.of(Path.of("kept")));
    assertEquals(options.browser(), Optional.of(Path.of("/opt/chromium")));
    assertEquals(options.mayInstall(), false);
  }

  @Test
  public void a_crowd_out_of_range_is_exit_2_with_one_line_naming_the_flag() {
    assertUsage(
        new String[] {"--visitors", "0"}, "heatcheck: --visitors: expected 1 to 10000, got 0");
    assertUsage(
        new String[] {"--visitors", "10001"},
        "heatcheck: --visitors: expected 1 to 10000, got 10001");
    assertUsage(new String[] {"--workers", "0"}, "heatcheck: --workers: expected 1 to 64, got 0");
    assertUsage(new String[] {"--workers", "65"}, "heatcheck: --workers: expected 1 to 64, got 65");
    assertUsage(
        new String[] {"--workers", "many"},
        "heatcheck: Invalid value for option '--workers': 'many' is not an int (see: heatcheck bench crowd --help)");
  }

  @Test
  public void the_scenario_missing_beside_the_launcher_is_exit_2_saying_where_it_was_looked_for() {
    String home = System.getProperty("heatcheck.home");
    System.setProperty("heatcheck.home", "/nonexistent-heatcheck-home");
    try {
      assertUsage(
          new String[] {"--visitors", "1"},
          "heatcheck: no /nonexistent-heatcheck-home/scenarios/demo-shop.yaml; run heatcheck from its"
              + " checkout (the ./heatcheck script does) or set -Dheatcheck.home");
    } finally {
      if (home == null) {
        System.clearProperty("heatcheck.home");
      } else {
        System.setProperty("heatcheck.home", home);
      }
    }
  }

  @Test
  public void help_names_every_flag() {
    StringWriter out = new StringWriter();
    int code = Main.execute(
        new String[] {"bench", "crowd", "--help"},
        new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true));
    assertEquals(code, 0);
    for (String flag :
        new String[] {"--visitors", "--workers", "--out", "--browser", "--no-install"}) {
      assertTrue(out.toString().contains(flag), out.toString());
    }
  }

  private static BenchCrowdCommand parse(String... args) {
    BenchCrowdCommand command = new BenchCrowdCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private static void assertUsage(String[] flags, String line) {
    String[] args = new String[flags.length + 2];
    args[0] = "bench";
    args[1] = "crowd";
    System.arraycopy(flags, 0, args, 2, flags.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(code, 2, err.toString());
    assertEquals(err.toString().strip(), line);
    assertEquals(out.toString(), "", "nothing ran");
  }
}
