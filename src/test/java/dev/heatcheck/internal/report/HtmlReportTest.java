package dev.heatcheck.internal.report;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.heatcheck.internal.render.Png;
import dev.heatcheck.result.Bound;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Kind;
import dev.heatcheck.result.Level;
import dev.heatcheck.testing.BrowserTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** index.html opened in a real Chromium, as a person opens it from the run folder. */
public class HtmlReportTest extends BrowserTest {
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";
  /** One recording with two divergences (one untimed, one with a hostile locator), one without any. */
  private static final List<Summary.Replay> REPLAYS = List.of(
      new Summary.Replay(
          "session",
          "sessions/session.json",
          28,
          25,
          1,
          1,
          1,
          List.of(
              new Summary.Divergence(
                  "session",
                  "sessions/session.json",
                  "session/1280x800/1",
                  3487L,
                  "click",
                  List.of("#wishlist", "text=\"Save to wishlist\""),
                  "position"),
              new Summary.Divergence(
                  "session",
                  "sessions/session.json",
                  "session/1280x800/1",
                  null,
                  "input",
                  List.of(HOSTILE),
                  "skipped")),
          0),
      new Summary.Replay("flow", null, 4, 4, 0, 0, 0, List.of(), 0));

  private Path dir;
  private Path plain;
  private BrowserContext context;
  private Page page;
  private final List<String> consoleErrors = new ArrayList<>();
  private final List<String> dialogs = new ArrayList<>();

  @BeforeClass
  public void writeAReport() throws IOException {
    dir = Files.createTempDirectory("heatcheck-html");
    Png.write(filled(800, 1200, Color.WHITE, null), dir.resolve("screens/home-800x600.png"));
    for (String layer : List.of("click", "move", "scroll")) {
      Color colour = switch (layer) {
        case "click" -> Color.RED;
        case "move" -> Color.GREEN;
        default -> Color.BLUE;
      };
      Png.write(
          filled(800, 1200, new Color(0, 0, 0, 0), colour),
          dir.resolve("heatmaps/layers/home-desktop-" + layer + ".png"));
    }
    List<Summary.ElementRow> elements = List.of(
        new Summary.ElementRow("#buy", "Buy", 6, 0.6, 0, 1, 0, List.of(100.0, 100.0, 200.0, 50.0)),
        new Summary.ElementRow(
            "#photo", HOSTILE, 3, 0.3, 3, 0, 0, List.of(100.0, 300.0, 300.0, 300.0)),
        new Summary.ElementRow(
            "#coupon", "Apply", 1, 0.1, 0, 0, 1, List.of(100.0, 700.0, 120.0, 40.0)));
    Summary.PageRow home = new Summary.PageRow(
        "/",
        "desktop",
        Map.of("800x600", 2),
        2,
        10,
        "800x600 /",
        new Summary.Maps(
            "heatmaps/home-desktop-click.png",
            "heatmaps/home-desktop-move.png",
            "heatmaps/home-desktop-scroll.png"),
        "screens/home-800x600.png",
        new Summary.Scroll(1200, 600, Map.of("75", 900)),
        elements,
        Map.of(HOSTILE, 1));
    Summary summary = new Summary(
        Summary.VERSION,
        "heatcheck test",
        "run-1",
        "2026-11-23T00:00:00Z",
        null,
        null,
        "Chromium",
        false,
        List.of(),
        List.of(new Finding(Kind.DEAD, "s", "/", "800x600", "#photo", HOSTILE, 3, "no reaction")),
        List.of(new Check("s", "deadClicks", Level.FAIL, 3, 0, null, Bound.MAX, "s.yaml:9:3")),
        List.of(new FailedStep(
            "s",
            "800x600",
            "click \"#gone\": no visible element matched within 5000 ms",
            "s.yaml:5:5")),
        List.of(home),
        "events.jsonl",
        new Summary.Grouping("mobile<768,tablet<1024,desktop", List.of()),
        List.of(),
        List.of(),
        List.of(),
        REPLAYS);
    HtmlReport.write(summary, dir);
    // the same run without replays, as every scripted run is, beside it to show the same images
    Path other = Files.createTempDirectory("heatcheck-html-plain");
    HtmlReport.write(withReplays(summary, List.of()), other);
    plain = Files.copy(other.resolve(HtmlReport.NAME), dir.resolve("plain.html"));
  }

  @BeforeMethod
  public void open() {
    context = context();
    page = page();
    consoleErrors.clear();
    dialogs.clear();
    page.onConsoleMessage(m -> {
      if ("error".equals(m.type())) {
        consoleErrors.add(m.text());
      }
    });
    page.onPageError(consoleErrors::add);
    page.onDialog(d -> {
      dialogs.add(d.message());
      d.dismiss();
    });
    page.navigate(dir.resolve("index.html").toUri().toString());
    page.waitForFunction("() => document.querySelectorAll('#elements tbody tr').length === 3");
  }

  @Test
  public void
      it_opens_without_console_errors_and_shows_the_checks_and_the_step_that_could_not_be_done() {
    page.waitForTimeout(300);
    assertEquals(consoleErrors, List.of());
    assertEquals(page.locator("#checks tbody tr").count(), 2);
    String step = page.locator("#checks tbody tr").nth(0).innerText();
    assertTrue(
        step.contains("step at s.yaml:5:5")
            && step.contains("no visible element")
            && step.contains("FAIL"),
        step);
    assertTrue(page.locator("#checks tbody tr").nth(1).innerText().contains("FAIL"));
    assertEquals(page.locator("#verdict").innerText(), "Checks failed");
  }

  @Test
  public void every_layer_toggle_changes_what_is_drawn() {
    for (String layer : List.of("click", "move", "scroll", "dead", "rage", "error")) {
      byte[] before = stage();
      page.locator("#layer-" + layer).click();
      page.waitForTimeout(100);
      byte[] after = stage();
      assertFalse(Arrays.equals(before, after), "toggling " + layer + " changed nothing");
      page.locator("#layer-" + layer).click();
    }
  }

  @Test
  public void the_element_table_sorts_by_a_column_both_ways() {
    page.locator("#elements th[data-key=clicks]").click();
    assertEquals(column(1), List.of("1", "3", "6"), "ascending after one click");
    page.locator("#elements th[data-key=clicks]").click();
    assertEquals(column(1), List.of("6", "3", "1"));
    page.locator("#elements th[data-key=selector]").click();
    assertEquals(
        column(0).stream().map(s -> s.split("\n")[0]).toList(),
        List.of("#buy", "#coupon", "#photo"));
  }

  @Test
  public void text_from_the_site_is_shown_as_text_and_never_runs() {
    page.locator("#elements tbody tr").nth(1).hover();
    page.waitForTimeout(300);
    assertEquals(dialogs, List.of(), "the hostile text ran");
    assertEquals(page.locator("img[src=x]").count(), 0, "the hostile text became markup");
    assertTrue(page.locator("#elements").innerText().contains(HOSTILE));
    assertTrue(page.locator("#details").innerText().contains(HOSTILE));
    assertTrue(page.locator("#gone").innerText().contains(HOSTILE));
  }

  @Test
  public void hovering_an_outline_shows_its_element() {
    page.locator(".box.dead").first().hover();
    assertTrue(page.locator("#details").innerText().contains("#photo"));
    assertNotEquals(page.locator(".box.dead").count(), 0);
  }

  @Test
  public void the_replayed_section_shows_each_recordings_fidelity_and_its_divergences() {
    assertTrue(page.locator("#replays").isVisible());
    assertEquals(
        page.locator("#fidelity tbody tr").allInnerTexts().stream()
            .map(r -> r.replaceAll("\\s+", " ").strip())
            .toList(),
        List.of("sessions/session.json session 28 25 1 1 1", "flow 4 4 0 0 0"));
    assertEquals(
        page.locator("#divergences tbody tr").allInnerTexts().stream()
            .map(r -> r.replaceAll("\\s+", " ").strip())
            .toList(),
        List.of(
            "sessions/session.json session session/1280x800/1 3.5 s click #wishlist"
                + " text=\"Save to wishlist\" done at the recorded position",
            "sessions/session.json session session/1280x800/1 untimed input " + HOSTILE
                + " skipped"));
    page.waitForTimeout(300);
    assertEquals(dialogs, List.of(), "the hostile locator ran");
    assertEquals(page.locator("img[src=x]").count(), 0, "the hostile locator became markup");
  }

  @Test
  public void a_run_without_replays_has_no_replayed_section() {
    page.navigate(plain.toUri().toString());
    page.waitForFunction("() => document.querySelectorAll('#elements tbody tr').length === 3");
    assertFalse(page.locator("#replays").isVisible());
    assertEquals(consoleErrors, List.of());
  }

  private static Summary withReplays(Summary s, List<Summary.Replay> replays) {
    return new Summary(
        s.version(),
        s.tool(),
        s.runId(),
        s.startedAt(),
        s.finishedAt(),
        s.baseUrl(),
        s.browser(),
        s.passed(),
        s.scenarios(),
        s.findings(),
        s.checks(),
        s.failedSteps(),
        s.pages(),
        s.events(),
        s.grouping(),
        s.variants(),
        s.failedVisitors(),
        s.failedPages(),
        replays);
  }

  private byte[] stage() {
    return page.locator("#stage").screenshot();
  }

  private List<String> column(int index) {
    return page.locator("#elements tbody tr").all().stream()
        .map(r -> r.locator("td").nth(index).innerText().strip())
        .toList();
  }

  /** A picture of the given size; with a colour, a bar of it across the middle on a clear ground. */
  private static BufferedImage filled(int width, int height, Color ground, Color bar) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(ground);
    g.fillRect(0, 0, width, height);
    if (bar != null) {
      g.setColor(bar);
      g.fillRect(0, height / 2 - 100, width, 200);
    }
    g.dispose();
    return image;
  }
}
