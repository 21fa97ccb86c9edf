package dev.heatcheck.internal.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScrollTarget;
import dev.heatcheck.internal.scenario.Step;
import dev.heatcheck.internal.scenario.Target;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replayed recordings as scenario YAML ({@code heatcheck replay --to-scenario DIR}) that {@code
 * ScenarioLoader} reads back and {@code heatcheck run} plays: the same located steps and waits, and an
 * {@code expect:} block from what the replay found, so a reported friction becomes a regression test.
 *
 * <p>A masked value is never written: its step holds {@link #MASKED}, to be replaced by hand.
 */
public final class ScenarioWriter {
  /** What stands in a written scenario for a value the recording masked. */
  public static final String MASKED = "<masked: replace with the value to type>";

  /** The longest wait a scenario file takes. */
  private static final long MAX_WAIT_MS = 60_000;

  private ScenarioWriter() {}

  /**
   * Writes {@code <scenario name>.yaml} for each scenario into {@code dir}; returns the files.
   *
   * @param expect per scenario name, the limits to write (rule name to max), in order
   */
  public static List<Path> write(
      List<Scenario> scenarios, Path dir, Map<String, Map<String, Integer>> expect) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (Scenario scenario : scenarios) {
        Path file = dir.resolve(scenario.name() + ".yaml");
        Files.writeString(file, yaml(scenario, expect.getOrDefault(scenario.name(), Map.of())));
        written.add(file);
      }
    } catch (IOException e) {
      throw new HeatcheckException("--to-scenario " + dir + ": cannot write: " + e.getMessage(), e);
    }
    return written;
  }

  static String yaml(Scenario scenario, Map<String, Integer> expect) {
    StringBuilder out = new StringBuilder();
    out.append("# Replayed from ")
        .append(scenario.file())
        .append(" by heatcheck replay --to-scenario.\n");
    out.append(
        "# Each step tries its locators in order, then the recorded point; waits are the recorded gaps.\n");
    out.append(
        "# hover: {x, y} is a recorded pointer move to that page point; with frame: [...], to that\n");
    out.append("# point of the viewport of the iframe the first of those selectors finds.\n");
    out.append("name: ").append(quote(scenario.name())).append('\n');
    out.append("url: ").append(quote(scenario.url())).append('\n');
    out.append("viewports: [");
    out.append(String.join(
        ", ",
        scenario.viewports().stream()
            .map(v -> "{width: " + v.width() + ", height: " + v.height() + "}")
            .toList()));
    out.append("]\nvisitors: 1\n");
    out.append("timeouts: {visit: ").append(scenario.timeouts().visit()).append("}\n");
    out.append("steps:\n");
    for (Step step : scenario.steps()) {
      step(step, out);
    }
    if (!expect.isEmpty()) {
      out.append("# What the replay found, as limits: more than this fails.\nexpect:\n");
      expect.forEach((rule, max) ->
          out.append("  ").append(rule).append(": {max: ").append(max).append("}\n"));
    }
    return out.toString();
  }

  private static void step(Step step, StringBuilder out) {
    if (step instanceof Step.Wait w && w.forSelector() == null) {
      for (long left = w.ms(); left > 0; left -= MAX_WAIT_MS) {
        out.append("  - wait: ").append(Math.min(left, MAX_WAIT_MS)).append('\n');
      }
    } else if (step instanceof Step.Goto g) {
      out.append("  - goto: ").append(quote(g.url())).append('\n');
    } else if (step instanceof Step.Press p) {
      out.append("  - press: ").append(quote(p.key())).append('\n');
    } else if (step instanceof Step.Click c && c.target() instanceof Target.Located l) {
      out.append("  - click: ").append(located(l, "")).append(recorded(l));
    } else if (step instanceof Step.DoubleClick d && d.target() instanceof Target.Located l) {
      out.append("  - dblclick: ").append(located(l, "")).append(recorded(l));
    } else if (step instanceof Step.Input i) {
      String extra = i.checked() != null
          ? ", checked: " + i.checked()
          : ", value: " + quote(i.value() == null || masked(i) ? MASKED : i.value());
      out.append("  - input: ").append(located(i.target(), extra)).append(recorded(i.target()));
    } else if (step instanceof Step.Scroll s && s.target() instanceof ScrollTarget.Within w) {
      out.append("  - scroll: ")
          .append(located(w.target(), ", left: " + number(w.x()) + ", top: " + number(w.y())))
          .append(recorded(w.target()));
    } else if (step instanceof Step.Move m && m.target() instanceof Target.Located l) {
      out.append("  - hover: ").append(located(l, "")).append(recorded(l));
    } else if (step instanceof Step.Move m && m.target() instanceof Target.At a) {
      out.append("  - hover: {x: ")
          .append(number(a.x()))
          .append(", y: ")
          .append(number(a.y()))
          .append("}\n");
    } else if (step instanceof Step.Move m && m.target() instanceof Target.InFrame f) {
      out.append("  - hover: {frame: [")
          .append(
              String.join(", ", f.frame().stream().map(ScenarioWriter::quote).toList()))
          .append("], x: ")
          .append(number(f.x()))
          .append(", y: ")
          .append(number(f.y()))
          .append(f.recordedMs() == null ? "" : ", recorded: " + f.recordedMs())
          .append("}\n");
    } else if (step instanceof Step.Scroll s && s.target() instanceof ScrollTarget.ToY y) {
      out.append("  - scroll: {y: ").append(number(y.y())).append("}\n");
    }
  }

  /** Masked values are marked by the player's plan; a value given with --input is not the scenario's to keep. */
  private static boolean masked(Step.Input input) {
    return input.masked();
  }

  private static String located(Target.Located target, String extra) {
    StringBuilder out = new StringBuilder("{locate: [");
    out.append(
        String.join(", ", target.locate().stream().map(ScenarioWriter::quote).toList()));
    out.append(']');
    if (target.hasPoint()) {
      out.append(", x: ").append(number(target.x())).append(", y: ").append(number(target.y()));
    }
    if (target.recordedMs() != null) {
      out.append(", recorded: ").append(target.recordedMs());
    }
    return out.append(extra).append('}').toString();
  }

  private static String recorded(Target.Located target) {
    return target.recordedMs() == null
        ? "\n"
        : "   # at " + Replays.seconds(target.recordedMs()) + " into the recording\n";
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  /** A JSON string is a YAML double-quoted scalar. */
  static String quote(String text) {
    try {
      return Json.mapper().writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
