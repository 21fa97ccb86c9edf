package dev.heatcheck.internal.drive;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.Tracing;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.microsoft.playwright.options.WaitUntilState;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.browser.Reasons;
import dev.heatcheck.internal.capture.Recorder;
import dev.heatcheck.internal.capture.Selectors;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.internal.scenario.Expectation;
import dev.heatcheck.internal.scenario.JudgeSettings;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.ScrollTarget;
import dev.heatcheck.internal.scenario.Step;
import dev.heatcheck.internal.scenario.Target;
import dev.heatcheck.internal.scenario.Timeouts;
import dev.heatcheck.internal.scenario.Viewport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Plays a scenario in the browser: every visitor at every viewport in a fresh context with the recorder
 * attached, then one clean full-page screenshot of each page seen, to draw the heatmaps on.
 *
 * <p>A Driver is one worker: one thread, one browser, one visitor at a time. Each visitor is a unit
 * that either completes or is ended with a reason ({@link VisitorFailure}): every step, page load and
 * visit has a deadline that a {@link Watchdog} enforces from outside the page, and a browser that dies
 * is replaced for the visitors after. Events a visitor sent before its end stay in the log.
 */
public final class Driver implements AutoCloseable {
  /** Network errors that mean nothing answers at that address: the run cannot say anything about the site. */
  private static final List<String> UNREACHABLE = List.of(
      "ERR_CONNECTION_REFUSED",
      "ERR_NAME_NOT_RESOLVED",
      "ERR_NAME_RESOLUTION_FAILED",
      "ERR_ADDRESS_UNREACHABLE",
      "ERR_INTERNET_DISCONNECTED",
      "ERR_ADDRESS_INVALID");

  /**
   * @param baseUrl what relative URLs in scenarios resolve against
   * @param settleMs how long to keep watching after the last click, so slow reactions are still seen
   * @param pauseMs a visitor's pause after each click before the next step
   * @param timeoutMs how long a step waits for its element
   * @param deadline when the whole run must stop driving
   * @param traceDir where each visitor's Playwright trace is written ({@link #traceFile}); null for none
   */
  public record Options(
      String baseUrl,
      long settleMs,
      long pauseMs,
      long timeoutMs,
      Map<String, String> cookies,
      RunDeadline deadline,
      Path traceDir) {
    public Options {
      cookies = Map.copyOf(cookies);
      deadline = deadline == null ? RunDeadline.NONE : deadline;
    }

    public Options(
        String baseUrl,
        long settleMs,
        long pauseMs,
        long timeoutMs,
        Map<String, String> cookies,
        RunDeadline deadline) {
      this(baseUrl, settleMs, pauseMs, timeoutMs, cookies, deadline, null);
    }

    public Options(
        String baseUrl, long settleMs, long pauseMs, long timeoutMs, Map<String, String> cookies) {
      this(baseUrl, settleMs, pauseMs, timeoutMs, cookies, RunDeadline.NONE);
    }

    public static Options defaults(String baseUrl) {
      return new Options(baseUrl, 2_600, 300, 5_000, Map.of());
    }

    /** The same options, with cookies every visitor has before the first page loads (an A/B arm). */
    public Options withCookies(Map<String, String> set) {
      return new Options(baseUrl, settleMs, pauseMs, timeoutMs, set, deadline, traceDir);
    }

    /** The same options, stopping at the run's deadline. */
    public Options withDeadline(RunDeadline runDeadline) {
      return new Options(baseUrl, settleMs, pauseMs, timeoutMs, cookies, runDeadline, traceDir);
    }

    /** The same options, writing each visitor's Playwright trace into {@code dir} (null: none). */
    public Options withTraceDir(Path dir) {
      return new Options(baseUrl, settleMs, pauseMs, timeoutMs, cookies, deadline, dir);
    }
  }

  private final Supplier<BrowserSession> browsers;
  private final Options options;
  private final EventLog log;
  private final PrintStream notices;
  private final Watchdog watchdog = new Watchdog();
  private BrowserSession session;

  /**
   * Starts the worker's browser.
   *
   * @param browsers starts a browser: the first, and one for the visitors after a browser died
   * @param notices where a browser replaced and a screenshot that could not be taken are told
   */
  public Driver(
      Supplier<BrowserSession> browsers, Options options, EventLog log, PrintStream notices) {
    this.browsers = browsers;
    this.options = options;
    this.log = log;
    this.notices = notices;
    this.session = browsers.get();
  }

  /** The browser driving now. */
  public BrowserSession session() {
    return session;
  }

  @Override
  public void close() {
    watchdog.close();
    session.close();
  }

  /** Plays a scenario's visitors one after the other, then shoots each viewport's pages: one worker. */
  public Drive drive(Scenario scenario, Path screensDir) {
    List<StepFailure> failures = new ArrayList<>();
    List<VisitorFailure> visitors = new ArrayList<>();
    List<PageFailure> pageFailures = new ArrayList<>();
    boolean timedOut = false;
    for (Viewport viewport : scenario.viewports()) {
      Map<String, String> pages = new LinkedHashMap<>();
      Set<String> selectors = new LinkedHashSet<>();
      for (int visitor = 1; visitor <= scenario.visitors(); visitor++) {
        Played played = play(scenario, viewport, visitor);
        played.pagesSeen().forEach(pages::putIfAbsent);
        selectors.addAll(played.selectorsClicked());
        pageFailures.addAll(played.pageFailures());
        if (played.ended() != null) {
          visitors.add(played.ended());
        }
        timedOut |= played.timedOut();
        if (played.failure() != null) {
          failures.add(played.failure());
          break;
        }
      }
      shoot(scenario, viewport, pages, selectors, screensDir);
    }
    return new Drive(scenario, failures, visitors, pageFailures, timedOut);
  }

  /**
   * Plays one planned visitor in a fresh context; once the run's deadline passed, reports it as not
   * started instead.
   *
   * @param visitor 1-based, within the scenario's viewport
   */
  public Played play(Scenario scenario, Viewport viewport, int visitor) {
    String session = scenario.name() + "/" + viewport.label() + "/" + visitor;
    if (options.deadline().passed()) {
      VisitorFailure notStarted = new VisitorFailure(
          scenario.name(),
          session,
          viewport.label(),
          null,
          null,
          "not started: " + options.deadline().reason());
      return new Played(session, null, notStarted, List.of(), Map.of(), Set.of(), true);
    }
    Map<String, String> pages = new LinkedHashMap<>();
    Set<String> selectors = new LinkedHashSet<>();
    Visit visit = new Visit(scenario, viewport, visitor, session);
    StepFailure failure = visit.play(pages, selectors);
    return new Played(
        session,
        failure,
        visit.ended,
        visit.pageFailures,
        pages,
        selectors,
        visit.ended != null && options.deadline().passed());
  }

  /**
   * The screenshots of one viewport's pages, within a load deadline per page; what is not shot is drawn
   * on blank. Nothing is shot once the run's deadline passed.
   *
   * @param pages what the viewport's visitors saw, page key to URL
   * @param selectors what they clicked
   */
  public void shoot(
      Scenario scenario,
      Viewport viewport,
      Map<String, String> pages,
      Set<String> selectors,
      Path dir) {
    if (options.deadline().passed()) {
      return;
    }
    Set<String> located = new LinkedHashSet<>(ruleSelectors(scenario));
    located.addAll(selectors);
    BrowserSession live = live();
    long ms = Math.min(
        (long) (pages.size() + 1) * scenario.timeouts().load(),
        options.deadline().leftMs());
    watchdog.reset();
    try (Watchdog.Deadline deadline = watchdog.arm(live, ms, "screenshots")) {
      Screenshots.shoot(live.browser(), viewport, pages, located, dir, options.cookies(), notices);
    } catch (PlaywrightException e) {
      // the browser died meanwhile: the maps of these pages are drawn on blank, the next visitor
      // gets a new one
    }
  }

  /** The worker's browser, a new one when the last one died. */
  private BrowserSession live() {
    if (!session.isAlive()) {
      notices.println("The browser closed or crashed; starting a new one for the visitors left");
      session.close();
      session = browsers.get();
    }
    return session;
  }

  /** Elements the scenario's scroll reach rules name: the screenshots must locate them too. */
  private static List<String> ruleSelectors(Scenario scenario) {
    return scenario.expect().rules().stream()
        .filter(r -> r instanceof Expectation.ScrollReach reach && reach.selector() != null)
        .map(r -> ((Expectation.ScrollReach) r).selector())
        .toList();
  }

  /** Thrown inside a visit when it cannot go on; the visit ends with this reason. */
  private static final class VisitEnded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VisitEnded(String reason) {
      super(reason, null, false, false);
    }
  }

  /** One visitor: a fresh context, the start URL, the steps, each phase within its deadline. */
  private final class Visit {
    private final Scenario scenario;
    private final Viewport viewport;
    private final int visitor;
    /** This visitor's own draws, from the seed, scenario, viewport and visitor number only. */
    private final SplittableRandom random;

    private final String name;
    private final Timeouts timeouts;
    private final long visitEnd;
    private final List<PageFailure> pageFailures = new ArrayList<>();
    private BrowserSession browser;
    private VisitorFailure ended;
    private String at;
    private String doing;
    private boolean crashed;
    private boolean loaded;
    private String loadFailure;

    Visit(Scenario scenario, Viewport viewport, int visitor, String name) {
      this.scenario = scenario;
      this.viewport = viewport;
      this.visitor = visitor;
      this.random = VisitorRandom.of(
          scenario.seed() == null ? 0 : scenario.seed(),
          scenario.crowd(),
          viewport.label(),
          visitor);
      this.name = name;
      this.timeouts = scenario.timeouts();
      this.visitEnd = System.currentTimeMillis() + timeouts.visit();
      this.at = scenario.file() + " (url)";
      this.doing = "open " + scenario.url();
    }

    /** Plays the visit; returns the step that could not be done, if any. {@link #ended} says whether it was ended. */
    StepFailure play(Map<String, String> pages, Set<String> selectors) {
      watchdog.reset();
      browser = live();
      BrowserContext context = null;
      Recorder recorder = null;
      try {
        context = browser.browser().newContext(contextOptions(viewport));
        startTrace(context);
        if (!options.cookies().isEmpty()) {
          String site = resolve(scenario.url());
          context.addCookies(options.cookies().entrySet().stream()
              .map(c -> new Cookie(c.getKey(), c.getValue()).setUrl(site))
              .toList());
        }
        Event.Judging judging = judging(scenario.judge());
        long longest = scenario.judge().longestWindow();
        recorder = Recorder.attach(
            context,
            name,
            scenario.name(),
            log,
            new Recorder.Options(
                scenario.capture().maskText(),
                judging,
                Math.max(Recorder.Options.defaults().watchMs(), 2 * longest)));
        context.onResponse(this::onResponse);
        context.onRequestFailed(this::onRequestFailed);
        Page page = context.newPage();
        page.onCrash(p -> crashed = true);
        page.onLoad(p -> loaded = true);
        navigate(page, resolve(scenario.url()));
        StepFailure failure = steps(page, recorder);
        if (ended == null) {
          try (Watchdog.Deadline deadline = guard(
              Math.max(options.settleMs(), longest + 100) + timeouts.step(),
              "timeouts.step",
              timeouts.step())) {
            settle(page, recorder, Math.max(options.settleMs(), longest + 100));
          }
        }
        return failure;
      } catch (VisitEnded e) {
        end(e.getMessage());
        return null;
      } catch (PlaywrightException e) {
        end(fault().orElse(Reasons.of(e)));
        return null;
      } finally {
        if (recorder != null) {
          recorder.pagesSeen().forEach(pages::putIfAbsent);
          selectors.addAll(recorder.selectorsClicked());
        }
        close(context, recorder);
      }
    }

    private StepFailure steps(Page page, Recorder recorder) {
      Steps steps = new Steps(page, recorder, this);
      for (Script.Act act : Script.draw(scenario.steps(), visitor, random)) {
        Step step = act.step();
        at = step.at().toString();
        doing = describe(step);
        try (Watchdog.Deadline deadline = guard(budget(step), "timeouts.step", timeouts.step())) {
          steps.run(act);
        } catch (TimeoutError e) {
          if (fault().isPresent()) {
            end(fault().get());
            return null;
          }
          return new StepFailure(
              step.at(),
              viewport.label(),
              describe(step) + ": no visible element matched within " + options.timeoutMs()
                  + " ms");
        } catch (PlaywrightException e) {
          if (fault().isPresent()) {
            end(fault().get());
            return null;
          }
          return new StepFailure(
              step.at(), viewport.label(), describe(step) + ": " + Reasons.of(e));
        }
      }
      return null;
    }

    /** How long a step may take: the step deadline, plus what the step itself asks to wait. */
    private long budget(Step step) {
      long own = step instanceof Step.Wait w
          ? w.ms()
          : step instanceof Step.Pause p
              ? p.maxMs()
              : step instanceof Step.Click c
                  ? (long) c.times() * c.intervalMs() + options.pauseMs()
                  : step instanceof Step.Goto ? timeouts.load() + Watchdog.GRACE_MS : 0;
      return timeouts.step() + own;
    }

    /**
     * A deadline for one phase: its own, or the visit's or the run's when they come first. Past it, the
     * watchdog stops the pages and the reason says which deadline it was.
     */
    private Watchdog.Deadline guard(long phaseMs, String setting, long settingMs) {
      long visitLeft = visitEnd - System.currentTimeMillis();
      long runLeft = options.deadline().leftMs();
      if (runLeft <= phaseMs && runLeft <= visitLeft) {
        return watchdog.arm(browser, runLeft, options.deadline().reason());
      } else if (visitLeft <= phaseMs) {
        return watchdog.arm(
            browser,
            visitLeft,
            "timeouts.visit (" + timeouts.visit()
                + " ms) passed; the visitor's pages were stopped");
      }
      return watchdog.arm(
          browser,
          phaseMs,
          setting + " (" + settingMs + " ms) passed; the visitor's pages were stopped");
    }

    /** Why a call failed when it was not the site's doing: a deadline, a crashed page, a dead browser. */
    private Optional<String> fault() {
      if (watchdog.fired() != null) {
        return Optional.of(watchdog.fired());
      } else if (!browser.isAlive()) {
        return Optional.of("the browser closed or crashed");
      } else if (crashed) {
        return Optional.of("the page crashed (its renderer process died)");
      }
      return Optional.empty();
    }

    private void end(String reason) {
      ended = new VisitorFailure(scenario.name(), name, viewport.label(), at, doing, reason);
    }

    /**
     * Loads a page: until its load event, or until its document failed (a cut connection leaves a
     * document that never finishes loading, and the browser says so at once).
     */
    void navigate(Page page, String url) {
      loaded = false;
      loadFailure = null;
      long loadMs = timeouts.load();
      try (Watchdog.Deadline deadline =
          guard(loadMs + Watchdog.GRACE_MS, "timeouts.load", loadMs)) {
        page.navigate(
            url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT).setTimeout(loadMs));
        page.waitForCondition(
            () -> loaded || loadFailure != null,
            new Page.WaitForConditionOptions().setTimeout(loadMs));
      } catch (TimeoutError e) {
        if (fault().isPresent()) {
          throw e;
        }
        throw new VisitEnded("timeouts.load (" + loadMs + " ms) passed: " + withoutQuery(url)
            + " did not finish loading");
      } catch (PlaywrightException e) {
        if (fault().isPresent()) {
          throw e;
        }
        String reason = Reasons.of(e);
        if (reason.contains("ERR_ABORTED") && crashedMeanwhile(page)) {
          throw e;
        }
        if (reason.contains("has been closed") && browserGoneMeanwhile(page)) {
          throw e;
        }
        if (UNREACHABLE.stream().anyMatch(reason::contains)) {
          throw new SiteUnreachable("cannot open " + url + " (" + at + "): " + reason);
        }
        throw new VisitEnded(withoutQuery(url) + " did not load: " + reason);
      }
    }

    /**
     * Whether a load the browser aborted was the page crashing: the crash is reported a moment after the
     * navigation fails, so it is waited for, briefly.
     */
    private boolean crashedMeanwhile(Page page) {
      try {
        page.waitForCondition(() -> crashed, new Page.WaitForConditionOptions().setTimeout(1_000));
      } catch (PlaywrightException e) {
        // not within the second (a load that was only aborted), or the page went while waiting
      }
      return crashed;
    }

    /**
     * Whether a load that failed because its page was closed was the browser dying: Playwright tells
     * that the browser disconnected only while a later call runs, so calls are made, briefly, until it
     * does.
     */
    private boolean browserGoneMeanwhile(Page page) {
      long until = System.currentTimeMillis() + 1_000;
      while (browser.isAlive() && System.currentTimeMillis() < until) {
        try {
          page.waitForTimeout(50);
        } catch (PlaywrightException e) {
          // the page is gone too: what matters is that the browser's events were read meanwhile
        }
      }
      return !browser.isAlive();
    }

    /** A document answered with an HTTP error: the page's own failure, whatever the steps do next. */
    private void onResponse(Response response) {
      if (isDocument(response.request()) && response.status() >= 400) {
        pageFailures.add(new PageFailure(
            scenario.name(),
            name,
            viewport.label(),
            withoutQuery(response.url()),
            response.status(),
            null,
            at));
      }
    }

    /** A document whose connection failed; a load stopped on purpose (a new navigation, a download) is not. */
    private void onRequestFailed(Request request) {
      String error = request.failure();
      if (isDocument(request) && error != null && !error.contains("ERR_ABORTED")) {
        loadFailure = error;
        Response response = request.response();
        pageFailures.add(new PageFailure(
            scenario.name(),
            name,
            viewport.label(),
            withoutQuery(request.url()),
            response == null ? 0 : response.status(),
            error,
            at));
      }
    }

    private static boolean isDocument(Request request) {
      try {
        return request.isNavigationRequest() && request.frame().parentFrame() == null;
      } catch (PlaywrightException e) {
        return false; // a service worker's request has no frame
      }
    }

    /** With --trace: records the visitor from its first page on, with screenshots and DOM snapshots. */
    private void startTrace(BrowserContext context) {
      if (options.traceDir() != null) {
        context
            .tracing()
            .start(
                new Tracing.StartOptions().setTitle(name).setScreenshots(true).setSnapshots(true));
      }
    }

    /**
     * With --trace: writes the visitor's trace before its context closes, also when a deadline ended the
     * visitor (the trace shows where it stood) as long as the browser lives; within its own step
     * deadline, since the visit's may be spent. A trace that cannot be written is told, and costs the
     * visitor nothing.
     */
    private void saveTrace(BrowserContext context) {
      if (options.traceDir() == null) {
        return;
      }
      Path file = options.traceDir().resolve(traceFile(name));
      try (Watchdog.Deadline deadline = watchdog.arm(
          browser,
          timeouts.step(),
          "timeouts.step (" + timeouts.step() + " ms) passed while writing " + file)) {
        Files.createDirectories(options.traceDir());
        context.tracing().stop(new Tracing.StopOptions().setPath(file));
      } catch (IOException | PlaywrightException e) {
        notices.println("No trace of " + name + ": " + Reasons.of(e));
      }
    }

    /**
     * Closes the context within a step deadline; a frozen page cannot hold the worker here either. A
     * visit that was ended has pages that are gone or stopped: there is nothing to drain, and a DevTools
     * session opened on a crashed page can wait for ever, so the context is only closed.
     */
    private void close(BrowserContext context, Recorder recorder) {
      if (recorder != null && (ended != null || crashed || !browser.isAlive())) {
        recorder.tellCountedDialogs(); // pages that cannot be drained: what this side counted
      }
      if (context == null || !browser.isAlive()) {
        return;
      }
      if (ended == null && crashed) {
        end(fault().orElseThrow());
      }
      saveTrace(context);
      try (Watchdog.Deadline deadline = guard(timeouts.step(), "timeouts.step", timeouts.step())) {
        if (recorder != null && ended == null) {
          recorder.close();
        } else {
          context.close(); // a view's dialogs past the first few, only counted, were told above
        }
      } catch (PlaywrightException e) {
        // the page or browser went meanwhile: what the page sent is in the log
        if (ended == null) {
          end(fault().orElse(Reasons.of(e)));
        }
      }
    }
  }

  /**
   * A visitor's trace file: its session name with every character but ASCII letters, digits, '.', '-'
   * and '_' made '_' ({@code demo-shop/1280x800/1} is {@code demo-shop_1280x800_1.zip}).
   */
  public static String traceFile(String session) {
    return session.replaceAll("[^A-Za-z0-9._-]", "_") + ".zip";
  }

  /** http://host/a?q#f is http://host/a: a query or fragment may hold what a visitor typed. */
  static String withoutQuery(String url) {
    int cut = url.length();
    for (char c : new char[] {'?', '#'}) {
      int i = url.indexOf(c);
      cut = i >= 0 ? Math.min(cut, i) : cut;
    }
    return url.substring(0, cut);
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
    boolean rage = judge.rageClicks() != null
        || judge.rageInterval() != null
        || judge.rageDistance() != null
        || judge.rageSameTarget() != null;
    return new Event.Judging(
        windows.isEmpty() ? null : windows,
        rage
            ? new Event.Judging.Rage(
                judge.rageClicks(),
                judge.rageInterval() == null ? null : judge.rageInterval().longValue(),
                judge.rageDistance(),
                judge.rageSameTarget())
            : null);
  }

  private static Browser.NewContextOptions contextOptions(Viewport viewport) {
    return new Browser.NewContextOptions()
        .setViewportSize(viewport.width(), viewport.height())
        .setDeviceScaleFactor(1)
        .setAcceptDownloads(true);
  }

  /** A scenario's URL on the site; without a base URL it is absolute already (run checks that first). */
  String resolve(String url) {
    return options.baseUrl() == null
        ? url
        : URI.create(options.baseUrl()).resolve(url).toString();
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
    } else if (step instanceof Step.Pause p) {
      return "pause " + p.minMs() + " ms";
    } else if (step instanceof Step.DoubleClick d) {
      return "dblclick " + describe(d.target());
    } else if (step instanceof Step.Input i) {
      return "input " + Replaying.describe(i.target());
    } else if (step instanceof Step.Move m) {
      return "hover " + describe(m.target());
    }
    return "scroll";
  }

  private static String describe(Target target) {
    if (target instanceof Target.BySelector s) {
      return "\"" + s.css() + "\"";
    } else if (target instanceof Target.ByText t) {
      return "text \"" + t.text() + "\"";
    } else if (target instanceof Target.Located l) {
      return Replaying.describe(l);
    } else if (target instanceof Target.InFrame f) {
      return "at " + (long) f.x() + "," + (long) f.y() + " in \"" + f.frame().get(0) + "\"";
    }
    Target.At a = (Target.At) target;
    return "at " + (long) a.x() + "," + (long) a.y();
  }

  /**
   * The {@code kind} of the action event a step writes: part of the events.jsonl format, so a name of its
   * own rather than the Java record's. A wait is no action: the page's reactions still answer the click.
   */
  static String actionKind(Step step) {
    if (step instanceof Step.Goto) {
      return "goto";
    } else if (step instanceof Step.Click) {
      return "click";
    } else if (step instanceof Step.Fill) {
      return "fill";
    } else if (step instanceof Step.Hover) {
      return "hover";
    } else if (step instanceof Step.Press) {
      return "press";
    } else if (step instanceof Step.Scroll) {
      return "scroll";
    } else if (step instanceof Step.DoubleClick) {
      return "click";
    } else if (step instanceof Step.Input) {
      return "fill";
    } else if (step instanceof Step.Move m && m.target() instanceof Target.Located) {
      return "hover"; // a pointer move to a point is no action, as the pointer's travel to a click
      // is not
    }
    return null;
  }

  /** Past this behind the recorded times, replayed pointer moves are dropped until the waits catch up. */
  static final long MOVE_BEHIND_MS = 100;

  /**
   * A page point [x, y] in the viewport, scrolled to when outside it: [x, y, scrolled] in the viewport,
   * or null when the point is outside the page.
   */
  private static final String POINT_IN_VIEW = "([x, y]) => {"
      + " const d = document.documentElement, b = document.body;"
      + " const w = Math.max(d.scrollWidth, b ? b.scrollWidth : 0);"
      + " const h = Math.max(d.scrollHeight, b ? b.scrollHeight : 0);"
      + " if (x < 0 || y < 0 || x >= w || y >= h) return null;"
      + " let scrolled = false;"
      + " if (x < scrollX || y < scrollY || x >= scrollX + innerWidth || y >= scrollY + innerHeight) {"
      + "   window.scrollTo(Math.max(0, x - innerWidth / 2), Math.max(0, y - innerHeight / 2));"
      + "   scrolled = true; }"
      + " const vx = x - scrollX, vy = y - scrollY;"
      + " return vx < 0 || vy < 0 || vx >= innerWidth || vy >= innerHeight ? null : [vx, vy, scrolled]; }";

  /** Carries out steps on one visitor's page, as a person would: pointer moves, wheel scrolls, pauses. */
  private final class Steps {
    private final Page page;
    private final Recorder recorder;
    private final Visit visit;
    /**
     * When the next step is due (epoch ms): the end of the last step that was neither a wait nor a pointer
     * move, plus the waits since. A wait lasts until then, so what the pointer moves in between took (and
     * the waits' own round trips) is taken off it: moves never delay the next action.
     */
    private long dueAt = System.currentTimeMillis();
    /** The candidate that found each iframe of replayed moves last. */
    private final Map<List<String>, String> frameFound = new HashMap<>();

    Steps(Page page, Recorder recorder, Visit visit) {
      this.page = page;
      this.recorder = recorder;
      this.visit = visit;
    }

    void run(Script.Act act) {
      Step step = act.step();
      if (step instanceof Step.Move m && m.target() instanceof Target.At a) {
        pointerTo(a);
        return;
      } else if (step instanceof Step.Move m && m.target() instanceof Target.InFrame f) {
        pointerInFrame(f);
        return;
      } else if (step instanceof Step.Wait w && w.forSelector() == null) {
        dueAt += w.ms();
        long left = dueAt - System.currentTimeMillis();
        if (left > 0) {
          page.waitForTimeout(left);
        }
        return;
      }
      try {
        act(step, act);
      } finally {
        dueAt =
            System.currentTimeMillis(); // any other step is played when its turn comes, late or not
      }
    }

    private void act(Step step, Script.Act act) {
      String kind = actionKind(step);
      if (kind != null) {
        recorder.action(page, kind);
      }
      if (replay(step)) {
        return;
      }
      if (step instanceof Step.Goto g) {
        visit.navigate(page, resolve(g.url()));
      } else if (step instanceof Step.Click c) {
        click(c, act);
      } else if (step instanceof Step.Fill f) {
        visible(f.selector()).fill(f.value());
      } else if (step instanceof Step.Hover h) {
        visible(h.selector()).hover();
      } else if (step instanceof Step.Press p) {
        page.keyboard().press(p.key());
      } else if (step instanceof Step.Scroll s) {
        scroll(s.target());
      } else if (step instanceof Step.Wait w) {
        visible(w.forSelector());
      } else if (step instanceof Step.Pause p) {
        page.waitForTimeout(p.minMs()); // drawn for this visitor: min and max are one length now
      }
    }

    private Locator visible(String css) {
      Locator locator = page.locator(css).first();
      locator.waitFor(new Locator.WaitForOptions()
          .setState(WaitForSelectorState.VISIBLE)
          .setTimeout(options.timeoutMs()));
      return locator;
    }

    private void click(Step.Click step, Script.Act act) {
      double[] point;
      if (step.target() instanceof Target.BySelector s) {
        point = aimed(visible(s.css()), act);
      } else if (step.target() instanceof Target.ByText t) {
        point = aimed(byText(t.text()), act);
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
      Locator locator =
          page.getByText(text, new Page.GetByTextOptions().setExact(true)).first();
      if (locator.count() == 0) {
        locator = page.getByText(text).first();
      }
      locator.waitFor(new Locator.WaitForOptions()
          .setState(WaitForSelectorState.VISIBLE)
          .setTimeout(options.timeoutMs()));
      return locator;
    }

    /** The point the visitor drew on the element: its centre moved by the act's share of half its size. */
    private double[] aimed(Locator locator, Script.Act act) {
      locator.scrollIntoViewIfNeeded();
      afterPaint();
      BoundingBox box = locator.boundingBox();
      return new double[] {
        box.x + box.width / 2 * (1 + act.dx()), box.y + box.height / 2 * (1 + act.dy())
      };
    }

    /** Brings a page point into view and returns where it is in the viewport. */
    private double[] viewportPoint(double x, double y) {
      Object scroll = page.evaluate(
          "([x, y]) => { if (y < scrollY || y >= scrollY + innerHeight || x >= scrollX + innerWidth)"
              + " window.scrollTo(Math.max(0, x - innerWidth / 2), Math.max(0, y - innerHeight / 2));"
              + " return [scrollX, scrollY]; }",
          List.of(x, y));
      afterPaint();
      List<?> offsets = (List<?>) scroll;
      return new double[] {
        x - ((Number) offsets.get(0)).doubleValue(), y - ((Number) offsets.get(1)).doubleValue()
      };
    }

    /** Lets the scroll events of a programmatic scroll fire before the click, so they are not its reaction. */
    private void afterPaint() {
      page.evaluate(
          "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
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
        page.mouse()
            .wheel(0, Math.signum(remaining) * Math.min(Math.abs(remaining), viewportHeight * 0.8));
        page.waitForTimeout(80);
      }
    }

    private double goal(ScrollTarget target) {
      if (target instanceof ScrollTarget.Depth d) {
        return d.min() * number("() => document.documentElement.scrollHeight - innerHeight");
      } else if (target instanceof ScrollTarget.ToBottom) {
        return number("() => document.documentElement.scrollHeight - innerHeight");
      } else if (target instanceof ScrollTarget.ToY y) {
        return y.y();
      } else if (target instanceof ScrollTarget.By b) {
        return number("() => scrollY") + b.dy();
      } else if (target instanceof ScrollTarget.ToSelector s) {
        Locator locator = page.locator(s.css()).first();
        locator.waitFor(new Locator.WaitForOptions()
            .setState(WaitForSelectorState.ATTACHED)
            .setTimeout(options.timeoutMs()));
        return ((Number)
                locator.evaluate("e => Math.max(0, e.getBoundingClientRect().top + scrollY - 80)"))
            .doubleValue();
      }
      return 0;
    }

    private double number(String script) {
      return ((Number) page.evaluate(script)).doubleValue();
    }

    // ---- replayed actions (heatcheck replay): located targets, never a failed step

    /** Plays a replayed action; false when the step is not one. */
    private boolean replay(Step step) {
      if (step instanceof Step.Click c && c.target() instanceof Target.Located l) {
        replayClick(l, c.times(), c.intervalMs(), false);
      } else if (step instanceof Step.DoubleClick d && d.target() instanceof Target.Located l) {
        replayClick(l, 1, 0, true);
      } else if (step instanceof Step.DoubleClick d) {
        Target.Located plain = Replaying.locatedOf(d.target());
        replayClick(plain, 1, 0, true);
      } else if (step instanceof Step.Input i) {
        replayInput(i);
      } else if (step instanceof Step.Scroll s && s.target() instanceof ScrollTarget.Within w) {
        replayScroll(w);
      } else if (step instanceof Step.Move m && m.target() instanceof Target.Located l) {
        replayHover(l);
      } else {
        return false;
      }
      return true;
    }

    /**
     * A replayed click: at the centre of the first candidate's element, else at the recorded point, else
     * skipped. No pause after it: the recorded gap that follows is the visitor's own.
     */
    private void replayClick(Target.Located target, int times, int intervalMs, boolean dbl) {
      Replaying.Found found = find(target);
      double[] point = pointerOver(target, found);
      if (point != null) {
        if (dbl) {
          page.mouse().dblclick(point[0], point[1]);
        } else {
          for (int i = 0; i < times; i++) {
            if (i > 0) {
              page.waitForTimeout(intervalMs);
            }
            page.mouse().click(point[0], point[1]);
          }
        }
      }
      recorder.replayed(
          page,
          dbl ? "dblclick" : "click",
          found.how(target),
          found.via(),
          target.locate(),
          target.recordedMs());
    }

    /**
     * Moves the pointer to the centre of the element found for {@code target}, else to its recorded
     * point; returns where, or null (and leaves the pointer) when there is neither.
     */
    private double[] pointerOver(Target.Located target, Replaying.Found found) {
      double[] point = found.locator() != null
          ? aimed(found.locator(), Script.Act.of(null))
          : target.hasPoint() ? new double[] {target.x(), target.y()} : null;
      if (point != null) {
        page.mouse().move(point[0], point[1], new Mouse.MoveOptions().setSteps(6));
      }
      return point;
    }

    /**
     * A replayed hover: the pointer over the centre of the first candidate's element, else to the recorded
     * point, else skipped.
     */
    private void replayHover(Target.Located target) {
      Replaying.Found found = find(target);
      pointerOver(target, found);
      recorder.replayed(
          page, "hover", found.how(target), found.via(), target.locate(), target.recordedMs());
    }

    /**
     * A replayed pointer move to a page point: scrolled into view when it is not in it, as the page is
     * now; skipped when the point is outside the page, or when the visit is more than {@link
     * #MOVE_BEHIND_MS} behind the recorded times (moves that cost more than their gaps catch up so).
     */
    private void pointerTo(Target.At point) {
      if (System.currentTimeMillis() - dueAt > MOVE_BEHIND_MS) {
        return;
      }
      pointerAt(point.x(), point.y());
    }

    /** The pointer to a page point, scrolled into view when it is not; none outside the page. */
    private void pointerAt(double x, double y) {
      List<?> at = (List<?>) page.evaluate(POINT_IN_VIEW, List.of(x, y));
      if (at != null) {
        if (Boolean.TRUE.equals(at.get(2))) {
          afterPaint(); // the scroll's events fire now, not as a reaction to what comes next
        }
        page.mouse().move(((Number) at.get(0)).doubleValue(), ((Number) at.get(1)).doubleValue());
      }
    }

    /**
     * A replayed pointer move inside an iframe: to the recorded point of the frame's viewport,
     * measured from the content box (inside border and padding) of the iframe element the first
     * candidate finds as the page is now, scrolled into view as {@link #pointerTo} does. The frame
     * is looked for once, a move does not wait; when no candidate finds it, the move is dropped and
     * counted by a replayed event of kind move (found none), which is no divergence. Skipped when
     * the visit is behind, as pointerTo.
     */
    private void pointerInFrame(Target.InFrame move) {
      if (System.currentTimeMillis() - dueAt > MOVE_BEHIND_MS) {
        return;
      }
      List<?> corner = frameCorner(move.frame());
      if (corner == null) {
        recorder.replayed(page, "move", Replaying.NONE, null, move.frame(), move.recordedMs());
        return;
      }
      // not pointerTo: the time finding the frame took is this move's, not the visit falling behind
      pointerAt(
          ((Number) corner.get(0)).doubleValue() + move.x(),
          ((Number) corner.get(1)).doubleValue() + move.y());
    }

    /**
     * The page point of the top left corner of the content box of the first visible iframe a
     * candidate finds (the one that found this frame last tried first); null when none does.
     */
    private List<?> frameCorner(List<String> candidates) {
      String known = frameFound.get(candidates);
      List<String> order = new ArrayList<>(candidates);
      if (known != null) {
        order.remove(known);
        order.add(0, known); // a dense stream in one frame finds it at the first try
      }
      for (String candidate : order) {
        try {
          Locator frame = Selectors.locate(page, candidate).first();
          BoundingBox box = frame.isVisible() ? frame.boundingBox() : null;
          if (box != null) {
            // the box is in the top viewport, through any frames above; the inset is the frame's
            List<?> inset = (List<?>) frame.evaluate("e => { const s = getComputedStyle(e);"
                + " return [e.clientLeft + parseFloat(s.paddingLeft),"
                + " e.clientTop + parseFloat(s.paddingTop), top.scrollX, top.scrollY]; }");
            frameFound.put(candidates, candidate);
            double[] n =
                inset.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
            return List.of(box.x + n[0] + n[2], box.y + n[1] + n[3]);
          }
        } catch (PlaywrightException e) {
          if (visit.fault().isPresent()) {
            throw e;
          }
          // a candidate this page cannot read (a frame not there yet): the next one may do
        }
      }
      return null;
    }

    /** A replayed value: typed into the first candidate's field; skipped when no candidate finds one. */
    private void replayInput(Step.Input step) {
      Replaying.Found found = find(step.target());
      Locator field = found.locator();
      if (field != null) {
        if (step.checked() != null) {
          field.setChecked(step.checked(), new Locator.SetCheckedOptions().setForce(true));
        } else if (step.value() != null) {
          if ("SELECT".equals(field.evaluate("e => e.tagName"))) {
            field.selectOption(step.value());
          } else {
            field.fill(step.value());
          }
        }
      }
      recorder.replayed(
          page,
          "input",
          field == null ? Replaying.NONE : found.how(step.target()),
          found.via(),
          step.target().locate(),
          step.target().recordedMs());
    }

    /** A replayed scroll of an inner container; skipped when no candidate finds it. */
    private void replayScroll(ScrollTarget.Within within) {
      Replaying.Found found = find(within.target());
      if (found.locator() != null) {
        found
            .locator()
            .evaluate("(e, p) => e.scrollTo(p[0], p[1])", List.of(within.x(), within.y()));
        page.waitForTimeout(80);
      }
      recorder.replayed(
          page,
          "scroll",
          found.locator() == null ? Replaying.NONE : found.how(within.target()),
          found.via(),
          within.target().locate(),
          within.target().recordedMs());
    }

    /**
     * The first candidate, in order, that finds a visible element; each round tries them all, for up to
     * {@link Replaying#FIND_MS} (the page may still be loading what the previous action asked for).
     */
    private Replaying.Found find(Target.Located target) {
      long end = System.currentTimeMillis() + Math.min(Replaying.FIND_MS, options.timeoutMs());
      while (true) {
        for (String candidate : target.locate()) {
          try {
            Locator locator = Selectors.locate(page, candidate).first();
            if (locator.isVisible()) {
              return new Replaying.Found(locator, candidate);
            }
          } catch (PlaywrightException e) {
            if (visit.fault().isPresent()) {
              throw e;
            }
            // a candidate this page cannot read (a frame not there yet): the next one may do
          }
        }
        if (System.currentTimeMillis() >= end) {
          return Replaying.Found.NOTHING;
        }
        page.waitForTimeout(100);
      }
    }
  }
}
