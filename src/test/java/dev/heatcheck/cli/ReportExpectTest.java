package dev.heatcheck.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.events.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * {@code heatcheck report --expect FILE} on events written elsewhere: the scenarios of the events are held
 * to the file's rules, which win over rules the run recorded, with the failures the run recorded; a bad
 * file is reported as replay reports it, and older events (no recorded rules) report no checks, as
 * before.
 */
public class ReportExpectTest {
  private static final String RUN = "{\"type\":\"run\",\"v\":1,\"runId\":\"r1\",\"startedAt\":"
      + "\"2026-11-30T10:00:00Z\",\"tool\":\"heatcheck 0.1.0\",\"files\":{\"shop\":\"shop.json\"}";
  private static final String VIEW =
      "{\"type\":\"view\",\"id\":\"v%d\",\"session\":\"shop/1280x800/%d\",\"scenario\":\"shop\","
          + "\"url\":\"http://127.0.0.1/cart\",\"path\":\"/cart\",\"vw\":1280,\"vh\":800,\"docW\":1280,"
          + "\"docH\":1600,\"t\":1000}";
  /** A click nothing answers: dead. */
  private static final String CLICK =
      "{\"type\":\"click\",\"id\":\"c%d\",\"view\":\"v%d\",\"session\":\"shop/1280x800/%d\",\"t\":2000,"
          + "\"x\":100,\"y\":100,\"target\":{\"selector\":\"#buy\",\"tag\":\"button\",\"text\":\"Buy\","
          + "\"box\":[80,80,60,40],\"rx\":0.3,\"ry\":0.5}}";

  private Path dir;

  @BeforeClass
  public void folder() throws IOException {
    dir = Files.createTempDirectory("heatcheck-report-expect");
  }

  @Test
  public void report_expect_holds_the_events_scenarios_to_the_files_rules() throws IOException {
    Path events = events("plain.jsonl", RUN + "}");
    Path strict = rules("strict.yaml", "expect:\n  deadClicks: {max: 1}\n");

    Cli report = report(events, "out-strict", "--expect", strict.toString());

    assertEquals(report.code(), 1, report.toString());
    JsonNode summary = summary("out-strict");
    assertEquals(checks(summary), List.of("shop deadClicks fail 2 " + strict + ":2:3"));
    assertEquals(summary.path("scenarios").get(0).path("visitors").asInt(), 2, summary.toString());
    assertTrue(report.out().contains("deadClicks"), report.out());
  }

  @Test
  public void per_visitor_rules_count_the_visitors_the_events_played() throws IOException {
    Path events = events("per-visitor.jsonl", RUN + "}");
    Path perVisitor = rules("per-visitor.yaml", "expect:\n  deadClicks: {per: visitor, max: 1}\n");

    Cli report = report(events, "out-per-visitor", "--expect", perVisitor.toString());

    assertEquals(report.code(), 0, report.toString());
    assertEquals(
        checks(summary("out-per-visitor")),
        List.of("shop deadClicks per visitor pass 1 " + perVisitor + ":2:3"));
  }

  @Test
  public void recorded_rules_hold_without_the_flag_and_the_flag_wins_over_them()
      throws IOException {
    Path events = events(
        "recorded.jsonl",
        RUN
            + ",\"expect\":{\"file\":\"recorded.yaml\",\"text\":\"expect:\\n  deadClicks: {max: 0}\\n\"}}");
    Path looser = rules("looser.yaml", "expect:\n  deadClicks: {max: 5}\n");

    Cli recorded = report(events, "out-recorded");
    Cli flag = report(events, "out-flag", "--expect", looser.toString());

    assertEquals(recorded.code(), 1, recorded.toString());
    assertEquals(
        checks(summary("out-recorded")), List.of("shop deadClicks fail 2 recorded.yaml:2:3"));
    assertEquals(flag.code(), 0, flag.toString());
    assertEquals(checks(summary("out-flag")), List.of("shop deadClicks pass 2 " + looser + ":2:3"));
  }

  @Test
  public void failures_the_run_recorded_are_held_to_failure_rules_and_listed() throws IOException {
    Path events = events(
        "failed.jsonl",
        RUN
            + ",\"expect\":{\"file\":\"failures.yaml\",\"text\":\"expect:\\n  failedVisitors: {max: 1}\\n\"}}",
        "{\"type\":\"failed\",\"id\":\"r1:failed:1\",\"what\":\"visitor\",\"scenario\":\"shop\","
            + "\"session\":\"shop/1280x800/2\",\"viewport\":\"1280x800\",\"at\":\"shop.json:4:5\","
            + "\"step\":\"click \\\"#buy\\\"\",\"reason\":\"the step took longer than 30 s\"}",
        "{\"type\":\"failed\",\"id\":\"r1:failed:2\",\"what\":\"later\",\"scenario\":\"shop\"}");

    Cli report = report(events, "out-failed");

    assertEquals(report.code(), 0, report.toString());
    JsonNode summary = summary("out-failed");
    assertEquals(checks(summary), List.of("shop failedVisitors pass 1 failures.yaml:2:3"));
    assertEquals(summary.path("failedVisitors").size(), 1, summary.toString());
    assertEquals(summary.path("failedVisitors").get(0).path("session").asText(), "shop/1280x800/2");
  }

  @Test
  public void events_without_recorded_rules_report_no_checks_as_before() throws IOException {
    Path events = events("older.jsonl", RUN + "}");

    Cli report = report(events, "out-older");

    assertEquals(report.code(), 0, report.toString());
    JsonNode summary = summary("out-older");
    assertEquals(summary.path("checks").size(), 0, summary.toString());
    assertEquals(summary.path("findings").get(0).path("count").asInt(), 2, summary.toString());
  }

  @Test
  public void a_bad_expect_file_is_exit_2_with_the_line_replay_gives_for_it() throws IOException {
    Path events = events("bad.jsonl", RUN + "}");
    Path bad = rules("bad.yaml", "expect:\n  deadClicks: {max: lots}\n");

    Cli report = report(events, "out-bad", "--expect", bad.toString());
    Cli replay = Cli.run(
        "replay",
        "--expect",
        bad.toString(),
        "--out",
        dir.resolve("out-bad-replay").toString(),
        events.toString());

    assertEquals(report.code(), 2, report.toString());
    assertTrue(report.err().startsWith(bad + ":2:"), report.err());
    assertEquals(report.err(), replay.err());
    assertFalse(report.err().contains("Exception"), report.err());
    assertFalse(Files.exists(dir.resolve("out-bad")), "nothing is written");
  }

  @Test
  public void a_missing_expect_file_is_exit_2_naming_it() throws IOException {
    Path events = events("missing.jsonl", RUN + "}");
    Path missing = dir.resolve("missing.yaml");

    Cli report = report(events, "out-missing", "--expect", missing.toString());

    assertEquals(report.code(), 2, report.toString());
    assertEquals(report.err().strip(), missing + ":1:1: no such file");
  }

  /** The run line given, then two visitors at one viewport, each with one dead click, then the rest. */
  private Path events(String name, String run, String... after) throws IOException {
    List<String> lines = new ArrayList<>(List.of(run));
    for (int visitor = 1; visitor <= 2; visitor++) {
      lines.add(String.format(VIEW, visitor, visitor));
      lines.add(String.format(CLICK, visitor, visitor, visitor));
    }
    lines.addAll(List.of(after));
    return Files.write(dir.resolve(name), lines);
  }

  private Path rules(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private Cli report(Path events, String out, String... more) {
    List<String> args = new ArrayList<>(List.of(
        "report", "--events", events.toString(), "--out", dir.resolve(out).toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private JsonNode summary(String out) throws IOException {
    return Json.mapper().readTree(dir.resolve(out).resolve("summary.json").toFile());
  }

  /** Each check as "scenario rule level actual at". */
  private static List<String> checks(JsonNode summary) {
    List<String> out = new ArrayList<>();
    summary
        .path("checks")
        .forEach(c -> out.add(c.path("scenario").asText() + " "
            + c.path("rule").asText() + " " + c.path("level").asText() + " "
            + c.path("actual").asText() + " " + c.path("at").asText()));
    return out;
  }
}
