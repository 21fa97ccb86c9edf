package dev.heatcheck.internal.analyze;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import dev.heatcheck.internal.analyze.DeadClickCorpusTest.Target;
import dev.heatcheck.internal.analyze.DeadClickCorpusTest.Visit;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.capture.CorpusSite;
import dev.heatcheck.internal.capture.Recorder;
import dev.heatcheck.internal.crowd.Crowd;
import dev.heatcheck.internal.crowd.Plan;
import dev.heatcheck.internal.crowd.Progress;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.internal.scenario.Expectations;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.Viewport;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The labeled corpus of {@link DeadClickCorpusTest} played as a crowd: every corpus visit {@value
 * #TIMES} times over, on {@value #WORKERS} workers that are all busy at once, each with its own
 * Playwright and browser made on its thread, as {@link Crowd} runs a scenario's visitors. Verdicts are
 * reached in the page, so the load of the others must not change one: precision and recall stay 1.0.
 */
public class DeadClickCorpusCrowdTest extends BrowserTest {
  /** What run chooses on a 2-core machine (CI's): 6 workers a core. */
  private static final int WORKERS = 12;

  private static final int TIMES = 2;
  private static final Viewport VIEWPORT = new Viewport(1000, 700);

  private Path events;
  private final List<Visit> visits = new ArrayList<>();
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicInteger mostBusy = new AtomicInteger();
  private Analysis analysis;
  private int planned;

  @Override
  protected LocalServer serve() {
    return CorpusSite.serve();
  }

  @BeforeClass
  public void playTheCorpusAsACrowd() throws IOException {
    events = Files.createTempFile("heatcheck-corpus-crowd", ".jsonl");
    Plan plan = Plan.of(corpusVisits());
    planned = plan.size();
    long started = System.currentTimeMillis();
    try (EventLog log = EventLog.create(events)) {
      List<Visit> played = Crowd.run(
          plan,
          WORKERS,
          () -> new CorpusWorker(log),
          new Crowd.Rules<Visit>(v -> false, v -> false),
          Progress.NONE,
          System.err);
      played.stream().filter(Objects::nonNull).forEach(visits::add);
    }
    Analyzer analyzer = new Analyzer(Rules.defaults()).keepingClicks();
    EventReader.read(events, analyzer);
    analysis = analyzer.finish();
    System.out.printf(
        Locale.ROOT,
        "corpus crowd: %d visits (%d corpus visits %d times) on %d workers, at most %d at once, %.1f s%n",
        visits.size(),
        plan.size() / TIMES,
        TIMES,
        WORKERS,
        mostBusy.get(),
        (System.currentTimeMillis() - started) / 1000.0);
  }

  @AfterClass(alwaysRun = true)
  public void removeTheEvents() throws IOException {
    if (events != null) {
      Files.deleteIfExists(events);
    }
  }

  @Test
  public void every_worker_was_busy_at_once_and_every_visit_was_played() {
    assertEquals(mostBusy.get(), WORKERS);
    assertEquals(visits.size(), planned);
    assertTrue(planned >= 13 * TIMES, "every page, every time: " + planned);
  }

  @Test
  public void every_verdict_still_matches_its_label_with_precision_and_recall_of_one() {
    Map<String, Map<String, Integer>> matrix = DeadClickCorpusTest.emptyMatrix();
    List<String> wrong = DeadClickCorpusTest.misjudged(visits, analysis, matrix);
    int total = matrix.values().stream()
        .flatMap(r -> r.values().stream())
        .mapToInt(i -> i)
        .sum();
    System.out.println(
        DeadClickCorpusTest.confusionMatrix(matrix, DeadClickCorpusTest.CLASSES, total));
    assertTrue(total >= 40 * TIMES, "at least 40 labeled targets each time, found " + total);
    assertTrue(wrong.isEmpty(), "misjudged under load:\n" + String.join("\n", wrong));
  }

  @Test
  public void alive_clicks_are_still_alive_for_the_reason_their_page_gives() {
    List<String> wrong = DeadClickCorpusTest.wrongSignals(visits, analysis);
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  /**
   * One scenario per corpus visit, named for it ("basics.html" for a page's batch of targets,
   * "delayed.html#late" for a solo target), each with {@value #TIMES} visitors: found on the class's
   * browser, as DeadClickCorpusTest plans its visits.
   */
  private List<Scenario> corpusVisits() {
    List<Scenario> scenarios = new ArrayList<>();
    for (String file : DeadClickCorpusTest.PAGES) {
      try (var context = browser.newContext()) {
        Page page = context.newPage();
        page.navigate(server.baseUrl() + "/" + file);
        page.waitForLoadState(LoadState.LOAD);
        page.waitForTimeout(200); // frames made by script load too
        List<Target> all = DeadClickCorpusTest.targets(page);
        if (all.stream().anyMatch(t -> !t.solo())) {
          scenarios.add(scenario(file));
        }
        all.stream()
            .filter(Target::solo)
            .forEach(t -> scenarios.add(scenario(file + "#" + t.id())));
      }
    }
    return scenarios;
  }

  private Scenario scenario(String name) {
    return new Scenario(
        Path.of("corpus"),
        name,
        "/" + name.replaceAll("#.*", ""),
        List.of(VIEWPORT),
        TIMES,
        List.of(),
        Expectations.none(),
        List.of());
  }

  /** One worker's browser, playing corpus visits the way DeadClickCorpusTest clicks them. */
  private final class CorpusWorker implements Crowd.Worker<Visit> {
    private final EventLog log;
    private final BrowserSession session;

    CorpusWorker(EventLog log) {
      this.log = log;
      this.session = BrowserSession.open(Optional.empty(), false, System.err);
    }

    @Override
    public Visit play(Plan.Visit planned) {
      mostBusy.accumulateAndGet(busy.incrementAndGet(), Math::max);
      try {
        return clickEveryTarget(planned);
      } finally {
        busy.decrementAndGet();
      }
    }

    private Visit clickEveryTarget(Plan.Visit planned) {
      String name = planned.scenario().name();
      String solo = name.contains("#") ? name.substring(name.indexOf('#') + 1) : null;
      Visit visit = new Visit(planned.session(), new ArrayList<>());
      visit.context = session
          .browser()
          .newContext(new Browser.NewContextOptions()
              .setViewportSize(VIEWPORT.width(), VIEWPORT.height())
              .setAcceptDownloads(true));
      visit.recorder = Recorder.attach(visit.context, visit.session, "corpus", log);
      visit.page = visit.context.newPage();
      visit.page.navigate(server.baseUrl() + planned.scenario().url());
      visit.page.waitForLoadState(LoadState.LOAD);
      visit.page.waitForTimeout(200);
      DeadClickCorpusTest.targets(visit.page).stream()
          .filter(t -> solo == null ? !t.solo() : t.solo() && t.id().equals(solo))
          .forEach(visit.targets::add);
      for (Target target : visit.targets) {
        long wait = visit.lastClick + DeadClickCorpusTest.GAP_MS - System.currentTimeMillis();
        if (wait > 0) {
          visit.page.waitForTimeout(wait);
        }
        DeadClickCorpusTest.click(visit, target);
        visit.lastClick = System.currentTimeMillis();
      }
      long settle = visit.lastClick + DeadClickCorpusTest.SETTLE_MS - System.currentTimeMillis();
      visit.page.waitForTimeout(Math.max(0, settle));
      Recorder.close(visit.context);
      visit.page = null;
      visit.context = null;
      return visit;
    }

    @Override
    public void close() {
      session.close();
    }
  }
}
