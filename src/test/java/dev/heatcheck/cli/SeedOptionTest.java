package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** run --seed: wins over the scenario's seed:, is checked like it, and a run without one records its own. */
@Test(groups = BrowserTest.GROUP)
public class SeedOptionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private LocalServer shop;
  private Path dir;
  private Path scenario;

  @BeforeClass
  public void startTheShop() throws IOException {
    shop = DemoSite.start(Duration.ofMillis(200));
    dir = Files.createTempDirectory("heatcheck-seed");
    scenario = Files.writeString(dir.resolve("seeded.yaml"), "url: /\nseed: 3\n");
  }

  @AfterClass(alwaysRun = true)
  public void stopTheShop() {
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  public void the_flag_wins_over_the_scenario_and_is_recorded() throws IOException {
    Path out = dir.resolve("flag");
    Result run = heatcheck("run", "--seed", "7", "--out", out.toString(), scenario.toString());

    assertEquals(run.code, 0, run.toString());
    assertEquals(runEvent(out).get("seed").asLong(), 7);
    assertEquals(summary(out).get("scenarios").get(0).get("seed").asLong(), 7);
  }

  @Test
  public void the_scenario_seed_is_used_without_the_flag() throws IOException {
    Path out = dir.resolve("own");
    Result run = heatcheck("run", "--out", out.toString(), scenario.toString());

    assertEquals(run.code, 0, run.toString());
    assertEquals(runEvent(out).get("seed").asLong(), 3);
    assertEquals(summary(out).get("scenarios").get(0).get("seed").asLong(), 3);
  }

  @Test
  public void a_run_given_no_seed_picks_one_and_records_it() throws IOException {
    Path plain = Files.writeString(dir.resolve("plain.yaml"), "url: /\n");
    Path out = dir.resolve("picked");
    Result run = heatcheck("run", "--out", out.toString(), plain.toString());

    assertEquals(run.code, 0, run.toString());
    JsonNode seed = runEvent(out).get("seed");
    assertTrue(seed.isIntegralNumber() && seed.asLong() >= 0, String.valueOf(seed));
    assertEquals(summary(out).get("scenarios").get(0).get("seed"), seed);
  }

  @Test
  public void a_seed_out_of_range_is_exit_2_in_one_line() {
    Result run = heatcheck("run", "--seed", "-1", scenario.toString());

    assertEquals(run.code, 2, run.toString());
    assertEquals(
        run.err.strip(),
        "heatcheck: --seed: expected an integer from 0 to 9007199254740991, got -1");
  }

  @Test
  public void a_seed_in_words_is_exit_2_in_one_line() {
    Result run = heatcheck("run", "--seed", "lucky", scenario.toString());

    assertEquals(run.code, 2, run.toString());
    assertEquals(run.err.strip().lines().count(), 1L, run.err);
    assertTrue(run.err.contains("--seed"), run.err);
    assertFalse(run.err.contains("Exception"), run.err);
  }

  private Result heatcheck(String... args) {
    String[] withBase = new String[args.length + 2];
    withBase[0] = args[0];
    withBase[1] = "--base-url";
    withBase[2] = shop.baseUrl();
    System.arraycopy(args, 1, withBase, 3, args.length - 1);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(withBase, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private static JsonNode runEvent(Path out) throws IOException {
    JsonNode first =
        JSON.readTree(Files.readAllLines(out.resolve("events.jsonl")).get(0));
    assertEquals(first.get("type").asText(), "run");
    return first;
  }

  private static JsonNode summary(Path out) throws IOException {
    return JSON.readTree(out.resolve("summary.json").toFile());
  }

  private record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
    }
  }
}
