package dev.heatcheck.internal.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

/** Every message is pinned to its exact text: pointing at the right spot is what this package is for. */
public class ScenarioProblemsTest {

  @Test
  public void reports_an_unclosed_bracket_where_it_opens() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        viewports: [{width: 1280, height: 800}
        """), """
        bad.yaml:2:12: invalid YAML: expected ',' or ']', but got end of file (while parsing a flow sequence)""");
  }

  @Test
  public void reports_bad_indentation() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        steps:
          - click: "#a"
           - click: "#b"
        """), """
        bad.yaml:4:4: invalid YAML: expected the end of the indented block, but found a '-' list item \
        (while parsing a block collection at line 3, column 3); check the indentation""");
  }

  @Test
  public void reports_a_page_pattern_that_is_not_a_path() throws Exception {
    assertEquals(problems("bad.yaml", "url: /x\npages: [\"/product/:id\", \"product/*/x\"]\n"),
        "bad.yaml:2:25: pages: \"product/*/x\" is not a path pattern; start with / and use :name for one segment"
            + " or a final * for the rest, e.g. /product/:id");
  }

  @Test
  public void reports_a_tab_used_for_indentation() throws Exception {
    assertEquals(problems("bad.yaml", "url: /x\nsteps:\n\t- click: a\n"),
        "bad.yaml:3:1: invalid YAML: a tab character here; indent with spaces, YAML does not allow tabs");
  }

  @Test
  public void reports_a_json_syntax_error_in_one_line() throws Exception {
    assertEquals(problems("bad.json", """
        {
          "url": "/x",
          "steps": [{"click": "#a"} {"wait": 5}]
        }
        """), "bad.json:3:29: invalid JSON: Unexpected character ('{'): was expecting comma to separate Array entries");
  }

  @Test
  public void reports_an_unknown_step() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        steps:
          - clik: "#a"
        """), """
        bad.yaml:3:5: unknown step "clik"; expected one of: goto, click, fill, hover, press, scroll, wait""");
  }

  @Test
  public void reports_an_unknown_top_level_key() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        stpes: []
        """), """
        bad.yaml:2:1: unknown key "stpes"; expected one of: name, url, viewports, visitors, pages, steps, expect, judge, capture, variants""");
  }

  @Test
  public void reports_every_bad_judge_setting_where_it_is_written() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        judge:
          windows: {mutation: -1, scrol: 100, request: 61000, focus: "1s", error: 1.5}
          rage: {clicks: 1, interval: 0, distance: -3, sameTarget: "yes", gap: 4}
          extra: 1
        """), """
        bad.yaml:3:23: judge.windows.mutation: expected an integer from 0 to 60000, got -1
        bad.yaml:3:27: judge.windows: unknown key "scrol"; expected one of: mutation, scroll, selection, focus, \
        request, navigation, dialog, popup, download, error
        bad.yaml:3:48: judge.windows.request: expected an integer from 0 to 60000, got 61000
        bad.yaml:3:62: judge.windows.focus: expected an integer from 0 to 60000, got "1s"
        bad.yaml:3:75: judge.windows.error: expected an integer from 0 to 60000, got 1.5
        bad.yaml:4:18: judge.rage.clicks: expected an integer from 2 to 100, got 1
        bad.yaml:4:31: judge.rage.interval: expected an integer from 1 to 60000, got 0
        bad.yaml:4:44: judge.rage.distance: expected a number >= 0, got -3
        bad.yaml:4:60: judge.rage.sameTarget: expected true or false, got "yes"
        bad.yaml:4:67: judge.rage: unknown key "gap"; expected one of: clicks, interval, distance, sameTarget
        bad.yaml:5:3: judge: unknown key "extra"; expected one of: windows, rage""");
  }

  @Test
  public void reports_judge_and_capture_sections_of_the_wrong_shape() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        judge: {windows: [2500], rage: 3}
        capture: {maskText: 1, maskAll: true}
        """), """
        bad.yaml:2:18: judge.windows: expected a map of milliseconds like {mutation: 2500, request: 1000}, got a list
        bad.yaml:2:32: judge.rage: expected a map like {clicks: 3, interval: 1000, distance: 30, sameTarget: false}, got 3
        bad.yaml:3:21: capture.maskText: expected true or false, got 1
        bad.yaml:3:24: capture: unknown key "maskAll"; expected one of: maskText""");
    assertEquals(problems("bad.yaml", "url: /x\njudge: strict\ncapture: [maskText]\n"), """
        bad.yaml:2:8: judge: expected a map like {windows: {mutation: 2500}, rage: {clicks: 3}}, got "strict"
        bad.yaml:3:10: capture: expected a map like {maskText: true}, got a list""");
  }

  @Test
  public void reports_a_wrong_type_for_visitors() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        visitors: two
        """), """
        bad.yaml:2:11: visitors: expected an integer >= 1, got "two\"""");
  }

  @Test
  public void reports_a_missing_url_at_the_start_of_the_scenario() throws Exception {
    assertEquals(problems("bad.yaml", """
        # no url here
        name: checkout
        """), """
        bad.yaml:2:1: url is required, e.g. url: /checkout (relative to --base-url) or an http(s) URL""");
  }

  @Test
  public void reports_a_click_with_no_target() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        steps:
          - click: {times: 2}
        """), """
        bad.yaml:3:12: click: expected selector, text, or x and y, e.g. click: {selector: "#add"}""");
  }

  @Test
  public void reports_an_unknown_key_in_a_click() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        steps:
          - click: {selector: "#a", tims: 3}
        """), """
        bad.yaml:3:29: click: unknown key "tims"; expected one of: selector, text, x, y, times, interval""");
  }

  @Test
  public void reports_every_problem_of_a_file_in_file_order() throws Exception {
    assertEquals(problems("bad.yaml", """
        visitors: 0
        steps:
          - click: {selector: "#a", interval: -5}
          - wait: 5s
        """), """
        bad.yaml:1:1: url is required, e.g. url: /checkout (relative to --base-url) or an http(s) URL
        bad.yaml:1:11: visitors: expected an integer >= 1, got 0
        bad.yaml:3:39: click.interval: expected an integer >= 0, got -5
        bad.yaml:4:11: wait: expected milliseconds like 500 or a map like {for: "#done"}, got "5s\"""");
  }

  @Test
  public void reports_a_step_with_two_keys() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        steps:
          - click: "#a"
            times: 3
        """), """
        bad.yaml:3:5: a step has exactly one key, its name; got 2: click, times \
        (start each step with "- "; options go inside, e.g. click: {selector: "#a", times: 3})""");
  }

  @Test
  public void reports_a_bare_step_name_without_its_value() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        steps:
          - press
        """), """
        bad.yaml:3:5: press needs a value, e.g. press: Enter""");
  }

  @Test
  public void reports_a_duplicate_key_at_its_second_use() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        name: a
        url: /y
        """), """
        bad.yaml:3:1: duplicate key "url"; it is already set on line 1""");
  }

  @Test
  public void reports_bad_values_inside_steps() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: ftp://example.com/
        viewports: [{width: 1280}]
        steps:
          - click: {x: 10}
          - fill: {selector: "#email"}
          - scroll: {to: top, by: 5}
          - goto: 42
        expect:
          deadClicks: 0
        """), """
        bad.yaml:1:6: url: expected a path like /checkout or an http(s) URL, got "ftp://example.com/"
        bad.yaml:2:13: viewports: height is required, e.g. {width: 1280, height: 800}
        bad.yaml:4:12: click: x and y go together; y is missing
        bad.yaml:5:11: fill: value is required
        bad.yaml:6:13: scroll: give only one of to, y or by
        bad.yaml:7:11: goto: expected a path like /product/1 or an http(s) URL, got 42
        bad.yaml:9:15: expect.deadClicks: expected a map like {max: 0}, or a list of them, got 0""");
  }

  @Test
  public void reports_an_empty_file_and_a_second_document() throws Exception {
    assertEquals(problems("empty.yaml", "# nothing yet\n"),
        "empty.yaml:1:1: the file is empty; a scenario needs at least a url, e.g. url: /checkout");
    assertEquals(problems("two.yaml", "url: /a\n---\nurl: /b\n"),
        "two.yaml:3:1: a second document starts here; put each scenario in its own file");
  }

  @Test
  public void reports_a_missing_file_and_an_empty_folder() throws Exception {
    Path dir = Files.createTempDirectory("scenarios");
    Path missing = dir.resolve("missing.yaml");
    Path empty = Files.createDirectory(dir.resolve("empty"));

    ScenarioException e = expectThrows(ScenarioException.class, () -> ScenarioLoader.loadAll(List.of(missing, empty)));

    assertEquals(e.getMessage(), missing + ":1:1: no such file or folder\n"
        + empty + ":1:1: no scenario files (*.yaml, *.yml or *.json) in this folder");
  }

  @Test
  public void reports_the_bad_file_of_a_folder_and_still_reads_the_good_one() throws Exception {
    Path dir = Files.createTempDirectory("scenarios");
    ScenarioLoaderTest.write(dir, "a-good.yaml", "name: good\nurl: /good\n");
    Path bad = ScenarioLoaderTest.write(dir, "b-bad.yaml", "url: /bad\nvisitors: many\nsteps: [clik: x]\n");

    ScenarioException e = expectThrows(ScenarioException.class, () -> ScenarioLoader.loadAll(List.of(dir)));

    assertEquals(e.getMessage(), bad + ":2:11: visitors: expected an integer >= 1, got \"many\"\n"
        + bad + ":3:9: unknown step \"clik\"; expected one of: goto, click, fill, hover, press, scroll, wait");
    assertEquals(e.problems().size(), 2);
    assertEquals(ScenarioLoader.loadAll(List.of(dir.resolve("a-good.yaml"))).get(0).name(), "good");
  }

  @Test
  public void reports_two_scenarios_of_one_name() throws Exception {
    Path dir = Files.createTempDirectory("scenarios");
    Path first = ScenarioLoaderTest.write(dir, "a.yaml", "name: same\nurl: /a\n");
    Path second = ScenarioLoaderTest.write(dir, "b.yaml", "name: same\nurl: /b\n");

    ScenarioException e = expectThrows(ScenarioException.class, () -> ScenarioLoader.loadAll(List.of(dir)));

    assertEquals(e.getMessage(), second + ":1:1: scenario name \"same\" is already used by " + first
        + "; set a unique name: in one of them");
  }

  /** The loader's message for one file, with the temporary folder left out so expectations read like a terminal. */
  private static String problems(String name, String content) throws Exception {
    Path dir = Files.createTempDirectory("scenario");
    Path file = ScenarioLoaderTest.write(dir, name, content);
    ScenarioException e = expectThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    return e.getMessage().replace(dir + File.separator, "");
  }
}
