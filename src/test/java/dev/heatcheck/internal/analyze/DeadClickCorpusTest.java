package dev.heatcheck.internal.analyze;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.LoadState;
import dev.heatcheck.internal.capture.CorpusSite;
import dev.heatcheck.internal.capture.Recorder;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The labeled corpus: every element with {@code data-label="dead|alive|error"} in the pages under
 * fixtures/corpus is clicked once in a real Chromium with the recorder on, and the Analyzer's verdict,
 * from the events alone, must match every label (precision and recall 1.0).
 *
 * <p>Other attributes of a target: {@code data-signal} the alive signal expected, {@code data-judged="no"}
 * a click that must not be judged at all, {@code data-click="ctrl"} a modifier-key click, {@code data-at="x,y"}
 * where in the box to click (default: its centre), {@code data-click="double"} a double click (both of its
 * clicks carry the label: the gesture is judged as one), {@code data-order} the order on its page (default: the
 * document's), {@code data-solo} a target clicked alone on a fresh page (its page leaves, or its reaction
 * is late).
 *
 * <p>Each page is visited in its own context; visits run side by side, one click per visit per round, and a
 * visit's next click waits until its previous one is {@link #GAP_MS} old, so no reaction is credited to the
 * wrong click. Solo targets hold the late reactions, so the run ends once their windows have closed.
 */
public class DeadClickCorpusTest extends BrowserTest {
  static final List<String> PAGES = List.of(
      "basics.html",
      "inputs.html",
      "effects.html",
      "delayed.html",
      "errors.html",
      "frames.html",
      "shadow.html",
      "svg.html",
      "fixed.html",
      "scroll.html",
      "spa.html",
      "modal.html",
      "select.html");
  static final long GAP_MS = 700;
  /** After the last click: longer than the latest reaction in the corpus (3.5 s) and every window. */
  static final long SETTLE_MS = 4_500;

  private Path events;
  private List<Visit> visits;
  private Analysis analysis;

  /** A labeled element; {@code frameUrl} is null in the top document. */
  record Target(
      String frameUrl,
      String id,
      String label,
      String signal,
      boolean judged,
      boolean ctrl,
      boolean twice,
      double[] at,
      boolean solo,
      int order) {}

  static final class Visit {
    final String session;
    final List<Target> targets;
    BrowserContext context;
    Page page;
    Recorder recorder;
    long lastClick;

    Visit(String session, List<Target> targets) {
      this.session = session;
      this.targets = targets;
    }
  }

  @Override
  protected LocalServer serve() {
    return CorpusSite.serve();
  }

  @BeforeClass
  public void clickEveryTarget() throws IOException {
    events = Files.createTempFile("heatcheck-corpus", ".jsonl");
    long started = System.currentTimeMillis();
    try (EventLog log = EventLog.create(events)) {
      visits = plan(log);
      clickRoundRobin();
      long last = visits.stream().mapToLong(v -> v.lastClick).max().orElse(0);
      visits.get(0).page.waitForTimeout(Math.max(0, last + SETTLE_MS - System.currentTimeMillis()));
      for (Visit visit : visits) {
        Recorder.close(visit.context);
      }
    }
    Analyzer analyzer = new Analyzer(Rules.defaults()).keepingClicks();
    EventReader.read(events, analyzer);
    analysis = analyzer.finish();
    System.out.printf(
        Locale.ROOT,
        "corpus: %d targets on %d pages in %d visits, %.1f s%n",
        visits.stream().mapToInt(v -> v.targets.size()).sum(),
        PAGES.size(),
        visits.size(),
        (System.currentTimeMillis() - started) / 1000.0);
  }

  @AfterClass(alwaysRun = true)
  public void stop() throws IOException {
    if (events != null) {
      Files.deleteIfExists(events);
    }
  }

  @Test
  public void every_verdict_matches_its_label_with_precision_and_recall_of_one() {
    for (Visit visit : visits) {
      List<JudgedClick> clicks = clicksOf(analysis, visit);
      assertEquals(
          clicks.size(),
          clicked(visit).size(),
          visit.session + ": one recorded click per target, got "
              + clicks.stream()
                  .map(
                      c -> c.click().target() == null ? "?" : c.click().target().selector())
                  .toList());
    }
    Map<String, Map<String, Integer>> matrix = emptyMatrix();
    List<String> wrong = misjudged(visits, analysis, matrix);
    int total = matrix.values().stream()
        .flatMap(r -> r.values().stream())
        .mapToInt(i -> i)
        .sum();
    System.out.println(confusionMatrix(matrix, CLASSES, total));
    assertTrue(total >= 40, "at least 40 labeled targets, found " + total);
    assertTrue(wrong.isEmpty(), "misjudged:\n" + String.join("\n", wrong));
  }

  @Test
  public void alive_clicks_are_alive_for_the_reason_their_page_gives() {
    List<String> wrong = wrongSignals(visits, analysis);
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  static final List<String> CLASSES = List.of("dead", "alive", "error");

  /** Label by judgement counts, all zero. */
  static Map<String, Map<String, Integer>> emptyMatrix() {
    Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
    for (String label : CLASSES) {
      Map<String, Integer> row = new LinkedHashMap<>();
      CLASSES.forEach(c -> row.put(c, 0));
      matrix.put(label, row);
    }
    return matrix;
  }

  /**
   * Counts each visit's verdicts into {@code matrix} and returns those that differ from their label; a
   * visit without one click per target is wrong as a whole.
   */
  static List<String> misjudged(
      List<Visit> visits, Analysis analysis, Map<String, Map<String, Integer>> matrix) {
    List<String> wrong = new ArrayList<>();
    for (Visit visit : visits) {
      List<JudgedClick> clicks = clicksOf(analysis, visit);
      List<Target> targets = clicked(visit);
      if (clicks.size() != targets.size()) {
        wrong.add("  " + visit.session + ": " + clicks.size() + " click(s) recorded for "
            + targets.size() + " click(s) made");
        continue;
      }
      for (int i = 0; i < clicks.size(); i++) {
        Target target = targets.get(i);
        JudgedClick click = clicks.get(i);
        String predicted = switch (click.verdict()) {
          case DEAD -> "dead";
          case ERROR -> "error";
          default -> "alive";
        };
        matrix.get(target.label()).merge(predicted, 1, Integer::sum);
        if (!predicted.equals(target.label())) {
          wrong.add(describe(
              visit, target, click, "labeled " + target.label() + ", judged " + predicted));
        }
      }
    }
    return wrong;
  }

  /** Alive clicks whose signal is not the one their page gives, and clicks judged that must not be. */
  static List<String> wrongSignals(List<Visit> visits, Analysis analysis) {
    List<String> wrong = new ArrayList<>();
    for (Visit visit : visits) {
      List<JudgedClick> clicks = clicksOf(analysis, visit);
      List<Target> targets = clicked(visit);
      for (int i = 0; i < Math.min(clicks.size(), targets.size()); i++) {
        Target target = targets.get(i);
        JudgedClick click = clicks.get(i);
        if (target.signal() != null && !target.signal().equals(click.signal())) {
          wrong.add(describe(visit, target, click, "expected signal " + target.signal()));
        }
        if (!target.judged() && click.verdict() != Verdict.NOT_JUDGED) {
          wrong.add(describe(visit, target, click, "must not be judged"));
        }
        if (target.judged() && click.verdict() == Verdict.NOT_JUDGED) {
          wrong.add(describe(visit, target, click, "must be judged"));
        }
      }
    }
    return wrong;
  }

  // ---- driving
  // ---------------------------------------------------------------------------------------

  /** A visit per page for its batch targets, and one per solo target. */
  private List<Visit> plan(EventLog log) {
    List<Visit> planned = new ArrayList<>();
    for (String file : PAGES) {
      Visit batch = open(log, file, "corpus/" + file, null);
      List<Target> all = targets(batch.page);
      batch.targets.addAll(all.stream().filter(t -> !t.solo()).toList());
      if (batch.targets.isEmpty()) {
        Recorder.close(batch.context);
      } else {
        planned.add(batch);
      }
      for (Target solo : all.stream().filter(Target::solo).toList()) {
        planned.add(open(log, file, "corpus/" + file + "#" + solo.id(), solo));
      }
    }
    return planned;
  }

  private Visit open(EventLog log, String file, String session, Target solo) {
    Visit visit = new Visit(session, new ArrayList<>());
    visit.context = browser.newContext(
        new Browser.NewContextOptions().setViewportSize(1000, 700).setAcceptDownloads(true));
    visit.recorder = Recorder.attach(visit.context, session, "corpus", log);
    visit.page = visit.context.newPage();
    visit.page.navigate(server.baseUrl() + "/" + file);
    visit.page.waitForLoadState(LoadState.LOAD);
    visit.page.waitForTimeout(200); // frames made by script load too
    if (solo != null) {
      visit.targets.add(solo);
    }
    return visit;
  }

  static List<Target> targets(Page page) {
    List<Target> found = new ArrayList<>();
    for (Frame frame : page.frames()) {
      List<?> described = (List<?>)
          frame
              .locator("[data-label]")
              .evaluateAll(
                  "els => els.map(e => [e.id, e.dataset.label, e.dataset.signal || null, e.dataset.judged || null,"
                      + " e.dataset.click || null, e.dataset.at || null, 'solo' in e.dataset, Number(e.dataset.order || 0)])");
      for (Object item : described) {
        List<?> d = (List<?>) item;
        double[] at = null;
        if (d.get(5) != null) {
          String[] xy = String.valueOf(d.get(5)).split(",");
          at = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
        }
        found.add(new Target(
            frame == page.mainFrame() ? null : frame.url(),
            (String) d.get(0),
            (String) d.get(1),
            (String) d.get(2),
            !"no".equals(d.get(3)),
            "ctrl".equals(d.get(4)),
            "double".equals(d.get(4)),
            at,
            Boolean.TRUE.equals(d.get(6)),
            ((Number) d.get(7)).intValue()));
      }
    }
    found.sort(Comparator.comparingInt(Target::order)); // stable: document order otherwise
    return found;
  }

  private void clickRoundRobin() {
    int rounds = visits.stream().mapToInt(v -> v.targets.size()).max().orElse(0);
    for (int round = 0; round < rounds; round++) {
      for (Visit visit : visits) {
        if (round < visit.targets.size()) {
          long wait = visit.lastClick + GAP_MS - System.currentTimeMillis();
          if (wait > 0) {
            visit.page.waitForTimeout(wait);
          }
          click(visit, visit.targets.get(round));
          visit.lastClick = System.currentTimeMillis();
        }
      }
    }
  }

  /** As the Driver does: mark the action, bring the target into view, let the scroll settle, then press. */
  static void click(Visit visit, Target target) {
    Page page = visit.page;
    visit.recorder.action(page, "scroll");
    Frame frame = target.frameUrl() == null
        ? page.mainFrame()
        : page.frames().stream()
            .filter(f -> f.url().equals(target.frameUrl()))
            .findFirst()
            .orElseThrow();
    Locator locator = frame.locator("#" + target.id());
    locator.scrollIntoViewIfNeeded();
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    BoundingBox box = locator.boundingBox();
    double x = box.x + (target.at() == null ? box.width / 2 : target.at()[0]);
    double y = box.y + (target.at() == null ? box.height / 2 : target.at()[1]);
    page.mouse().move(x, y);
    if (target.ctrl()) {
      page.keyboard().down("Control");
    }
    if (target.twice()) {
      page.mouse().dblclick(x, y);
    } else {
      page.mouse().click(x, y);
    }
    if (target.ctrl()) {
      page.keyboard().up("Control");
    }
  }

  // ---- judging and reporting
  // -------------------------------------------------------------------------

  /** The target of each click of a visit, in order: a double-clicked target twice. */
  static List<Target> clicked(Visit visit) {
    return visit.targets.stream()
        .flatMap(t -> t.twice() ? Stream.of(t, t) : Stream.of(t))
        .toList();
  }

  static List<JudgedClick> clicksOf(Analysis analysis, Visit visit) {
    return analysis.clicks().stream()
        .filter(c -> visit.session.equals(c.click().session()))
        .sorted(Comparator.comparingLong(c -> c.click().t()))
        .toList();
  }

  private static String describe(Visit visit, Target target, JudgedClick click, String problem) {
    Event.Click c = click.click();
    return "  " + visit.session + " #" + target.id() + ": " + problem + " (verdict "
        + click.verdict()
        + ", signal " + click.signal() + " after " + click.delayMs() + " ms, error " + click.error()
        + ", selector " + (c.target() == null ? null : c.target().selector()) + ")";
  }

  static String confusionMatrix(
      Map<String, Map<String, Integer>> matrix, List<String> classes, int total) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "dead-click corpus: %d labeled targets%n", total));
    out.append(String.format(Locale.ROOT, "%-16s", "label \\ judged"));
    classes.forEach(c -> out.append(String.format(Locale.ROOT, "%8s", c)));
    out.append(System.lineSeparator());
    for (String label : classes) {
      out.append(String.format(Locale.ROOT, "%-16s", label));
      classes.forEach(
          c -> out.append(String.format(Locale.ROOT, "%8d", matrix.get(label).get(c))));
      out.append(System.lineSeparator());
    }
    scores(matrix, classes)
        .forEach((c, s) -> out.append(
            String.format(Locale.ROOT, "%-6s precision %.3f  recall %.3f%n", c, s[0], s[1])));
    return out.toString();
  }

  /** Precision and recall per class from the label-by-judgement counts. */
  private static Map<String, double[]> scores(
      Map<String, Map<String, Integer>> matrix, List<String> classes) {
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (String c : classes) {
      int right = matrix.get(c).get(c);
      int judgedAs =
          classes.stream().mapToInt(label -> matrix.get(label).get(c)).sum();
      int labeledAs =
          matrix.get(c).values().stream().mapToInt(Integer::intValue).sum();
      scores.put(c, new double[] {
        judgedAs == 0 ? 1 : (double) right / judgedAs,
        labeledAs == 0 ? 1 : (double) right / labeledAs
      });
    }
    return scores;
  }
}
