package dev.heatcheck.internal.drive;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.heatcheck.internal.browser.Reasons;
import dev.heatcheck.internal.capture.Recorder;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.internal.scenario.JudgeSettings;
import dev.heatcheck.internal.scenario.Expectation;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScrollTarget;
import dev.heatcheck.internal.scenario.Step;
import dev.heatcheck.internal.scenario.Target;
import dev.heatcheck.internal.scenario.Viewport;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plays a scenario in the browser: every visitor at every viewport in a fresh context with the recorder
 * attached, then one clean full-page screenshot of each page seen, to draw the heatmaps on.
 */
public final class Driver {
  /**
   * @param baseUrl what relative URLs in scenarios resolve against
   * @param settleMs how long to keep watching after the last click, so slow reactions are still seen
   * @param pauseMs a visitor's pause after each click before the next step
   * @param timeoutMs how long a step waits for its element
   */
  public record Options(String baseUrl, long settleMs, long pauseMs, long timeoutMs, Map<String, String> cookies) {
    public Options {
      cookies = Map.copyOf(cookies);
    }

    public static Options defaults(String baseUrl) {
      return new Options(baseUrl, 2_600, 300, 5_000, Map.of());
    }

    /** The same options, with cookies every visitor has before the first page loads (an A/B arm). */
    public Options withCookies(Map<String, String> set) {
      return new Options(baseUrl, settleMs, pauseMs, timeoutMs, set);
    }
  }

  private final Browser browser;
  private final Options options;
  private final EventLog log;
  private final PrintStream warnings;

  /** @param warnings where a screenshot that could not be taken is told */
  public Driver(Browser browser, Options options, EventLog log, PrintStream warnings) {
    this.browser = browser;
    this.options = options;
    this.log = log;
    this.warnings = warnings;
  }

  public Drive drive(Scenario scenario, Path screensDir) {
    List<StepFailure> failures = new ArrayList<>();
    for (Viewport viewport : scenario.viewports()) {
      Map<String, String> pages = new LinkedHashMap<>();
      Set<String> selectors = new LinkedHashSet<>(ruleSelectors(scenario));
      for (int visitor = 1; visitor <= scenario.visitors(); visitor++) {
        String session = scenario.name() + "/" + viewport.label() + "/" + visitor;
        StepFailure failure = visit(scenario, viewport, session, pages, selectors);
        if (failure != null) {
          failures.add(failure);
          break;
        }
      }
      Screenshots.shoot(browser, viewport, pages, selectors, screensDir, options.cookies(), warnings);
    }
    return new Drive(scenario, failures);
  }

  /** Elements the scenario's scroll reach rules name: the screenshots must locate them too. */
  private static List<String> ruleSelectors(Scenario scenario) {
    return scenario.expect().rules().stream()
        .filter(r -> r instanceof Expectation.ScrollReach reach && reach.selector() != null)
        .map(r -> ((Expectation.ScrollReach) r).selector())
        .toList();
  }

  private StepFailure visit(
      Scenario scenario, Viewport viewport, String session, Map<String, String> pages, Set<String> selectors) {
    BrowserContext context = browser.newContext(contextOptions(viewport));
    if (!options.cookies().isEmpty()) {
      String site = resolve(scenario.url());
      context.addCookies(options.cookies().entrySet().stream()
          .map(c -> new Cookie(c.getKey(), c.getValue()).setUrl(site)).toList());
    }
    Event.Judging judging = judging(scenario.judge());
    long longest = scenario.judge().longestWindow();
    Recorder recorder;
    try {
      recorder = Recorder.attach(context, session, scenario.name(), log,
          new Recorder.Options(scenario.capture().maskText(), judging, Math.max(Recorder.Options.defaults().watchMs(), 2 * longest)));
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
    try {
      Page page = context.newPage();
      navigate(page, resolve(scenario.url()), scenario.file() + ": url");
      StepFailure failure = null;
      Steps steps = new Steps(page, recorder);
      for (Step step : scenario.steps()) {
        try {
          steps.run(step);
        } catch (TimeoutError e) {
          failure = new StepFailure(step.at(), viewport.label(),
              describe(step) + ": no visible element matched within " + options.timeoutMs() + " ms");
          break;
        } catch (PlaywrightException e) {
          failure = new StepFailure(step.at(), viewport.label(), describe(step) + ": " + Reasons.of(e));
          break;
        }
      }
      settle(page, recorder, Math.max(options.settleMs(), longest + 100));
      recorder.pagesSeen().forEach(pages::putIfAbsent);
      selectors.addAll(recorder.selectorsClicked());
      return failure;
    } finally {
      recorder.close();
    }
  }

  /** Keeps the context open until the last click's reactions had their full window. */
  private static void settle(Page page, Recorder recorder, long settleMs) {
    long wait = recorder.lastClick() + settleMs - System.currentTimeMillis();
    if (recorder.lastClick() > 0 && wait > 0 && !page.isClosed()) {
      page.waitForTimeout(wait);
    }
  }

  /** A scenario's judge: section as the page views carry it; null when it sets nothing. */
  static Event.Judging judging(JudgeSettings judge) {
    if (judge.isDefault()) {
      return null;
    }
    Map<String, Long> windows = new TreeMap<>();
    judge.windows().forEach((kind, ms) -> windows.put(kind, ms.longValue()));
    boolean rage = judge.rageClicks() != null || judge.rageInterval() != null || judge.rageDistance() != null
        || judge.rageSameTarget() != null;
    return new Event.Judging(windows.isEmpty() ? null : windows, rage
        ? new Event.Judging.Rage(judge.rageClicks(), judge.rageInterval() == null ? null : judge.rageInterval().longValue(),
            judge.rageDistance(), judge.rageSameTarget())
        : null);
  }

  private static Browser.NewContextOptions contextOptions(Viewport viewport) {
    return new Browser.NewContextOptions()
        .setViewportSize(viewport.width(), viewport.height())
        .setDeviceScaleFactor(1)
        .setAcceptDownloads(true);
  }

  String resolve(String url) {
    return URI.create(options.baseUrl()).resolve(url).toString();
  }

  private static void navigate(Page page, String url, String what) {
    try {
      page.navigate(url);
    } catch (PlaywrightException e) {
      throw new SiteUnreachable("cannot open " + url + " (" + what + "): " + Reasons.of(e));
    }
  }

  private static String describe(Step step) {
    if (step instanceof Step.Click c) {
      return "click " + describe(c.target());
    } else if (step instanceof Step.Goto g) {
      return "goto " + g.url();
    } else if (step instanceof Step.Fill f) {
      return "fill " + f.selector();
    } else if (step instanceof Step.Hover h) {
      return "hover " + h.selector();
    } else if (step instanceof Step.Press p) {
      return "press " + p.key();
    } else if (step instanceof Step.Wait w) {
      return w.forSelector() == null ? "wait " + w.ms() + " ms" : "wait for " + w.forSelector();
    }
    return "scroll";
  }

  private static String describe(Target target) {
    if (target instanceof Target.BySelector s) {
      return "\"" + s.css() + "\"";
    } else if (target instanceof Target.ByText t) {
      return "text \"" + t.text() + "\"";
    }
    Target.At a = (Target.At) target;
    return "at " + (long) a.x() + "," + (long) a.y();
  }

  /** Carries out steps on one visitor's page, as a person would: pointer moves, wheel scrolls, pauses. */
  private final class Steps {
    private final Page page;
    private final Recorder recorder;

    Steps(Page page, Recorder recorder) {
      this.page = page;
      this.recorder = recorder;
    }

    void run(Step step) {
      if (!(step instanceof Step.Wait)) {
        recorder.action(page, step.getClass().getSimpleName().toLowerCase());
      }
      if (step instanceof Step.Goto g) {
        navigate(page, resolve(g.url()), g.at().toString());
      } else if (step instanceof Step.Click c) {
        click(c);
      } else if (step instanceof Step.Fill f) {
        visible(f.selector()).fill(f.value());
      } else if (step instanceof Step.Hover h) {
        visible(h.selector()).hover();
      } else if (step instanceof Step.Press p) {
        page.keyboard().press(p.key());
      } else if (step instanceof Step.Scroll s) {
        scroll(s.target());
      } else if (step instanceof Step.Wait w) {
        waitFor(w);
      }
    }

    private Locator visible(String css) {
      Locator locator = page.locator(css).first();
      locator.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(options.timeoutMs()));
      return locator;
    }

    private void click(Step.Click step) {
      double[] point;
      if (step.target() instanceof Target.BySelector s) {
        point = centre(visible(s.css()));
      } else if (step.target() instanceof Target.ByText t) {
        point = centre(byText(t.text()));
      } else {
        Target.At a = (Target.At) step.target();
        point = viewportPoint(a.x(), a.y());
      }
      page.mouse().move(point[0], point[1], new Mouse.MoveOptions().setSteps(6));
      for (int i = 0; i < step.times(); i++) {
        if (i > 0) {
          page.waitForTimeout(step.intervalMs());
        }
        page.mouse().click(point[0], point[1]);
      }
      page.waitForTimeout(options.pauseMs());
    }

    private Locator byText(String text) {
      Locator locator = page.getByText(text, new Page.GetByTextOptions().setExact(true)).first();
      if (locator.count() == 0) {
        locator = page.getByText(text).first();
      }
      locator.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(options.timeoutMs()));
      return locator;
    }

    private double[] centre(Locator locator) {
      locator.scrollIntoViewIfNeeded();
      afterPaint();
      BoundingBox box = locator.boundingBox();
      return new double[] {box.x + box.width / 2, box.y + box.height / 2};
    }

    /** Brings a page point into view and returns where it is in the viewport. */
    private double[] viewportPoint(double x, double y) {
      Object scroll =
          page.evaluate(
              "([x, y]) => { if (y < scrollY || y >= scrollY + innerHeight || x >= scrollX + innerWidth)"
                  + " window.scrollTo(Math.max(0, x - innerWidth / 2), Math.max(0, y - innerHeight / 2));"
                  + " return [scrollX, scrollY]; }",
              List.of(x, y));
      afterPaint();
      List<?> offsets = (List<?>) scroll;
      return new double[] {x - ((Number) offsets.get(0)).doubleValue(), y - ((Number) offsets.get(1)).doubleValue()};
    }

    /** Lets the scroll events of a programmatic scroll fire before the click, so they are not its reaction. */
    private void afterPaint() {
      page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    /** Scrolls with the mouse wheel in steps, as a visitor does, so every depth passed is recorded. */
    private void scroll(ScrollTarget target) {
      double goal = goal(target);
      double last = -1;
      for (int stalled = 0; stalled < 3; ) {
        double y = ((Number) page.evaluate("() => scrollY")).doubleValue();
        double remaining = goal - y;
        if (Math.abs(remaining) < 2) {
          break;
        }
        stalled = Math.abs(y - last) < 1 ? stalled + 1 : 0;
        last = y;
        double viewportHeight = page.viewportSize().height;
        page.mouse().wheel(0, Math.signum(remaining) * Math.min(Math.abs(remaining), viewportHeight * 0.8));
        page.waitForTimeout(80);
      }
    }

    private double goal(ScrollTarget target) {
      if (target instanceof ScrollTarget.ToBottom) {
        return number("() => document.documentElement.scrollHeight - innerHeight");
      } else if (target instanceof ScrollTarget.ToY y) {
        return y.y();
      } else if (target instanceof ScrollTarget.By b) {
        return number("() => scrollY") + b.dy();
      } else if (target instanceof ScrollTarget.ToSelector s) {
        Locator locator = page.locator(s.css()).first();
        locator.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED).setTimeout(options.timeoutMs()));
        return ((Number) locator.evaluate("e => Math.max(0, e.getBoundingClientRect().top + scrollY - 80)")).doubleValue();
      }
      return 0;
    }

    private double number(String script) {
      return ((Number) page.evaluate(script)).doubleValue();
    }

    private void waitFor(Step.Wait step) {
      if (step.forSelector() == null) {
        page.waitForTimeout(step.ms());
      } else {
        visible(step.forSelector());
      }
    }
  }
}
