package dev.heatcheck.internal.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.browser.Reasons;
import dev.heatcheck.internal.drive.Driver;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.Step;
import dev.heatcheck.internal.scenario.Target;
import dev.heatcheck.internal.scenario.Viewport;
import dev.heatcheck.result.HeatcheckException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The same visits as a heatcheck run, played by plain Playwright for Java with nothing recorded: the
 * yardstick of {@code bench crowd}. {@code workers} threads each start their own Playwright and Chromium
 * (Playwright for Java's threading rule, and what heatcheck's workers do) and take the next visitor
 * until there is none left; each visitor is a fresh context.
 *
 * <p>A visitor does what {@link Driver}'s visitor does, step for step and with its settings: the element
 * is waited for, scrolled into view and its centre found after two frames; the pointer moves there in 6
 * steps; the clicks of a burst are {@code interval} apart; a pause follows each click; the visit keeps
 * its page until the judgement windows after the last click have passed. What heatcheck adds, and this
 * does not, is the recorder, the event log, the deadlines, the screenshots and the report.
 */
final class PlainCrowd {
  /** Driver's pointer: it moves to each click in this many steps. */
  private static final int POINTER_STEPS = 6;

  /** What the crowd did: clicks made, and each visitor that failed, with why. */
  record Played(long clicks, List<String> failures) {}

  private final Scenario scenario;
  private final Viewport viewport;
  private final String baseUrl;
  private final Driver.Options driving;
  private final long settleMs;

  PlainCrowd(Scenario scenario, Viewport viewport, String baseUrl) {
    this.scenario = scenario;
    this.viewport = viewport;
    this.baseUrl = baseUrl;
    this.driving = Driver.Options.defaults(baseUrl);
    // as Driver settles: its settle time, or the longest judgement window and a little more
    this.settleMs = Math.max(driving.settleMs(), scenario.judge().longestWindow() + 100);
    for (Step step : scenario.steps()) {
      if (step instanceof Step.Scroll
          || step instanceof Step.Click c && c.target() instanceof Target.At) {
        throw new HeatcheckException(
            "bench crowd: the plain Playwright side plays click (by selector"
                + " or text), fill, goto, hover, press and wait steps; " + step.at()
                + " is another kind");
      }
    }
  }

  /**
   * Plays {@code visitors} visitors on {@code workers} threads and returns when all are done.
   *
   * @param browsers starts one Playwright and Chromium; called on the thread that uses it
   */
  Played play(int visitors, int workers, Supplier<BrowserSession> browsers) {
    AtomicInteger next = new AtomicInteger(1);
    AtomicLong clicks = new AtomicLong();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    List<RuntimeException> fatal = Collections.synchronizedList(new ArrayList<>());
    for (int w = 1; w <= workers; w++) {
      Thread thread = new Thread(
          () -> {
            try {
              work(visitors, next, clicks, failures, browsers);
            } catch (RuntimeException e) {
              fatal.add(e);
            }
          },
          "heatcheck-plain-" + w);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HeatcheckException("bench crowd was interrupted", e);
      }
    }
    if (!fatal.isEmpty()) {
      throw fatal.get(0);
    }
    List<String> sorted = new ArrayList<>(failures);
    Collections.sort(sorted);
    return new Played(clicks.get(), sorted);
  }

  private void work(
      int visitors,
      AtomicInteger next,
      AtomicLong clicks,
      List<String> failures,
      Supplier<BrowserSession> browsers) {
    BrowserSession session = browsers.get();
    try {
      for (int visitor = next.getAndIncrement();
          visitor <= visitors;
          visitor = next.getAndIncrement()) {
        if (!session.isAlive()) {
          session.close();
          session = browsers.get();
        }
        try {
          clicks.addAndGet(visit(session.browser()));
        } catch (RuntimeException e) {
          failures.add(
              scenario.name() + "/" + viewport.label() + "/" + visitor + ": " + Reasons.of(e));
        }
      }
    } finally {
      session.close();
    }
  }

  /** One visitor in a fresh context; returns the clicks it made. */
  private long visit(Browser browser) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(viewport.width(), viewport.height())
        .setDeviceScaleFactor(1)
        .setAcceptDownloads(true));
    try {
      Page page = context.newPage();
      page.navigate(resolve(scenario.url()));
      long clicks = 0;
      long lastClick = 0;
      for (Step step : scenario.steps()) {
        if (step instanceof Step.Click c) {
          lastClick = click(page, c);
          clicks += c.times();
        } else if (step instanceof Step.Fill f) {
          visible(page, f.selector()).fill(f.value());
        } else if (step instanceof Step.Goto g) {
          page.navigate(resolve(g.url()));
        } else if (step instanceof Step.Hover h) {
          visible(page, h.selector()).hover();
        } else if (step instanceof Step.Press p) {
          page.keyboard().press(p.key());
        } else if (step instanceof Step.Wait w) {
          if (w.forSelector() == null) {
            page.waitForTimeout(w.ms());
          } else {
            visible(page, w.forSelector());
          }
        }
      }
      long wait = lastClick + settleMs - System.currentTimeMillis();
      if (lastClick > 0 && wait > 0) {
        page.waitForTimeout(wait);
      }
      return clicks;
    } finally {
      context.close();
    }
  }

  /** Clicks as Driver does; returns when the last click was made. */
  private long click(Page page, Step.Click step) {
    Locator target = step.target() instanceof Target.BySelector s
        ? visible(page, s.css())
        : byText(page, ((Target.ByText) step.target()).text());
    target.scrollIntoViewIfNeeded();
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    BoundingBox box = target.boundingBox();
    double x = box.x + box.width / 2;
    double y = box.y + box.height / 2;
    page.mouse().move(x, y, new Mouse.MoveOptions().setSteps(POINTER_STEPS));
    for (int i = 0; i < step.times(); i++) {
      if (i > 0) {
        page.waitForTimeout(step.intervalMs());
      }
      page.mouse().click(x, y);
    }
    long last = System.currentTimeMillis();
    page.waitForTimeout(driving.pauseMs());
    return last;
  }

  private Locator visible(Page page, String css) {
    Locator locator = page.locator(css).first();
    locator.waitFor(new Locator.WaitForOptions()
        .setState(WaitForSelectorState.VISIBLE)
        .setTimeout(driving.timeoutMs()));
    return locator;
  }

  private Locator byText(Page page, String text) {
    Locator locator =
        page.getByText(text, new Page.GetByTextOptions().setExact(true)).first();
    if (locator.count() == 0) {
      locator = page.getByText(text).first();
    }
    locator.waitFor(new Locator.WaitForOptions()
        .setState(WaitForSelectorState.VISIBLE)
        .setTimeout(driving.timeoutMs()));
    return locator;
  }

  private String resolve(String url) {
    return URI.create(baseUrl).resolve(url).toString();
  }
}
