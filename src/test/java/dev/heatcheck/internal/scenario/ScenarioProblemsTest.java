package dev.heatcheck.internal.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
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
    assertEquals(
        problems("bad.yaml", "url: /x\npages: [\"/product/:id\", \"product/*/x\"]\n"),
        "bad.yaml:2:25: pages: \"product/*/x\" is not a path pattern; start with / and use :name for one segment"
            + " or a final * for the rest, e.g. /product/:id");
  }

  @Test
  public void reports_a_tab_used_for_indentation() throws Exception {
    assertEquals(
        problems("bad.yaml", "url: /x\nsteps:\n\t- click: a\n"),
        "bad.yaml:3:1: invalid YAML: a tab character here; indent with spaces, YAML does not allow tabs");
  }

  @Test
  public void reports_a_json_syntax_error_in_one_line() throws Exception {
    assertEquals(
        problems("bad.json", """
        {
          "url": "/x",
          "steps": [{"click": "#a"} {"wait": 5}]
        }
        """),
        "bad.json:3:29: invalid JSON: Unexpected character ('{'): was expecting comma to separate Array entries");
  }

  @Test
  public void reports_an_unknown_step() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        steps:
          - clik: "#a"
        """), """
        bad.yaml:3:5: unknown step "clik"; expected one of: goto, click, fill, hover, press, scroll, wait, pause, choose, maybe, dblclick, input""");
  }

  @Test
  public void reports_an_unknown_top_level_key() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        stpes: []
        """), """
        bad.yaml:2:1: unknown key "stpes"; expected one of: name, url, viewports, visitors, pages, steps, expect, judge, capture, variants, timeouts, seed, workers""");
  }

  @Test
  public void reports_a_workers_count_out_of_range() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        workers: 65
        """), """
        bad.yaml:2:10: workers: expected an integer from 1 to 64, got 65""");
  }

  @Test
  public void reports_every_bad_timeout_where_it_is_written() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        timeouts: {step: 0, load: "30s", visit: 3600001, page: 5}
        """), """
        bad.yaml:2:18: timeouts.step: expected an integer from 1 to 3600000, got 0
        bad.yaml:2:27: timeouts.load: expected an integer from 1 to 3600000, got "30s"
        bad.yaml:2:41: timeouts.visit: expected an integer from 1 to 3600000, got 3600001
        bad.yaml:2:50: timeouts: unknown key "page"; expected one of: step, load, visit""");
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
        bad.yaml:4:44: judge.rage.distance: expected a number from 0 to 10000, got -3
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
        bad.yaml:2:11: visitors: expected an integer from 1 to 10000, got "two\"""");
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
        bad.yaml:3:29: click: unknown key "tims"; expected one of: selector, text, x, y, times, interval, spread""");
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
        bad.yaml:1:11: visitors: expected an integer from 1 to 10000, got 0
        bad.yaml:3:39: click.interval: expected an integer from 0 to 60000, got -5
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
        bad.yaml:5:11: fill: value is required (or a feeder: values: [...], or csv: FILE with column: NAME)
        bad.yaml:6:13: scroll: give only one of to, y, by or depth
        bad.yaml:7:11: goto: expected a path like /product/1 or an http(s) URL, got 42
        bad.yaml:9:15: expect.deadClicks: expected a map like {max: 0}, or a list of them, got 0""");
  }

  @Test
  public void reports_an_empty_file_and_a_second_document() throws Exception {
    assertEquals(
        problems("empty.yaml", "# nothing yet\n"),
        "empty.yaml:1:1: the file is empty; a scenario needs at least a url, e.g. url: /checkout");
    assertEquals(
        problems("two.yaml", "url: /a\n---\nurl: /b\n"),
        "two.yaml:3:1: a second document starts here; put each scenario in its own file");
  }

  @Test
  public void reports_a_missing_file_and_an_empty_folder() throws Exception {
    Path dir = Files.createTempDirectory("scenarios");
    Path missing = dir.resolve("missing.yaml");
    Path empty = Files.createDirectory(dir.resolve("empty"));

    ScenarioException e = expectThrows(
        ScenarioException.class, () -> ScenarioLoader.loadAll(List.of(missing, empty)));

    assertEquals(
        e.getMessage(),
        missing + ":1:1: no such file or folder\n" + empty
            + ":1:1: no scenario files (*.yaml, *.yml or *.json) in this folder");
  }

  @Test
  public void reports_the_bad_file_of_a_folder_and_still_reads_the_good_one() throws Exception {
    Path dir = Files.createTempDirectory("scenarios");
    ScenarioLoaderTest.write(dir, "a-good.yaml", "name: good\nurl: /good\n");
    Path bad = ScenarioLoaderTest.write(
        dir, "b-bad.yaml", "url: /bad\nvisitors: many\nsteps: [clik: x]\n");

    ScenarioException e =
        expectThrows(ScenarioException.class, () -> ScenarioLoader.loadAll(List.of(dir)));

    assertEquals(
        e.getMessage(),
        bad + ":2:11: visitors: expected an integer from 1 to 10000, got \"many\"\n" + bad
            + ":3:9: unknown step \"clik\"; expected one of: goto, click, fill, hover, press, scroll, wait, pause, choose, maybe, dblclick, input");
    assertEquals(e.problems().size(), 2);
    assertEquals(
        ScenarioLoader.loadAll(List.of(dir.resolve("a-good.yaml"))).get(0).name(), "good");
  }

  @Test
  public void reports_two_scenarios_of_one_name() throws Exception {
    Path dir = Files.createTempDirectory("scenarios");
    Path first = ScenarioLoaderTest.write(dir, "a.yaml", "name: same\nurl: /a\n");
    Path second = ScenarioLoaderTest.write(dir, "b.yaml", "name: same\nurl: /b\n");

    ScenarioException e =
        expectThrows(ScenarioException.class, () -> ScenarioLoader.loadAll(List.of(dir)));

    assertEquals(
        e.getMessage(),
        second + ":1:1: scenario name \"same\" is already used by " + first
            + "; set a unique name: in one of them");
  }

  @Test
  public void reports_viewports_outside_200_to_8192_px() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        viewports: [{width: 99999999, height: 800}, {width: 199, height: 8193}, {width: 200, height: 8192}]
        """), """
        bad.yaml:2:21: viewports.width: expected an integer from 200 to 8192, got 99999999
        bad.yaml:2:53: viewports.width: expected an integer from 200 to 8192, got 199
        bad.yaml:2:66: viewports.height: expected an integer from 200 to 8192, got 8193""");
  }

  @Test
  public void reports_urls_that_cannot_be_parsed_where_they_are_written() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: "ht tp://x y"
        steps:
          - goto: "/a|b"
          - goto: "http://"
        variants: [{name: A, url: "/v2%zz"}, {name: B, url: "javascript:alert(1)"}]
        """), """
        bad.yaml:1:6: url: "ht tp://x y" is not a URL: a space at character 3 is not allowed there; \
        percent-encode it (a space is %20)
        bad.yaml:3:11: goto: "/a|b" is not a URL: "|" at character 3 is not allowed there; percent-encode it (a space is %20)
        bad.yaml:4:11: goto: "http://" is not a URL: it ends too early
        bad.yaml:5:27: variants.url: "/v2%zz" is not a URL: "%" at character 4 is not allowed there; \
        percent-encode it (a space is %20)
        bad.yaml:5:53: variants.url: expected a path like /checkout-v2 or an http(s) URL, got "javascript:alert(1)\"""");
  }

  @Test
  public void reports_half_a_character_and_control_characters_where_they_are_written()
      throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        steps:
          - click: "#a\\uD800"
          - fill: {selector: "#b", value: "line\\none\\ttab"}
          - press: "\\u0007"
        "\\uDC00x": 1
        """), """
        bad.yaml:3:12: the text holds \\uD800, half of a character (a lone surrogate), which no file can store; \
        write the whole character or remove it
        bad.yaml:5:12: the text holds the control character \\u0007, which reports cannot store; remove it
        bad.yaml:6:1: the text holds \\uDC00, half of a character (a lone surrogate), which no file can store; \
        write the whole character or remove it
        bad.yaml:6:1: unknown key "\\uDC00x"; expected one of: name, url, viewports, visitors, pages, steps, expect, \
        judge, capture, variants, timeouts, seed, workers""");
    assertEquals(
        problems("bad.json", "{\"url\": \"/x\", \"name\": \"a\\ud83d\"}"),
        "bad.json:1:23: the text holds \\uD83D, half of a character (a lone surrogate), which no file can store;"
            + " write the whole character or remove it");
  }

  @Test
  public void a_whole_character_outside_the_basic_plane_is_fine() throws Exception {
    Path dir = Files.createTempDirectory("scenario");
    Path file = ScenarioLoaderTest.write(
        dir, "ok.yaml", "url: /x\nsteps: [click: \"\\uD83D\\uDE00 \uD83D\uDE00\"]\n");
    assertEquals(
        ScenarioLoader.load(file).steps().get(0),
        new Step.Click(
            new Target.BySelector("\uD83D\uDE00 \uD83D\uDE00"),
            1,
            100,
            0.3,
            new Location(file, 2, 9)));
  }

  @Test
  public void reports_complex_keys_and_alias_keys_in_plain_words() throws Exception {
    assertEquals(
        problems("bad.yaml", "url: /x\n? [a, b]: 1\n"),
        "bad.yaml:2:3: invalid YAML: a key here is a map; keys are plain names (YAML complex keys are not supported)");
    assertEquals(
        problems("bad.yaml", "url: /x\n? [a, b]\n: 1\n"),
        "bad.yaml:2:4: invalid YAML: a key here is a list; keys are plain names (YAML complex keys are not supported)");
    assertEquals(
        problems("bad.yaml", "url: &u /x\n*u : 3\n"),
        "bad.yaml:2:3: invalid YAML: a key here is an alias; keys are plain names (YAML complex keys are not supported)");
  }

  @Test
  public void reports_nesting_past_twenty_levels_where_it_goes_too_deep() throws Exception {
    String deep = "url: /x\nsteps: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertEquals(
        problems("bad.yaml", deep),
        "bad.yaml:2:27: nested more than 20 levels deep here; a scenario needs"
            + " no more than five, so check the brackets and the indentation above");
    String json = "{\"url\": \"/x\", \"a\": " + "{\"b\": ".repeat(5000) + "1" + "}".repeat(5001);
    assertEquals(
        problems("bad.json", json),
        "bad.json:1:134: nested more than 20 levels deep here; a scenario needs"
            + " no more than five, so check the brackets and the indentation above");
  }

  @Test
  public void an_alias_bomb_is_a_list_of_aliases_not_an_expansion() throws Exception {
    StringBuilder bomb =
        new StringBuilder("url: /x\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      String previous = "*" + (char) (c - 1);
      bomb.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, previous)))
          .append("]\n");
    }
    List<String> lines = problems("bad.yaml", bomb.toString()).lines().toList();
    assertEquals(
        lines.get(0),
        "bad.yaml:2:1: unknown key \"a\"; expected one of: name, url, viewports, visitors, pages,"
            + " steps, expect, judge, capture, variants, timeouts, seed, workers");
    assertEquals(
        lines.get(2), "bad.yaml:3:8: YAML aliases (*a) are not supported; write the value out");
    // ten unknown keys, and nine aliases on each of nine lines: nothing expanded
    assertEquals(lines.size(), 10 + 9 * 9);
  }

  @Test
  public void reports_numbers_out_of_range_huge_or_not_finite() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        visitors: 99999999999999999999999
        steps:
          - click: {x: 1e400, y: .nan, times: 101, interval: 60001}
          - click: {x: 1000001, y: -.inf}
          - scroll: {y: 1e300}
          - scroll: {by: -1000001}
          - wait: 60001
        judge: {rage: {distance: .inf}}
        """), """
        bad.yaml:2:11: visitors: expected an integer from 1 to 10000, got 99999999999999999999999
        bad.yaml:4:16: click.x: expected a number from 0 to 1000000, got 1e400
        bad.yaml:4:26: click.y: expected a number from 0 to 1000000, got ".nan"
        bad.yaml:4:39: click.times: expected an integer from 1 to 100, got 101
        bad.yaml:4:54: click.interval: expected an integer from 0 to 60000, got 60001
        bad.yaml:5:16: click.x: expected a number from 0 to 1000000, got 1000001
        bad.yaml:5:28: click.y: expected a number from 0 to 1000000, got "-.inf"
        bad.yaml:6:17: scroll.y: expected a number from 0 to 1000000, got 1e300
        bad.yaml:7:18: scroll.by: expected a number from -1000000 to 1000000, got -1000001
        bad.yaml:8:11: wait: expected an integer from 0 to 60000, got 60001
        bad.yaml:9:26: judge.rage.distance: expected a number from 0 to 10000, got ".inf\"""");
  }

  @Test
  public void reports_cookies_chromium_would_refuse() throws Exception {
    assertEquals(problems("bad.yaml", """
        url: /x
        variants:
          - {name: A, cookie: {ok: "a b,c", "a=b": 1}}
          - {name: B, cookie: {ab: "x;y", cd: " x"}}
        """), """
        bad.yaml:3:37: variants.cookie: "a=b" cannot be a cookie name: it holds "="; a name takes no ; = tab or control \
        character
        bad.yaml:4:28: variants.cookie.ab: "x;y" cannot be a cookie value: it holds ";"; percent-encode it
        bad.yaml:4:39: variants.cookie.cd: " x" cannot be a cookie value: it holds a space at its start or end; \
        percent-encode it""");
  }

  @Test
  public void refuses_a_file_over_1_mb_before_parsing_it() throws Exception {
    assertEquals(
        problems("big.yaml", "url: /x\nname: " + "a".repeat(1 << 20) + "\n"),
        "big.yaml:1:1: the file is over 1 MB; a scenario is a few KB, so this is not one");
  }

  @Test
  public void messages_name_no_library_types() throws Exception {
    for (String text : List.of(
        "url: /x\n? [a, b]: 1\n",
        "url: !!binary aGVsbG8=\n",
        "url: /x\n  bad: [\n",
        "{url: /x, ? {a: 1}: 2}\n",
        "url: /x\n\u0000\n",
        "url: /x\nname: \"\\x\"\n")) {
      String message = problems("bad.yaml", text);
      assertFalse(
          message.matches(
              "(?s).*([a-z]+\\.[a-z]+\\.[A-Z]\\w+|Exception|snakeyaml|LinkedHashMap|StreamReadConstraints).*"),
          message);
    }
  }

  /** The loader's message for one file, with the temporary folder left out so expectations read like a terminal. */
  private static String problems(String name, String content) throws Exception {
    Path dir = Files.createTempDirectory("scenario");
    Path file = ScenarioLoaderTest.write(dir, name, content);
    ScenarioException e = expectThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    return e.getMessage().replace(dir + File.separator, "");
  }
}
