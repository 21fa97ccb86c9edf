package dev.heatcheck.internal.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * schema/scenario.schema.json, the schema editors complete and check scenarios with, against the loader:
 * every scenario the repository ships or uses as a fixture is valid, what the loader refuses the schema
 * refuses, and each map of the format has the keys the loader's own messages list.
 */
public class ScenarioSchemaTest {
  private static final Path SCHEMA = Path.of("schema/scenario.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern EXPECTED_KEYS =
      Pattern.compile("expected one of: ([A-Za-z, ]+)$", Pattern.MULTILINE);

  private final JsonNode schemaTree = read(SCHEMA);
  private final Schema schema =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaTree);

  @DataProvider
  public Object[][] scenario_files() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("scenarios"), Path.of("src/test/resources"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(f -> f.toString().matches(".*\\.(yaml|yml|json)$"))
            .filter(f ->
                !f.startsWith("src/test/resources/replay")) // recordings to replay, not scenarios
            .sorted()
            .forEach(files::add);
      }
    }
    return files.stream().map(f -> new Object[] {f}).toArray(Object[][]::new);
  }

  @Test(dataProvider = "scenario_files")
  public void a_file_the_loader_reads_is_valid_and_one_it_refuses_is_not(Path file) {
    List<Error> errors = schema.validate(read(file));
    try {
      ScenarioLoader.load(file);
    } catch (ScenarioException refused) {
      assertFalse(
          errors.isEmpty(),
          file + " is refused by the loader (" + refused.getMessage() + ") but valid");
      return;
    }
    assertEquals(errors, List.of(), file + " loads");
  }

  /** One mistake each, most of them from ScenarioProblemsTest; each is refused by the loader and by the schema. */
  @DataProvider
  public Object[][] refused_scenarios() {
    return new Object[][] {
      {"an unknown top-level key", "url: /x\nstpes: []\n"},
      {"a missing url", "name: checkout\n"},
      {"a url of another scheme", "url: ftp://example.com/\n"},
      {"a blank name", "url: /x\nname: \" \"\n"},
      {"a wrong type for visitors", "url: /x\nvisitors: two\n"},
      {"no visitors", "url: /x\nvisitors: 0\n"},
      {"no workers", "url: /x\nworkers: 0\n"},
      {"no viewports", "url: /x\nviewports: []\n"},
      {"a viewport without its height", "url: /x\nviewports: [{width: 1280}]\n"},
      {
        "an unknown key in a viewport",
        "url: /x\nviewports: [{width: 1280, height: 800, depth: 2}]\n"
      },
      {"a page pattern that is not a path", "url: /x\npages: [\"/product/:id\", \"product/*/x\"]\n"
      },
      {"steps that are not a list", "url: /x\nsteps: {click: \"#a\"}\n"},
      {"an unknown step", "url: /x\nsteps:\n  - clik: \"#a\"\n"},
      {"a bare step name", "url: /x\nsteps:\n  - press\n"},
      {"a step with two keys", "url: /x\nsteps:\n  - click: \"#a\"\n    times: 3\n"},
      {"a goto that is a number", "url: /x\nsteps:\n  - goto: 42\n"},
      {"a click with no target", "url: /x\nsteps:\n  - click: {times: 2}\n"},
      {"a click with two targets", "url: /x\nsteps:\n  - click: {selector: \"#a\", text: Buy}\n"},
      {"a click at x without y", "url: /x\nsteps:\n  - click: {x: 10}\n"},
      {"a hover at x without y", "url: /x\nsteps:\n  - hover: {x: 10}\n"},
      {"a hover point off the page", "url: /x\nsteps:\n  - hover: {x: -5, y: 10}\n"},
      {"a hover with an unknown key", "url: /x\nsteps:\n  - hover: {x: 10, y: 20, z: 1}\n"},
      {
        "a click at a point and on a selector",
        "url: /x\nsteps:\n  - click: {selector: \"#a\", x: 1, y: 2}\n"
      },
      {"an unknown key in a click", "url: /x\nsteps:\n  - click: {selector: \"#a\", tims: 3}\n"},
      {"a negative click interval", "url: /x\nsteps:\n  - click: {selector: \"#a\", interval: -5}\n"
      },
      {"a fill without its value", "url: /x\nsteps:\n  - fill: {selector: \"#email\"}\n"},
      {"a scroll with two targets", "url: /x\nsteps:\n  - scroll: {to: top, by: 5}\n"},
      {"a scroll with no target", "url: /x\nsteps:\n  - scroll: {}\n"},
      {"a wait in words", "url: /x\nsteps:\n  - wait: 5s\n"},
      {"a wait for nothing", "url: /x\nsteps:\n  - wait: {until: \"#done\"}\n"},
      {"a rule that is a number", "url: /x\nexpect:\n  deadClicks: 0\n"},
      {"an unknown rule", "url: /x\nexpect:\n  deadClick: {max: 0}\n"},
      {"a rule without max or warn", "url: /x\nexpect:\n  rageClicks: {page: /x}\n"},
      {"a rule per something unknown", "url: /x\nexpect:\n  errorClicks: {max: 1, per: click}\n"},
      {
        "a rule at a viewport not written WxH",
        "url: /x\nexpect:\n  deadClicks: {max: 0, viewport: mobile}\n"
      },
      {"a share above 1", "url: /x\nexpect:\n  scrollReach: {selector: \"#p\", min: 50}\n"},
      {
        "a scroll reach with selector and y",
        "url: /x\nexpect:\n  scrollReach: {selector: \"#p\", y: 100, min: 0.5}\n"
      },
      {"a click share without selector", "url: /x\nexpect:\n  clickShare: {min: 0.2}\n"},
      {"a window past 60000 ms", "url: /x\njudge:\n  windows: {request: 61000}\n"},
      {"a negative window", "url: /x\njudge:\n  windows: {mutation: -1}\n"},
      {"an unknown window", "url: /x\njudge:\n  windows: {scrol: 100}\n"},
      {"a window in words", "url: /x\njudge:\n  windows: {focus: \"1s\"}\n"},
      {"a rage of one click", "url: /x\njudge:\n  rage: {clicks: 1}\n"},
      {"a rage interval of 0", "url: /x\njudge:\n  rage: {interval: 0}\n"},
      {"a negative rage distance", "url: /x\njudge:\n  rage: {distance: -3}\n"},
      {"sameTarget in words", "url: /x\njudge:\n  rage: {sameTarget: \"yes\"}\n"},
      {"an unknown judge key", "url: /x\njudge:\n  extra: 1\n"},
      {"judge in a word", "url: /x\njudge: strict\n"},
      {"capture as a list", "url: /x\ncapture: [maskText]\n"},
      {"maskText as a number", "url: /x\ncapture: {maskText: 1}\n"},
      {"one variant", "url: /x\nvariants: [{name: A}]\n"},
      {"a variant without a name", "url: /x\nvariants: [{name: A}, {query: {layout: b}}]\n"},
      {
        "a variant name that cannot name a folder",
        "url: /x\nvariants: [{name: A}, {name: \"B/C\"}]\n"
      },
      {
        "an unknown key in a variant",
        "url: /x\nvariants: [{name: A}, {name: B, cookies: {ab: c}}]\n"
      },
      {"a negative seed", "url: /x\nseed: -1\n"},
      {"a seed in words", "url: /x\nseed: lucky\n"},
      {"a choose that is a map", "url: /x\nsteps:\n  - choose: {weight: 1, steps: []}\n"},
      {"an empty choose", "url: /x\nsteps:\n  - choose: []\n"},
      {"a weight of 0", "url: /x\nsteps:\n  - choose: [{weight: 0, steps: [wait: 1]}]\n"},
      {"an alternative without steps", "url: /x\nsteps:\n  - choose: [{weight: 2}]\n"},
      {"a bad step inside choose", "url: /x\nsteps:\n  - choose: [{steps: [clik: a]}]\n"},
      {"a maybe without p", "url: /x\nsteps:\n  - maybe: {steps: [wait: 1]}\n"},
      {"a p above 1", "url: /x\nsteps:\n  - maybe: {p: 30, steps: []}\n"},
      {"a pause in words", "url: /x\nsteps:\n  - pause: 2s\n"},
      {"a pause without max", "url: /x\nsteps:\n  - pause: {min: 300}\n"},
      {"a scroll depth above 1", "url: /x\nsteps:\n  - scroll: {depth: 1.5}\n"},
      {"a scroll depth and a y", "url: /x\nsteps:\n  - scroll: {depth: 0.5, y: 100}\n"},
      {"a spread above 1", "url: /x\nsteps:\n  - click: {selector: \"#a\", spread: 2}\n"},
      {
        "a fill with value and values",
        "url: /x\nsteps:\n  - fill: {selector: a, value: b, values: [c]}\n"
      },
      {"an empty feeder", "url: /x\nsteps:\n  - fill: {selector: a, values: []}\n"},
      {"a csv without its column", "url: /x\nsteps:\n  - fill: {selector: a, csv: users.csv}\n"},
      {"a column without csv", "url: /x\nsteps:\n  - fill: {selector: a, value: b, column: c}\n"},
    };
  }

  @Test(dataProvider = "refused_scenarios")
  public void what_the_loader_refuses_the_schema_refuses(String mistake, String yaml)
      throws IOException {
    Path file =
        Files.writeString(Files.createTempDirectory("heatcheck-schema").resolve("bad.yaml"), yaml);

    expectThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    assertFalse(schema.validate(read(file)).isEmpty(), mistake + " is valid:\n" + yaml);
  }

  /** Forms the shipped scenarios and fixtures do not use; the loader reads each. */
  @DataProvider
  public Object[][] accepted_scenarios() {
    return new Object[][] {
      {"empty sections", "url: /x\nsteps:\npages:\nexpect:\njudge:\ncapture:\nvariants:\n"},
      {"an absolute URL", "url: https://shop.example.test/checkout?step=1\n"},
      {
        "keys and text that read as numbers",
        "url: /x\nsteps:\n  - press: 1\n  - click: {text: 2026}\n  - fill: {selector: \"#q\", value: \"\"}\n"
      },
      {
        "rules as lists",
        "url: /x\nexpect:\n  deadClicks: [{max: 0, page: /checkout}, {warn: 1, max: 3, per: 100 clicks, viewport: 390x844}]\n"
            + "  newRageClicks: {max: 0, selector: \"#buy\", per: visitor}\n"
            + "  scrollReach: [{y: 1200, page: /guide, min: 0.5}, {selector: \"#p\", warn: 0.9}]\n"
            + "  clickShare: {selector: \"#buy\", page: /checkout, max: 0.8}\n"
      },
      {
        "variants with a URL, a query and cookies",
        "url: /x\nvariants:\n  - name: A\n  - name: B-2\n    query: {layout: b, n: 2}\n"
            + "  - name: c_3\n    url: /checkout-v2\n    cookie: {ab: c, seen: \"\"}\n"
      },
      {
        "seeded variety",
        "url: /x\nseed: 9007199254740991\nsteps:\n"
            + "  - choose:\n      - {weight: 7, steps: [click: \"#a\", {pause: 500}]}\n"
            + "      - {steps: []}\n      - {weight: 2, steps: [{maybe: {p: 0.5, steps: [{choose: [{steps: []}]}]}}]}\n"
            + "  - maybe: {p: 0, steps: [{scroll: {depth: 1}}]}\n"
            + "  - pause: {min: 300, max: 2000}\n  - scroll: {depth: {min: 0.3, max: 1.0}}\n"
            + "  - click: {text: Buy, spread: 0}\n  - fill: {selector: \"#q\", values: [a, 2, \"\"]}\n"
      },
      {
        "every judge setting",
        "url: /x\njudge:\n  windows: {mutation: 0, scroll: 60000, selection: 1, focus: 1, request: 1, navigation: 1,"
            + " dialog: 1, popup: 1, download: 1, error: 1}\n  rage: {clicks: 100, interval: 1, distance: 0.5, sameTarget: true}\n"
      },
    };
  }

  @Test(dataProvider = "accepted_scenarios")
  public void what_the_loader_reads_the_schema_accepts(String form, String yaml)
      throws IOException {
    Path file =
        Files.writeString(Files.createTempDirectory("heatcheck-schema").resolve("good.yaml"), yaml);

    ScenarioLoader.load(file);
    assertEquals(schema.validate(read(file)), List.of(), form);
  }

  /** The bounds scenario loading enforces on sizes and counts, at the bound and one past it. */
  @DataProvider
  public Object[][] bounds() {
    return new Object[][] {
      {"viewports: [{width: 200, height: 8192}]", true},
      {"viewports: [{width: 199, height: 800}]", false},
      {"viewports: [{width: 1280, height: 8193}]", false},
      {"visitors: 10000", true},
      {"visitors: 10001", false},
      {"timeouts: {step: 1, load: 3600000, visit: 300000}", true},
      {"timeouts: {step: 0}", false},
      {"timeouts: {visit: 3600001}", false},
      {"expect: {failedVisitors: {max: 0}, failedPages: [{max: 1000000}]}", true},
      {"expect: {failedPages: {max: -1}}", false},
      {"steps: [click: {selector: \"#a\", times: 100, interval: 60000}]", true},
      {"steps: [click: {selector: \"#a\", times: 101}]", false},
      {"steps: [wait: 60001]", false},
      {"judge: {rage: {distance: 10001}}", false},
      {"seed: 0", true},
      {"seed: 9007199254740992", false},
      {"steps: [pause: {min: 0, max: 60000}]", true},
      {"steps: [pause: 60001]", false},
      {"steps: [choose: [{weight: 1000000, steps: []}]]", true},
      {"steps: [choose: [{weight: 1000001, steps: []}]]", false},
      {"steps: [scroll: {depth: {min: 0, max: 1}}]", true},
      {"steps: [scroll: {depth: {min: -0.1, max: 1}}]", false},
      {"steps: [click: {selector: a, spread: 1}]", true},
      {"steps: [click: {selector: a, spread: -0.1}]", false},
    };
  }

  @Test(dataProvider = "bounds")
  public void sizes_and_counts_are_bounded_as_scenario_loading_bounds_them(
      String setting, boolean valid) throws IOException {
    JsonNode scenario = YAML.readTree("url: /x\n" + setting + "\n");

    assertEquals(schema.validate(scenario).isEmpty(), valid, setting);
  }

  /** Where a map sits in a scenario, a scenario with an unknown key there, and where the schema lists that map's keys. */
  @DataProvider
  public Object[][] maps() {
    return new Object[][] {
      {"the top level", "url: /x\nzzz: 1\n", "/properties"},
      {
        "a viewport",
        "url: /x\nviewports: [{width: 1280, height: 800, zzz: 1}]\n",
        "/definitions/viewport/properties"
      },
      {"the steps", "url: /x\nsteps: [zzz: 1]\n", "/definitions/step/properties"},
      {
        "a click",
        "url: /x\nsteps: [click: {selector: a, zzz: 1}]\n",
        "/definitions/step/properties/click/anyOf/1/properties"
      },
      {
        "a fill",
        "url: /x\nsteps: [fill: {selector: a, value: b, zzz: 1}]\n",
        "/definitions/step/properties/fill/properties"
      },
      {
        "a scroll",
        "url: /x\nsteps: [scroll: {to: top, zzz: 1}]\n",
        "/definitions/step/properties/scroll/properties"
      },
      {
        "a wait",
        "url: /x\nsteps: [wait: {for: a, zzz: 1}]\n",
        "/definitions/step/properties/wait/anyOf/1/properties"
      },
      {"expect", "url: /x\nexpect: {zzz: 1}\n", "/properties/expect/properties"},
      {
        "a count rule",
        "url: /x\nexpect: {deadClicks: {max: 0, zzz: 1}}\n",
        "/definitions/frictionRule/properties"
      },
      {
        "a scroll reach rule",
        "url: /x\nexpect: {scrollReach: {y: 1, min: 0.5, zzz: 1}}\n",
        "/definitions/scrollReachRule/properties"
      },
      {
        "a click share rule",
        "url: /x\nexpect: {clickShare: {selector: a, min: 0.5, zzz: 1}}\n",
        "/definitions/clickShareRule/properties"
      },
      {"judge", "url: /x\njudge: {zzz: 1}\n", "/properties/judge/properties"},
      {
        "the windows",
        "url: /x\njudge: {windows: {zzz: 1}}\n",
        "/properties/judge/properties/windows/properties"
      },
      {
        "the rage rule",
        "url: /x\njudge: {rage: {zzz: 1}}\n",
        "/properties/judge/properties/rage/properties"
      },
      {"capture", "url: /x\ncapture: {zzz: 1}\n", "/properties/capture/properties"},
      {
        "a variant",
        "url: /x\nvariants: [{name: A}, {name: B, zzz: 1}]\n",
        "/properties/variants/items/properties"
      },
      {"timeouts", "url: /x\ntimeouts: {zzz: 1}\n", "/properties/timeouts/properties"},
      {
        "an alternative",
        "url: /x\nsteps: [choose: [{steps: [], zzz: 1}]]\n",
        "/definitions/step/properties/choose/items/properties"
      },
      {
        "a maybe",
        "url: /x\nsteps: [maybe: {p: 1, steps: [], zzz: 1}]\n",
        "/definitions/step/properties/maybe/properties"
      },
      {
        "a pause",
        "url: /x\nsteps: [pause: {min: 1, max: 2, zzz: 1}]\n",
        "/definitions/step/properties/pause/anyOf/1/properties"
      },
      {
        "a scroll depth",
        "url: /x\nsteps: [scroll: {depth: {min: 0, max: 1, zzz: 1}}]\n",
        "/definitions/shareRange/properties"
      },
      {
        "a failure limit",
        "url: /x\nexpect: {failedVisitors: {max: 0, zzz: 1}}\n",
        "/definitions/failureLimit/properties"
      },
    };
  }

  @Test(dataProvider = "maps")
  public void each_map_has_the_keys_the_loader_lists(String where, String yaml, String pointer)
      throws IOException {
    Path file =
        Files.writeString(Files.createTempDirectory("heatcheck-schema").resolve("keys.yaml"), yaml);
    ScenarioException e = expectThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
    Matcher listed = EXPECTED_KEYS.matcher(e.getMessage());
    assertTrue(listed.find(), e.getMessage());

    List<String> schemaKeys = new ArrayList<>();
    schemaTree.at(pointer).fieldNames().forEachRemaining(schemaKeys::add);

    List<String> loaderKeys = new ArrayList<>(Arrays.asList(listed.group(1).split(", ")));
    Collections.sort(schemaKeys);
    Collections.sort(loaderKeys);
    assertEquals(schemaKeys, loaderKeys, where);
  }

  private static JsonNode read(Path file) {
    try {
      return (file.toString().endsWith(".json") ? JSON : YAML).readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
