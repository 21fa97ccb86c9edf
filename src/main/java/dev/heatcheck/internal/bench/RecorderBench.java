package dev.heatcheck.internal.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import dev.heatcheck.internal.capture.Recorder;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.result.HeatcheckException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * {@code heatcheck bench recorder}: what recording costs a visit. The same scenario, {@code clicks} clicks
 * on a local page whose buttons change the DOM as real ones do, is played with the recorder attached
 * (events written to a temporary events.jsonl, and waited for) and without it, in alternating order so
 * that neither side always runs warmer; each side's time is the median of {@code runs} runs after one
 * warm-up each. By default a click is played as the Driver plays it: the pointer moves there in 6 steps,
 * then clicks; without the steps the visit is all clicks, which shows the recorder's cost at its most.
 */
public final class RecorderBench {
  public static final double GOAL_RATIO = 1.10;
  private static final int BUTTONS = 48;
  private static final int SETTLE_MS = 150;

  /** The two medians, their ratio, and the recorder's size as pages get it, and gzipped for comparison. */
  public record Outcome(double onMs, double offMs, double ratio, int scriptBytes, int gzipBytes) {}

  /**
   * @param clicks clicks per visit
   * @param runs visits each way, after one warm-up each
   * @param pointerSteps the pointer's moves on its way to each click, as the Driver makes 6; 0 clicks
   *     without moving there first
   */
  public record Options(int clicks, int runs, int pointerSteps) {
    public static final int DRIVER_STEPS = 6;

    public static Options defaults() {
      return new Options(200, 3, DRIVER_STEPS);
    }
  }

  private final Browser browser;
  private final String url;
  private final Options options;

  private RecorderBench(Browser browser, String url, Options options) {
    this.browser = browser;
    this.url = url;
    this.options = options;
  }

  /** Runs the scenario {@code runs} times each way and prints the report to {@code out}. */
  public static Outcome run(Browser browser, Options options, PrintStream out) {
    try (LocalServer site = LocalServer.serve("dev/heatcheck/internal/demo/site")
        .route("/recorder-bench", exchange -> {
          byte[] body = page().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.getResponseHeaders().set("Cache-Control", "no-store");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        })) {
      Outcome outcome = new RecorderBench(browser, site.baseUrl() + "/recorder-bench", options)
          .measure(options.runs());
      print(outcome, options, out);
      return outcome;
    }
  }

  static void print(Outcome o, Options options, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "recorder bench: %d clicks (pointer moved in %d steps to each), the median of %d runs each way after a warm-up%n",
        options.clicks(),
        options.pointerSteps(),
        options.runs());
    out.printf(
        Locale.ROOT,
        "recorder cost: on %.0f ms, off %.0f ms, ratio %.3f (goal <= %.2f)%n",
        o.onMs(),
        o.offMs(),
        o.ratio(),
        GOAL_RATIO);
    out.printf(
        Locale.ROOT,
        "recorder size: %d bytes as sent through the DevTools protocol (%d bytes gzipped)%n",
        o.scriptBytes(),
        o.gzipBytes());
  }

  private Outcome measure(int runs) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory("heatcheck-bench-recorder-");
    } catch (IOException e) {
      throw new HeatcheckException(
          "cannot make a temporary folder for the recorder bench: " + e.getMessage(), e);
    }
    try {
      visit(true, scratch);
      visit(false, scratch);
      List<Double> on = new ArrayList<>();
      List<Double> off = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        boolean onFirst = run % 2 == 0;
        (onFirst ? on : off).add(visit(onFirst, scratch));
        (onFirst ? off : on).add(visit(!onFirst, scratch));
      }
      double onMs = median(on);
      double offMs = median(off);
      return new Outcome(
          onMs, offMs, onMs / offMs, bytes(Recorder.script()), gzipped(Recorder.script()));
    } finally {
      try (var files = Files.walk(scratch)) {
        files.sorted(Collections.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // a temporary folder left behind is no reason to fail the bench
      }
    }
  }

  /** One visitor: a fresh context, the page, every click; with recording, until the last click is logged. */
  private double visit(boolean record, Path scratch) {
    Path events = scratch.resolve("events-" + System.nanoTime() + ".jsonl");
    BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
    EventLog log = EventLog.create(events);
    try {
      long start = System.nanoTime();
      Recorder recorder =
          record ? Recorder.attach(context, "bench/1280x800/1", "bench", log) : null;
      Page page = context.newPage();
      page.navigate(url);
      List<?> centres = (List<?>) page.evaluate(
          "() => [...document.querySelectorAll('button')].map(b => { const r = b.getBoundingClientRect();"
              + " return [r.left + r.width / 2, r.top + r.height / 2]; })");
      for (int i = 0; i < options.clicks(); i++) {
        List<?> centre = (List<?>) centres.get((i * 7) % centres.size());
        double x = ((Number) centre.get(0)).doubleValue();
        double y = ((Number) centre.get(1)).doubleValue();
        if (options.pointerSteps() > 0) {
          page.mouse().move(x, y, new Mouse.MoveOptions().setSteps(options.pointerSteps()));
        }
        page.mouse().click(x, y);
      }
      while (recorder != null && recorder.clicksRecorded() < options.clicks()) {
        page.waitForTimeout(5);
      }
      double ms = (System.nanoTime() - start) / 1e6;
      page.waitForTimeout(
          SETTLE_MS); // the last batch of reactions arrives before the context closes
      return ms;
    } finally {
      Recorder.close(context);
      log.close();
    }
  }

  /** Buttons in a grid that do what buttons do: add rows, flip attributes, change text, or nothing. */
  private static String page() {
    StringBuilder html = new StringBuilder(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>recorder bench</title>"
            + "<style>body{font:14px sans-serif;margin:16px;display:grid;grid-template-columns:repeat(8,1fr);gap:12px}"
            + "button{height:48px}.card{padding:4px;border:1px solid #ccc}</style></head><body>");
    for (int i = 0; i < BUTTONS; i++) {
      html.append("<div class=\"card\"><button data-kind=\"")
          .append(i % 4)
          .append("\">Button <span>")
          .append(i)
          .append("</span></button><p class=\"out\"></p></div>");
    }
    html.append(
        "<script>for (const b of document.querySelectorAll('button')) b.addEventListener('click', () => {"
            + " const out = b.nextElementSibling; switch (b.dataset.kind) {"
            + " case '0': out.append(document.createElement('i')); break;"
            + " case '1': b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true')); break;"
            + " case '2': out.textContent = String(Date.now() % 97); break; default: } });</script></body></html>");
    return html.toString();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static int bytes(String script) {
    return script.getBytes(StandardCharsets.UTF_8).length;
  }

  private static int gzipped(String script) {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(script.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zipped.size();
  }
}
