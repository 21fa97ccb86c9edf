package dev.heatcheck;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import dev.heatcheck.internal.capture.Recorder;
import dev.heatcheck.internal.drive.Screenshots;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.internal.pipeline.OutputDir;
import dev.heatcheck.internal.pipeline.Pipeline;
import dev.heatcheck.internal.pipeline.RunResult;
import dev.heatcheck.internal.scenario.Viewport;
import dev.heatcheck.result.HeatcheckException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * Records what a test's own Playwright page does, from {@link Heatcheck#record} until {@link #stop()}:
 * the same events, maps and findings as a scenario run, without a scenario. {@code stop()} takes off
 * everything the recording attached to the page and its context; the test can go on using them. Dialogs
 * are seen, not answered: the test's own {@code page.onDialog} handler answers them (without one,
 * Playwright dismisses them).
 */
public final class Recording implements AutoCloseable {
  /** How long to keep watching after the last click, so its slow reactions are still seen. */
  private static final long SETTLE_MS = 2_600;

  private final Page page;
  private final Path dir;
  private final EventLog log;
  private final Recorder recorder;
  private final String runId = UUID.randomUUID().toString();
  private final String startedAt = Instant.now().toString();
  private Result result;

  private Recording(Page page, String name, Path dir) {
    Browser browser = page.context().browser();
    if (browser != null) {
      requireChromium(browser.browserType().name());
    }
    this.page = page;
    this.dir = OutputDir.create(dir);
    this.log = EventLog.create(this.dir.resolve("events.jsonl"));
    log.append(
        new Event.Run(Event.FORMAT_VERSION, runId, startedAt, Pipeline.TOOL, browserName(page)));
    String viewport = viewport(page).label();
    this.recorder = Recorder.attach(page.context(), name + "/" + viewport + "/1", name, log);
  }

  static Recording start(Page page, String name, Path dir) {
    return new Recording(page, name, dir);
  }

  /** Ends the recording (once) and analyses it: findings, maps, summary.json, index.html. */
  public Result stop() {
    if (result != null) {
      return result;
    }
    long wait = recorder.lastClick() + SETTLE_MS - System.currentTimeMillis();
    if (recorder.lastClick() > 0 && wait > 0 && !page.isClosed()) {
      page.waitForTimeout(wait);
    }
    recorder.stop();
    log.close();
    Browser browser = page.context().browser();
    if (browser != null) {
      Screenshots.shoot(
          browser,
          viewport(page),
          recorder.pagesSeen(),
          recorder.selectorsClicked(),
          dir.resolve("screens"),
          System.err);
    }
    RunResult run = Pipeline.conclude(dir, runId, startedAt, browserName(page));
    result = new Result(run.outcome());
    return result;
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * heatcheck hears a page through the Chrome DevTools protocol, which Firefox and WebKit do not have: on
   * them it would record nothing, and every assertion would pass.
   *
   * @param browserType Playwright's name of the page's browser type: chromium, firefox or webkit
   */
  static void requireChromium(String browserType) {
    if (!"chromium".equals(browserType)) {
      throw new HeatcheckException("heatcheck records Chromium pages only, and this page is in "
          + browserType + ": open it with playwright.chromium()");
    }
  }

  private static Viewport viewport(Page page) {
    var size = page.viewportSize();
    return size == null ? new Viewport(1280, 800) : new Viewport(size.width, size.height);
  }

  private static String browserName(Page page) {
    Browser browser = page.context().browser();
    return browser == null ? "Chromium" : "Chromium " + browser.version();
  }
}
