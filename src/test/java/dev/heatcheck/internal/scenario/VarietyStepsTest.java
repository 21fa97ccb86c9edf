package dev.heatcheck.internal.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

/** seed:, choose, maybe, pause, scroll depth, click spread and fill feeders: read, and refused at their spot. */
public class VarietyStepsTest {

  @Test
  public void reads_the_seed_and_each_varied_step_with_its_location() throws Exception {
    Path dir = Files.createTempDirectory("variety");
    Files.writeString(dir.resolve("users.csv"), "name,email\nAda,ada@x.test\nBo,\"bo,b@x.test\"\n");
    Path file = ScenarioLoaderTest.write(dir, "varied.yaml", """
        url: /
        seed: 42
        steps:
          - choose:
              - {weight: 7, steps: [click: "#a"]}
              - steps: []
          - maybe: {p: 0.25, steps: [{pause: 500}]}
          - pause: {min: 300, max: 2000}
          - scroll: {depth: {min: 0.3, max: 1.0}}
          - scroll: {depth: 0.5}
          - click: {selector: "#b", spread: 0}
          - fill: {selector: "#q", values: [one, 2]}
          - fill: {selector: "#e", csv: users.csv, column: email}
        """);

    Scenario scenario = ScenarioLoader.load(file);

    assertEquals(scenario.seed(), Long.valueOf(42));
    assertEquals(
        scenario.steps(),
        List.of(
            new Step.Choose(
                List.of(
                    new Step.Choose.Option(
                        7,
                        List.of(new Step.Click(
                            new Target.BySelector("#a"), 1, 100, 0.3, at(file, 5, 29))),
                        at(file, 5, 9)),
                    new Step.Choose.Option(1, List.of(), at(file, 6, 9))),
                at(file, 4, 5)),
            new Step.Maybe(
                0.25, List.of(new Step.Pause(500, 500, at(file, 7, 31))), at(file, 7, 5)),
            new Step.Pause(300, 2000, at(file, 8, 5)),
            new Step.Scroll(new ScrollTarget.Depth(0.3, 1.0), at(file, 9, 5)),
            new Step.Scroll(new ScrollTarget.Depth(0.5, 0.5), at(file, 10, 5)),
            new Step.Click(new Target.BySelector("#b"), 1, 100, 0.0, at(file, 11, 5)),
            new Step.Fill("#q", null, List.of("one", "2"), at(file, 12, 5)),
            new Step.Fill("#e", null, List.of("ada@x.test", "bo,b@x.test"), at(file, 13, 5))));
  }

  @Test
  public void a_feeder_gives_visitor_n_row_n_minus_1_in_turn() {
    Step.Fill fill = new Step.Fill("#e", null, List.of("a", "b", "c"), null);

    assertEquals(
        List.of(fill.valueFor(1), fill.valueFor(2), fill.valueFor(3), fill.valueFor(4)),
        List.of("a", "b", "c", "a"));
  }

  @Test
  public void reports_bad_seeds_and_varied_steps_where_they_are_written() throws Exception {
    assertEquals(problems("""
        url: /x
        seed: -3
        steps:
          - choose: {weight: 1}
          - choose: [{weight: 0, steps: [clik: a]}, {weight: 2}, 5]
          - maybe: {p: 1.5, steps: []}
          - maybe: {steps: wait}
          - pause: {min: 2000, max: 300}
          - pause: {min: 1.5, max: 3}
          - pause: {max: 3}
          - scroll: {depth: {min: 0.3}}
          - scroll: {depth: 1.2}
          - click: {selector: "#a", spread: 3}
        """), """
        bad.yaml:2:7: seed: expected an integer from 0 to 9007199254740991, got -3
        bad.yaml:4:13: choose: expected a list of alternatives like [{weight: 7, steps: [...]}, {weight: 3, steps: [...]}], got a map
        bad.yaml:5:23: choose.weight: expected an integer from 1 to 1000000, got 0
        bad.yaml:5:34: unknown step "clik"; expected one of: goto, click, fill, hover, press, scroll, wait, pause, choose, maybe, dblclick, input
        bad.yaml:5:45: choose: steps is required
        bad.yaml:5:58: choose: expected a list of alternatives like [{weight: 7, steps: [...]}, {weight: 3, steps: [...]}], got 5
        bad.yaml:6:16: maybe.p: expected a number from 0 to 1, got 1.5
        bad.yaml:7:12: maybe: p is required
        bad.yaml:7:20: maybe.steps: expected a list of steps like [click: "#add"], got "wait"
        bad.yaml:8:24: pause: max (300) is below min (2000)
        bad.yaml:9:12: pause: min and max are whole milliseconds
        bad.yaml:10:12: pause: min and max are required, e.g. milliseconds like {min: 300, max: 2000}
        bad.yaml:11:21: scroll.depth: min and max are required, e.g. a share like {min: 0.3, max: 1}
        bad.yaml:12:21: scroll.depth: expected a number from 0 to 1, got 1.2
        bad.yaml:13:37: click.spread: expected a number from 0 to 1, got 3""");
  }

  @Test
  public void reports_choose_and_maybe_nested_deeper_than_three_levels() throws Exception {
    assertEquals(
        problems("""
        url: /x
        steps:
          - maybe:
              p: 1
              steps:
                - choose:
                    - steps:
                        - maybe:
                            p: 1
                            steps: [{maybe: {p: 1, steps: []}}]
        """),
        "bad.yaml:10:30: maybe: nested too deep; choose and maybe go at most 3 levels deep");
  }

  @Test
  public void reports_feeders_that_give_nothing_to_type() throws Exception {
    Path dir = Files.createTempDirectory("variety");
    Files.writeString(dir.resolve("users.csv"), "name,email\nAda,ada@x.test\n");
    Files.writeString(dir.resolve("header.csv"), "email\n");
    Files.writeString(dir.resolve("blank.csv"), "");
    Files.writeString(dir.resolve("ragged.csv"), "name,email\nAda\n");
    Path file = ScenarioLoaderTest.write(dir, "bad.yaml", """
        url: /x
        steps:
          - fill: {selector: "#e", values: []}
          - fill: {selector: "#e", csv: missing.csv, column: email}
          - fill: {selector: "#e", csv: users.csv, column: mail}
          - fill: {selector: "#e", csv: header.csv, column: email}
          - fill: {selector: "#e", csv: blank.csv, column: email}
          - fill: {selector: "#e", csv: ragged.csv, column: email}
          - fill: {selector: "#e", csv: users.csv}
          - fill: {selector: "#e", value: a, column: email}
          - fill: {selector: "#e", value: a, values: [b]}
          - fill: {selector: "#e"}
        """);

    ScenarioException e = expectThrows(ScenarioException.class, () -> ScenarioLoader.load(file));

    assertEquals(e.getMessage().replace(dir + File.separator, ""), """
        bad.yaml:3:36: fill.values: expected a non-empty list of values to type, one per visitor in turn, got an empty list
        bad.yaml:4:33: fill.csv: missing.csv not found (looked for missing.csv)
        bad.yaml:5:52: fill.column: "mail" is not a column of users.csv; its columns: name, email
        bad.yaml:6:33: fill.csv: header.csv has no rows under its header line
        bad.yaml:7:33: fill.csv: blank.csv is empty; it needs a header line and a row per visitor
        bad.yaml:8:33: fill.csv: ragged.csv: row 1 has 1 value(s), the header 2
        bad.yaml:9:11: fill: csv needs column: the CSV column whose values are typed
        bad.yaml:10:38: fill: column goes with csv: FILE
        bad.yaml:11:11: fill: give only one of value, values or csv
        bad.yaml:12:11: fill: value is required (or a feeder: values: [...], or csv: FILE with column: NAME)""");
  }

  private static Location at(Path file, int line, int column) {
    return new Location(file, line, column);
  }

  private static String problems(String content) throws Exception {
    Path dir = Files.createTempDirectory("variety");
    Path file = ScenarioLoaderTest.write(dir, "bad.yaml", content);
    ScenarioException e = expectThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    return e.getMessage().replace(dir + File.separator, "");
  }
}
