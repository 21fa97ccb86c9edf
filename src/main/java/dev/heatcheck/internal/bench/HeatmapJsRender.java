package dev.heatcheck.internal.bench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * The heatmap.js side of the report bench: the same clicks, read from the same events.jsonl, drawn by
 * heatmap.js in a page of the headless Chromium, timed inside the page.
 */
final class HeatmapJsRender {
  private static final String PNG_PREFIX = "data:image/png;base64,";
  /** Points per upload: 2 MB of float64 pairs, under 3 MB of base64. */
  private static final int UPLOAD_POINTS = 131_072;

  private HeatmapJsRender() {}

  static Result measure(
      BrowserSession session,
      HeatmapJsPackage heatmapJs,
      Path events,
      int width,
      int height,
      int radius,
      int warmups,
      int runs,
      Path png,
      PrintStream progress) {
    try (BrowserContext context = session.browser().newContext()) {
      // the page is built from strings; nothing may be fetched, let alone from the network
      context.route("**/*", Route::abort);
      Page page = context.newPage();
      page.setContent(
          "<!doctype html><html><head><meta charset=\"utf-8\"><title>heatmap.js bench</title></head>"
              + "<body></body></html>");
      page.addScriptTag(new Page.AddScriptTagOptions().setContent(heatmapJs.source()));
      page.addScriptTag(new Page.AddScriptTagOptions().setContent(benchScript()));

      progress.println("heatcheck: loading the clicks into the page");
      Upload upload = new Upload(page);
      EventReader.read(
          List.of(events), EventReader.Options.defaults().only(Set.of("click")), upload);
      upload.flush();
      Map<?, ?> prepared = (Map<?, ?>) page.evaluate("() => __heatcheckBench.prepare()");

      List<Run> warm = new ArrayList<>();
      List<Run> timed = new ArrayList<>();
      for (int i = 1; i <= warmups + runs; i++) {
        boolean warmup = i <= warmups;
        progress.println("heatcheck: heatmap.js "
            + (warmup ? "warm-up " + i + "/" + warmups : "run " + (i - warmups) + "/" + runs));
        Map<?, ?> result = (Map<?, ?>) page.evaluate(
            "([width, height, radius]) => __heatcheckBench.run(width, height, radius)",
            List.of(width, height, radius));
        (warmup ? warm : timed)
            .add(new Run(
                number(result, "setDataMs"),
                number(result, "renderMs"),
                number(result, "encodeMs")));
      }
      writePng((String) page.evaluate("() => __heatcheckBench.lastPng()"), png);
      return new Result(
          warm,
          timed,
          upload.points,
          (long) number(prepared, "points"),
          (long) number(prepared, "distinct"),
          (long) number(prepared, "max"),
          png);
    }
  }

  private static String benchScript() {
    try (InputStream in = HeatmapJsRender.class.getResourceAsStream("heatmapjs-bench.js")) {
      if (in == null) {
        throw new HeatcheckException(
            "heatmapjs-bench.js is missing from the heatcheck jar; rebuild it with mvn package");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HeatcheckException(
          "cannot read heatmapjs-bench.js from the heatcheck jar: " + e.getMessage(), e);
    }
  }

  private static void writePng(String dataUrl, Path png) {
    if (dataUrl == null || !dataUrl.startsWith(PNG_PREFIX)) {
      throw new HeatcheckException(
          "heatmap.js gave no PNG data URL; the bench page is broken, please report this");
    }
    try {
      Files.write(png, Base64.getDecoder().decode(dataUrl.substring(PNG_PREFIX.length())));
    } catch (IOException e) {
      throw new HeatcheckException("cannot write " + png + ": " + e.getMessage(), e);
    }
  }

  private static double number(Map<?, ?> map, String key) {
    if (map.get(key) instanceof Number number) {
      return number.doubleValue();
    }
    throw new HeatcheckException(
        "the bench page returned no " + key + " (" + map + "); please report this");
  }

  /** The in-page timings of one render, in ms. */
  record Run(double setDataMs, double renderMs, double encodeMs) {
    /** setData's own aggregation: its points summed into heatmap.js's store before rendering. */
    double storeMs() {
      return setDataMs - renderMs;
    }

    double totalMs() {
      return setDataMs + encodeMs;
    }
  }

  record Result(
      List<Run> warmups,
      List<Run> runs,
      long uploaded,
      long points,
      long distinct,
      long max,
      Path png) {
    Samples phase(ToDoubleFunction<Run> ms) {
      return Samples.of(runs.stream()
          .mapToLong(run -> Math.round(ms.applyAsDouble(run) * 1e6))
          .toArray());
    }
  }

  /** Sends every click to the page in float64 pairs, a batch at a time. */
  private static final class Upload implements Consumer<Event> {
    private final Page page;
    private final ByteBuffer batch =
        ByteBuffer.allocate(UPLOAD_POINTS * 16).order(ByteOrder.LITTLE_ENDIAN);
    long points;

    Upload(Page page) {
      this.page = page;
    }

    @Override
    public void accept(Event event) {
      if (!(event instanceof Event.Click click)) {
        return;
      }
      batch.putDouble(click.x()).putDouble(click.y());
      points++;
      if (!batch.hasRemaining()) {
        flush();
      }
    }

    void flush() {
      if (batch.position() == 0) {
        return;
      }
      byte[] bytes = new byte[batch.position()];
      batch.flip().get(bytes);
      batch.clear();
      page.evaluate(
          "base64 => __heatcheckBench.add(base64)", Base64.getEncoder().encodeToString(bytes));
    }
  }
}
