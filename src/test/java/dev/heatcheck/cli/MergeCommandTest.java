package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * {@code heatcheck run --shard} and {@code heatcheck merge} as a CI matrix calls them: real shards of
 * a real site on 127.0.0.1, merged; the exit codes of merge, and one line for each set it refuses.
 */
@Test(groups = BrowserTest.GROUP)
public class MergeCommandTest {
  private LocalServer site;
  private Path dir;
  private Path failing;
  private Path passing;
  private Cli[] failingShards;
  private Cli[] passingShards;

  @BeforeClass
  public void runTheShards() throws IOException {
    site = LocalServer.serve("fixtures/shards");
    dir = Files.createTempDirectory("heatcheck-merge-cli");
    failing = Files.writeString(dir.resolve("dead.yaml"), """
        url: /
        visitors: 2
        steps:
          - click: "#dead"
        expect:
          deadClicks: {max: 0}
        """);
    passing = Files.writeString(dir.resolve("fine.yaml"), """
        url: /
        steps:
          - click: "#ok"
        expect:
          deadClicks: {max: 0}
        """);
    failingShards = new Cli[] {shard(failing, "dead", 1), shard(failing, "dead", 2)};
    passingShards = new Cli[] {shard(passing, "fine", 1), shard(passing, "fine", 2)};
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (site != null) {
      site.close();
    }
  }

  private Cli shard(Path scenario, String name, int index) {
    return Cli.run(
        "run",
        "--base-url",
        site.baseUrl(),
        "--no-install",
        "--shard",
        index + "/2",
        "--out",
        dir.resolve(name + "-" + index).toString(),
        scenario.toString());
  }

  @Test
  public void each_shard_runs_as_run_does_and_its_folder_names_its_shard() throws IOException {
    assertEquals(failingShards[0].code(), 1, failingShards[0].toString());
    assertEquals(failingShards[1].code(), 1, failingShards[1].toString());
    JsonNode shard = Json.mapper().readTree(dir.resolve("dead-2/shard.json").toFile());
    assertEquals(shard.path("shard").asText(), "2/2");
    assertEquals(shard.path("planSize").asInt(), 2);
    assertEquals(shard.path("first").asText(), "dead/1280x800/2");
    String plan = shard.path("plan").asText();
    assertTrue(
        failingShards[1]
            .out()
            .contains("shard 2/2 of plan " + plan
                + ": visits 2 to 2 of 2 (dead/1280x800/2 to dead/1280x800/2)"),
        failingShards[1].out());
    assertTrue(passingShards[0].out().contains(": no visits of 1"), passingShards[0].out());
  }

  @Test
  public void merge_exits_1_when_the_merged_run_fails_an_expectation() throws IOException {
    Path out = dir.resolve("dead-merged");
    Cli merged = Cli.run(
        "merge",
        dir.resolve("dead-1").toString(),
        dir.resolve("dead-2").toString(),
        "--out",
        out.toString());
    assertEquals(merged.code(), 1, merged.toString());
    JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
    JsonNode check = summary.path("checks").get(0);
    assertEquals(check.path("rule").asText(), "deadClicks");
    assertEquals(check.path("actual").asInt(), 2, "one dead click of each shard's visitor");
    assertEquals(check.path("at").asText(), failing + ":6:3");
    assertTrue(merged.out().contains("Merged 2 shard(s) of plan "), merged.out());
    // no --seed and no seed: in the scenario: the shards agreed on one, and the merged run says it
    long seed = summary.path("scenarios").get(0).path("seed").asLong();
    for (String shard : new String[] {"dead-1", "dead-2"}) {
      JsonNode own = Json.mapper().readTree(dir.resolve(shard + "/summary.json").toFile());
      assertEquals(own.path("scenarios").get(0).path("seed").asLong(), seed, shard);
    }
    for (String file : new String[] {"events.jsonl", "junit.xml", "index.html"}) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
  }

  @Test
  public void merge_exits_0_when_every_expectation_of_the_merged_run_holds() {
    assertEquals(passingShards[0].code(), 0, passingShards[0].toString());
    assertEquals(passingShards[1].code(), 0, passingShards[1].toString());
    Cli merged = Cli.run(
        "merge",
        dir.resolve("fine-2").toString(),
        dir.resolve("fine-1").toString(),
        "--out",
        dir.resolve("fine-merged").toString());
    assertEquals(merged.code(), 0, merged.toString());
  }

  @Test
  public void merge_exits_2_with_one_line_for_a_set_it_refuses() throws IOException {
    String plan = Json.mapper()
        .readTree(dir.resolve("dead-1/shard.json").toFile())
        .path("plan")
        .asText();
    Cli incomplete = Cli.run(
        "merge", dir.resolve("dead-1").toString(), "--out", dir.resolve("x").toString());
    assertRefused(
        incomplete, "heatcheck: shard 2/2 of plan " + plan + " is missing; merge needs all 2");
    Cli mixed = Cli.run(
        "merge",
        dir.resolve("dead-1").toString(),
        dir.resolve("fine-2").toString(),
        "--out",
        dir.resolve("x").toString());
    assertRefused(
        mixed,
        "heatcheck: " + dir.resolve("dead-1") + " and " + dir.resolve("fine-2")
            + " are shards of different runs (plan " + plan + " and plan ");
    Cli inside = Cli.run(
        "merge",
        dir.resolve("dead-1").toString(),
        dir.resolve("dead-2").toString(),
        "--out",
        dir.resolve("dead-2/merged").toString());
    assertRefused(
        inside,
        "heatcheck: --out " + dir.resolve("dead-2/merged") + " is inside the shard folder "
            + dir.resolve("dead-2"));
    Cli none = Cli.run("merge", "--out", dir.resolve("x").toString());
    assertEquals(none.code(), 2, none.toString());
    assertFalse(Files.exists(dir.resolve("x")), "nothing is written for a refused set");
  }

  @Test
  public void run_exits_2_for_a_bad_shard_before_starting_a_browser() throws IOException {
    Cli bad = Cli.run("run", "--shard", "3/2", "--base-url", site.baseUrl(), failing.toString());
    assertRefused(
        bad, "heatcheck: --shard: expected I/N with 1 <= I <= N, such as 2/4, got \"3/2\"");
    Path variants = Files.writeString(dir.resolve("ab.yaml"), """
        url: /
        variants: [{name: A}, {name: B, query: {b: 1}}]
        steps:
          - click: "#ok"
        """);
    Cli split = Cli.run("run", "--shard", "1/2", "--base-url", site.baseUrl(), variants.toString());
    assertRefused(split, "heatcheck: --shard: " + variants + " has variants, which run whole");
  }

  private static void assertRefused(Cli run, String start) {
    assertEquals(run.code(), 2, run.toString());
    assertEquals(run.err().strip().lines().count(), 1L, run.err());
    assertTrue(run.err().startsWith(start), run.toString());
    assertFalse(run.err().contains("Exception"), run.err());
  }
}
