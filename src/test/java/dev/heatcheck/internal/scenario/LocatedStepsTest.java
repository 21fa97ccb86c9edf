package dev.heatcheck.internal.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

/** The steps heatcheck replay --to-scenario writes, read back, and their mistakes where they are written. */
public class LocatedStepsTest {
  @Test
  public void replayed_steps_read_back() throws Exception {
    Path dir = Files.createTempDirectory("scenario");
    Scenario scenario = ScenarioLoader.load(ScenarioLoaderTest.write(dir, "r.yaml", """
        url: /x
        steps:
          - click: {locate: ["#buy", "text=\\"Buy\\""], x: 640, y: 412, recorded: 10575}
          - dblclick: {locate: ["#title"]}
          - input: {locate: ["#name"], value: "Ada", recorded: 9}
          - input: {locate: ["#terms"], checked: true}
          - scroll: {locate: ["#reviews"], top: 360}
        """));
    assertEquals(
        scenario.steps().get(0),
        new Step.Click(
            new Target.Located(List.of("#buy", "text=\"Buy\""), 640.0, 412.0, 10575L),
            1,
            0,
            scenario.steps().get(0).at()));
    assertEquals(
        ((Step.DoubleClick) scenario.steps().get(1)).target(),
        new Target.Located(List.of("#title"), null, null, null));
    Step.Input name = (Step.Input) scenario.steps().get(2);
    assertEquals(name.value(), "Ada");
    assertEquals(name.target().recordedMs(), Long.valueOf(9));
    assertEquals(((Step.Input) scenario.steps().get(3)).checked(), Boolean.TRUE);
    assertEquals(
        ((Step.Scroll) scenario.steps().get(4)).target(),
        new ScrollTarget.Within(new Target.Located(List.of("#reviews"), null, null, null), 0, 360));
  }

  @Test
  public void mistakes_are_reported_where_they_are_written() throws Exception {
    assertEquals(
        problems("""
        url: /x
        steps:
          - click: {locate: "#buy"}
          - click: {locate: ["#buy"], x: 3}
          - input: {locate: ["#name"]}
          - hover: {frame: "#pay", x: 3, y: 4}
          - hover: {frame: ["#pay"], x: 3}
        """),
        String.join(
            "\n",
            "bad.yaml:3:21: click.locate: expected a list of selectors like [\"#buy\", \"text=Buy\"], got \"#buy\"",
            "bad.yaml:4:12: click: x and y go together; y is missing",
            "bad.yaml:5:12: input: give either value or checked",
            "bad.yaml:6:20: hover.frame: expected a list of the iframe's selectors like [\"#pay\"], got \"#pay\"",
            "bad.yaml:7:12: hover: frame needs x and y, e.g. hover: {frame: [\"#pay\"], x: 30, y: 40}"));
  }

  private static String problems(String content) throws Exception {
    Path dir = Files.createTempDirectory("scenario");
    Path file = ScenarioLoaderTest.write(dir, "bad.yaml", content);
    ScenarioException e = expectThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    return e.getMessage().replace(dir + File.separator, "");
  }
}
