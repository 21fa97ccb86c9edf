package dev.heatcheck.internal.crowd;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

public class WorkersTest {
  private static final long GB = 1L << 30;

  @Test
  public void the_machine_affords_six_workers_a_core_as_far_as_its_memory_goes() {
    assertEquals(Workers.affordable(2, 22 * GB), 12);
    assertEquals(Workers.affordable(8, 4 * GB), 8, "(4 GB - 512 MB) / 400 MB");
    assertEquals(Workers.affordable(2, GB), 1);
    assertEquals(Workers.affordable(1, 0), 1, "one worker whatever is left");
    assertEquals(Workers.affordable(64, 1024 * GB), Workers.MAX);
  }

  @Test
  public void never_more_workers_than_visits() {
    assertEquals(Workers.count(5, 3), 3);
    assertEquals(Workers.count(0, 1), 1);
    assertEquals(Workers.count(4, 40), 4);
  }

  @Test
  public void the_flag_wins_then_the_largest_workers_of_the_scenarios() throws IOException {
    Path dir = Files.createTempDirectory("heatcheck-workers");
    Files.writeString(dir.resolve("a.yaml"), "url: /a\nworkers: 2\n");
    Files.writeString(dir.resolve("b.yaml"), "url: /b\nworkers: 6\n");
    Files.writeString(dir.resolve("c.yaml"), "url: /c\n");
    List<Scenario> scenarios = ScenarioLoader.loadAll(List.of(dir));
    assertEquals(scenarios.stream().map(Scenario::workers).toList(), List.of(2, 6, 0));
    assertEquals(Workers.count(0, scenarios, 100), 6);
    assertEquals(Workers.count(3, scenarios, 100), 3);
    assertEquals(Workers.count(0, scenarios, 4), 4);
  }

  @Test
  public void a_bad_count_is_one_line_naming_where_it_came_from() {
    assertEquals(Workers.parse(" 12 ", "--workers"), 12);
    for (String bad : List.of("0", "65", "-1", "1.5", "many", "", "0004")) {
      HeatcheckException e =
          expectThrows(HeatcheckException.class, () -> Workers.parse(bad, "heatcheck.workers"));
      assertEquals(
          e.getMessage(),
          "heatcheck.workers: expected a whole number of workers from 1 to 64, got \"" + bad
              + "\"");
    }
  }
}
