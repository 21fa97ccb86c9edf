package dev.heatcheck.internal.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.result.Kind;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

public class ScenarioLoaderTest {

  @Test
  public void reads_every_step_kind_with_its_location() throws Exception {
    Path file = fixture("full.yaml");

    Scenario scenario = ScenarioLoader.load(file);

    assertEquals(scenario.file(), file);
    assertEquals(scenario.name(), "checkout");
    assertEquals(scenario.url(), "/checkout");
    assertEquals(scenario.viewports(), List.of(new Viewport(1280, 800), new Viewport(390, 844)));
    assertEquals(scenario.visitors(), 3);
    assertEquals(
        scenario.steps(),
        List.of(
            new Step.Goto("/product/1", at(file, 7, 5)),
            new Step.Click(new Target.BySelector("#add"), 1, 100, 0.3, at(file, 8, 5)),
            new Step.Click(new Target.ByText("Checkout"), 1, 100, 0.3, at(file, 9, 5)),
            new Step.Click(new Target.BySelector("#place"), 4, 150, 0.3, at(file, 10, 5)),
            new Step.Click(new Target.At(200, 300.5), 1, 100, 0.3, at(file, 11, 5)),
            new Step.Fill("#email", "a@b.c", at(file, 12, 5)),
            new Step.Hover(".menu", at(file, 13, 5)),
            new Step.Press("Enter", at(file, 14, 5)),
            new Step.Scroll(new ScrollTarget.ToBottom(), at(file, 15, 5)),
            new Step.Scroll(new ScrollTarget.ToTop(), at(file, 16, 5)),
            new Step.Scroll(new ScrollTarget.ToSelector("#pricing"), at(file, 17, 5)),
            new Step.Scroll(new ScrollTarget.ToY(1200), at(file, 18, 5)),
            new Step.Scroll(new ScrollTarget.By(-600), at(file, 19, 5)),
            new Step.Wait(500, null, at(file, 20, 5)),
            new Step.Wait(0, "#done", at(file, 21, 5))));
    assertEquals(
        scenario.expect(),
        new Expectations(List.of(
            friction(Kind.DEAD, 0, at(file, 23, 3)),
            friction(Kind.RAGE, 1, at(file, 24, 3)),
            friction(Kind.ERROR, 2, at(file, 25, 3)))));
  }

  @Test
  public void reads_json_with_the_same_structure() throws Exception {
    Path file = fixture("full.json");

    Scenario scenario = ScenarioLoader.load(file);

    assertEquals(scenario.url(), "https://shop.example.com/checkout");
    assertEquals(scenario.visitors(), 2);
    assertEquals(
        scenario.steps(),
        List.of(
            new Step.Click(new Target.BySelector("#add"), 1, 100, 0.3, at(file, 6, 6)),
            new Step.Click(new Target.ByText("Checkout"), 2, 100, 0.3, at(file, 7, 6)),
            new Step.Wait(0, "#done", at(file, 8, 6))));
    assertEquals(
        scenario.expect(), new Expectations(List.of(friction(Kind.RAGE, 0, at(file, 10, 14)))));
  }

  @Test
  public void fills_in_defaults() throws Exception {
    Path file = fixture("minimal.yaml");

    Scenario scenario = ScenarioLoader.load(file);

    assertEquals(
        scenario,
        new Scenario(
            file,
            "minimal",
            "/",
            List.of(new Viewport(1280, 800)),
            1,
            List.of(),
            Expectations.none(),
            List.of()));
  }

  @Test
  public void reads_judge_windows_rage_settings_and_capture_options() throws Exception {
    Path file = write(Files.createTempDirectory("scenario"), "judged.yaml", """
        url: /
        judge:
          windows: {mutation: 5000, error: 2000, request: 0}
          rage: {clicks: 4, interval: 700, distance: 12.5, sameTarget: true}
        capture: {maskText: true}
        """);

    Scenario scenario = ScenarioLoader.load(file);

    assertEquals(
        scenario.judge(),
        new JudgeSettings(
            Map.of("mutation", 5000, "error", 2000, "request", 0), 4, 700, 12.5, true));
    assertEquals(
        List.copyOf(scenario.judge().windows().keySet()),
        List.of("mutation", "error", "request"),
        "in file order");
    assertFalse(scenario.judge().isDefault());
    assertTrue(scenario.capture().maskText());
  }

  @Test
  public void leaves_judgement_and_capture_at_their_defaults_when_not_set_or_partly_set()
      throws Exception {
    Path dir = Files.createTempDirectory("scenario");
    Scenario plain = ScenarioLoader.load(write(dir, "plain.yaml", "url: /\njudge:\ncapture:\n"));
    Scenario partial = ScenarioLoader.load(
        write(dir, "partial.yaml", "url: /\njudge: {rage: {sameTarget: true}}\ncapture: {}\n"));

    assertTrue(plain.judge().isDefault());
    assertFalse(plain.capture().maskText());
    assertEquals(partial.judge(), new JudgeSettings(Map.of(), null, null, null, true));
    assertFalse(partial.capture().maskText());
  }

  @Test
  public void reads_empty_steps_and_expect_sections_as_absent() throws Exception {
    Path file =
        write(Files.createTempDirectory("scenario"), "empty.yml", "url: /\nsteps:\nexpect:\n");

    Scenario scenario = ScenarioLoader.load(file);

    assertEquals(scenario.steps(), List.of());
    assertEquals(scenario.expect(), Expectations.none());
  }

  @Test
  public void loads_a_folder_in_name_order_skipping_other_files() throws Exception {
    Path dir = Files.createTempDirectory("scenarios");
    write(dir, "b.yml", "url: /b\n");
    write(dir, "a.yaml", "url: /a\n");
    write(dir, "c.json", "{\"url\": \"/c\"}");
    write(dir, "notes.txt", "not a scenario");
    Files.createDirectory(dir.resolve("nested.yaml"));

    List<Scenario> scenarios = ScenarioLoader.loadAll(List.of(dir, dir.resolve("a.yaml")));

    assertEquals(scenarios.stream().map(Scenario::name).toList(), List.of("a", "b", "c"));
  }

  @Test
  public void labels_a_viewport_as_width_x_height() {
    assertEquals(new Viewport(390, 844).label(), "390x844");
  }

  @Test
  public void prints_a_location_as_an_editor_link() {
    assertEquals(
        new Location(Path.of("scenarios", "checkout.yaml"), 12, 5).toString(),
        Path.of("scenarios", "checkout.yaml") + ":12:5");
  }

  @Test
  public void has_no_rules_when_nothing_is_expected() {
    assertEquals(Expectations.none().rules(), List.of());
  }

  private static Expectation friction(Kind kind, double max, Location at) {
    return new Expectation.Friction(
        kind, false, Expectation.Scope.ANY, Expectation.Per.ALL, null, max, at);
  }

  private static Location at(Path file, int line, int column) {
    return new Location(file, line, column);
  }

  private Path fixture(String name) throws URISyntaxException {
    return Path.of(getClass().getResource(name).toURI());
  }

  static Path write(Path dir, String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }
}
