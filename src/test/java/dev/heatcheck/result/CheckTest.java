package dev.heatcheck.result;

import static org.testng.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.testng.annotations.Test;

/** A check's one line, read alike in every report, and its fields in summary.json. */
public class CheckTest {
  private static final String AT = "scenarios/guide.yaml:14:3";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  public void a_min_rule_warns_below_its_warn_level() {
    assertEquals(
        new Check("guide", "scrollReach #footer", Level.WARN, 0.6, 0.5, 0.8, Bound.MIN, AT).line(),
        "scrollReach #footer was 0.6, limit 0.5, warns below 0.8 (scenarios/guide.yaml:14:3)");
  }

  @Test
  public void a_max_rule_warns_above_its_warn_level() {
    assertEquals(
        new Check("guide", "deadClicks", Level.WARN, 2, null, 1, Bound.MAX, AT).line(),
        "deadClicks was 2, warns above 1 (scenarios/guide.yaml:14:3)");
  }

  @Test
  public void a_rule_with_nothing_to_measure_says_why() {
    assertEquals(
        new Check(
                "guide",
                "scrollReach y 900 on /x",
                Level.FAIL,
                "no page view of /x",
                0.5,
                null,
                Bound.MIN,
                AT)
            .line(),
        "scrollReach y 900 on /x: no page view of /x, limit 0.5 (scenarios/guide.yaml:14:3)");
  }

  @Test
  public void a_skipped_rule_says_why() {
    assertEquals(
        new Check(
                "guide",
                "newDeadClicks",
                Level.SKIP,
                "no baseline to compare with",
                0,
                null,
                Bound.MAX,
                AT)
            .line(),
        "newDeadClicks skipped: no baseline to compare with (scenarios/guide.yaml:14:3)");
  }

  @Test
  public void a_range_reads_as_its_limit() {
    assertEquals(
        new Check("guide", "clickShare #buy", Level.FAIL, 0.1, "0.2..0.5", null, null, AT).line(),
        "clickShare #buy was 0.1, limit 0.2..0.5 (scenarios/guide.yaml:14:3)");
  }

  @Test
  public void only_a_failure_fails() {
    assertEquals(
        List.of(Level.values()).stream()
            .map(l -> new Check("s", "r", l, 1, 1, null, Bound.MAX, AT).passed())
            .toList(),
        List.of(true, true, false, true));
  }

  @Test
  public void summary_json_keeps_lower_case_levels_and_a_passed_field_for_scripts()
      throws Exception {
    Check check =
        new Check("guide", "scrollReach #footer", Level.WARN, 0.6, 0.5, 0.8, Bound.MIN, AT);
    JsonNode json = JSON.readTree(JSON.writeValueAsString(check));
    assertEquals(
        json.toString(),
        "{\"scenario\":\"guide\",\"rule\":\"scrollReach #footer\",\"passed\":true,\"level\":\"warn\","
            + "\"actual\":0.6,\"limit\":0.5,\"warn\":0.8,\"bound\":\"min\",\"at\":\"scenarios/guide.yaml:14:3\"}");
    assertEquals(
        JSON.readerFor(Check.class)
            .without(
                com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readValue(json),
        check);
  }

  @Test
  public void kinds_read_and_write_as_their_words() throws Exception {
    Finding finding = new Finding(Kind.RAGE, "s", "/", "1280x800", "#buy", "Buy", 2, null);
    String json = JSON.writeValueAsString(finding);
    assertEquals(JSON.readTree(json).path("kind").asText(), "rage");
    assertEquals(JSON.readValue(json, Finding.class), finding);
    assertEquals(Kind.DEAD + " " + Kind.of("error"), "dead error");
  }
}
