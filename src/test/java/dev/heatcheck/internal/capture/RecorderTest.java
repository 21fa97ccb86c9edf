package dev.heatcheck.internal.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** The recorder in a real Chromium, on a fixture page served from 127.0.0.1. */
public class RecorderTest extends BrowserTest {
  private Path events;
  private EventLog log;
  private BrowserContext context;
  private Recorder recorder;
  private Page page;

  @Override
  protected LocalServer serve() {
    return LocalServer.serve("fixtures/capture");
  }

  @Override
  protected Browser.NewContextOptions contextOptions() {
    return new Browser.NewContextOptions().setViewportSize(800, 600);
  }

  @BeforeMethod
  public void openVisitor() throws IOException {
    events = Files.createTempFile("heatcheck-recorder", ".jsonl");
    log = EventLog.create(events);
    context = context();
    recorder = Recorder.attach(context, "s1", "fixture", log);
    page = page();
    page.navigate(url("/"));
  }

  @AfterMethod(alwaysRun = true)
  public void closeVisitor() throws IOException {
    Recorder.close(context);
    log.close();
    Files.deleteIfExists(events);
  }

  @Test
  public void a_page_view_is_recorded_with_its_path_and_sizes_and_about_blank_is_not() {
    settle(100);
    List<Event.View> views = recorded(Event.View.class);
    assertFalse(views.isEmpty());
    assertTrue(
        views.stream().allMatch(v -> v.path().equals("/") && v.vw() == 800 && v.vh() == 600));
    assertTrue(views.stream()
        .allMatch(v -> v.scenario().equals("fixture") && v.session().equals("s1")));
    assertTrue(views.stream().noneMatch(v -> v.url().startsWith("about:")));
  }

  @Test
  public void a_click_is_recorded_with_its_target_described() {
    page.locator("#mutate").click();
    settle(100);
    Event.Click click = recorded(Event.Click.class).get(0);
    assertEquals(click.target().selector(), "#mutate");
    assertEquals(click.target().tag(), "button");
    assertEquals(click.target().role(), "button");
    assertEquals(click.target().text(), "Mutate the page");
    assertTrue(click.target().interactive());
    assertFalse(click.target().editable());
    List<Double> box = click.target().box();
    assertTrue(click.x() >= box.get(0) && click.x() <= box.get(0) + box.get(2), "x inside the box");
    assertTrue(click.y() >= box.get(1) && click.y() <= box.get(1) + box.get(3), "y inside the box");
    assertEquals(click.target().rx(), 0.5, 0.05);
    assertEquals(click.target().ry(), 0.5, 0.05);
  }

  @Test
  public void a_click_on_a_span_inside_a_button_is_credited_to_the_button_with_a_path_selector() {
    page.locator("#inner-label-x").click();
    settle(100);
    Event.Click click = recorded(Event.Click.class).get(0);
    assertEquals(click.target().tag(), "button");
    assertEquals(click.target().selector(), "body > section > ul > li:nth-of-type(2) > button");
    assertEquals(
        page.locator(click.target().selector()).count(), 1, "the selector finds the element again");
  }

  @Test
  public void a_generated_id_is_passed_over_for_a_test_id() {
    page.locator("#btn-83a7f2c1").click();
    settle(100);
    assertEquals(
        recorded(Event.Click.class).get(0).target().selector(),
        "button[data-testid=\"generated-id\"]");
  }

  @Test
  public void a_mutation_after_a_click_is_recorded_as_its_effect() {
    page.locator("#mutate").click();
    settle(300);
    assertTrue(effectKinds().contains("mutation"), effectKinds().toString());
  }

  @Test
  public void a_request_after_a_click_is_recorded_as_its_effect() {
    page.locator("#fetch-only").click();
    settle(300);
    assertTrue(effectKinds().contains("request"), effectKinds().toString());
    assertFalse(effectKinds().contains("mutation"), effectKinds().toString());
  }

  @Test
  public void a_dialog_is_recorded_and_dismissed() {
    page.locator("#alert").click();
    settle(300);
    assertTrue(effectKinds().contains("dialog"), effectKinds().toString());
  }

  @Test
  public void an_exception_in_a_click_handler_is_recorded_as_an_error() {
    page.locator("#throws").click();
    settle(300);
    List<Event.PageError> errors = recorded(Event.PageError.class);
    assertEquals(errors.size(), 1);
    assertTrue(
        errors.get(0).message().contains("Cannot read properties of null"),
        errors.get(0).message());
  }

  @Test
  public void a_click_that_does_nothing_has_no_effect() {
    page.locator("#nothing").click();
    page.locator("#hover-only").hover();
    page.locator("#hover-only").click();
    settle(500);
    assertEquals(effectKinds(), List.of(), effects().toString());
    assertEquals(recorded(Event.Click.class).size(), 2);
  }

  @Test
  public void values_typed_into_fields_are_never_recorded_and_masked_text_is_hidden()
      throws IOException {
    page.locator("#secret").click();
    page.locator("#secret").fill("hunter2-typed-secret");
    page.locator("#masked").click();
    page.keyboard().type("4111111111111111");
    page.locator("#masked-button").click();
    settle(200);
    String written = Files.readString(events);
    assertFalse(written.contains("hunter2"), "typed value leaked");
    assertFalse(written.contains("4111"), "typed value leaked");
    assertFalse(written.contains("Jane Doe"), "masked text leaked");
    Event.Click field = recorded(Event.Click.class).get(0);
    assertEquals(field.target().text(), "Your secret");
    assertTrue(field.target().editable());
  }

  @Test
  public void scrolling_is_recorded_with_the_position_reached() {
    page.setViewportSize(800, 200);
    page.mouse().move(100, 100);
    page.mouse().wheel(0, 300);
    settle(400);
    List<Event.Scroll> scrolls = recorded(Event.Scroll.class);
    assertFalse(scrolls.isEmpty());
    assertTrue(scrolls.get(scrolls.size() - 1).y() > 0);
  }

  @Test
  public void a_move_right_after_the_page_loads_is_recorded() {
    page.navigate(url("/"));
    page.mouse().move(40, 30);
    settle(200);
    // Chromium may send one at (0, 0), where Playwright's pointer starts, as the page lays out
    List<List<Double>> moves =
        recorded(Event.Move.class).stream().map(RecorderTest::point).toList();
    assertTrue(moves.contains(List.of(40.0, 30.0)), moves.toString());
  }

  @Test
  public void a_path_ends_where_the_pointer_stopped() {
    settle(100);
    page.mouse().move(100, 100);
    // the steps come within a few ms of each other: the last one, less than 50 ms after the first
    page.mouse().move(300, 250, new Mouse.MoveOptions().setSteps(3));
    settle(200);
    List<List<Double>> moves = burst(List.of(100.0, 100.0));
    assertEquals(moves.get(moves.size() - 1), List.of(300.0, 250.0), moves.toString());
  }

  @Test
  public void moves_are_sent_at_most_one_per_50_ms_window_and_the_last_one_too() {
    settle(100);
    long start = System.currentTimeMillis();
    page.mouse().move(100, 100);
    page.mouse().move(300, 250, new Mouse.MoveOptions().setSteps(20));
    long elapsed = System.currentTimeMillis() - start;
    settle(200);
    List<List<Double>> moves = burst(List.of(100.0, 100.0));
    assertEquals(moves.get(moves.size() - 1), List.of(300.0, 250.0), moves.toString());
    // one move at once, then at most one per 50 ms window, the last one's after the pointer stopped
    assertTrue(
        moves.size() <= 2 + elapsed / 50, moves.size() + " moves of 21 in " + elapsed + " ms");
  }

  @Test
  public void a_held_move_is_sent_when_java_drains_the_page() {
    settle(100);
    page.mouse().move(100, 100);
    page.mouse().move(300, 250, new Mouse.MoveOptions().setSteps(3));
    Recorder.drain(page); // at once: the window holding the last move is still open
    List<Event.Move> moves = recorded(Event.Move.class);
    assertEquals(point(moves.get(moves.size() - 1)), List.of(300.0, 250.0), moves.toString());
  }

  @Test
  public void a_held_move_goes_with_its_own_view_when_an_spa_route_ends_it() {
    settle(100);
    page.mouse().move(100, 100);
    page.mouse().move(300, 250, new Mouse.MoveOptions().setSteps(3));
    page.evaluate("() => history.pushState({}, '', '/next')");
    settle(200);
    page.mouse().move(50, 60);
    settle(200);
    List<Event> order = recorded(Event.class);
    String first = recorded(Event.View.class).get(0).id();
    int next = indexOf(order, e -> e instanceof Event.View v && v.path().equals("/next"));
    assertTrue(next > 0, "the route's view: " + order);
    List<List<Double>> before = order.subList(0, next).stream()
        .filter(e -> e instanceof Event.Move m && m.view().equals(first))
        .map(e -> point((Event.Move) e))
        .toList();
    assertEquals(before.get(before.size() - 1), List.of(300.0, 250.0), before.toString());
    List<List<Double>> after = order.subList(next, order.size()).stream()
        .filter(e -> e instanceof Event.Move)
        .map(e -> point((Event.Move) e))
        .toList();
    assertEquals(after, List.of(List.of(50.0, 60.0)), "only the move made in the new view");
  }

  @Test
  public void
      a_dialog_storm_is_recorded_as_its_first_dialogs_of_the_view_and_a_count_of_the_rest() {
    page.navigate(server.baseUrl() + "/dialogs.html");
    page.locator("#storm").click();
    page.waitForFunction(
        "() => document.getElementById('out').textContent == 'done'"); // Playwright dismissed all
    // 250
    recorder.stop();
    List<String> seenByTheBrowser = recorded(Event.Effect.class).stream()
        .filter(e -> e.kind().equals("dialog") && e.detail() != null)
        .map(Event.Effect::detail)
        .toList();
    assertEquals(
        seenByTheBrowser, List.of("alert", "alert", "alert", "alert", "alert", "245 more"));
  }

  @Test
  public void stop_takes_off_everything_the_recorder_attached() throws IOException {
    page.locator("#mutate").click();
    settle(100);
    recorder.stop();
    long before = Files.size(events);
    page.locator("#fetch-only").click(); // a request
    page.evaluate("() => console.error('after the recording')");
    page.navigate(server.baseUrl() + "/dialogs.html"); // a navigation, and a new document
    page.locator("#confirm").click(); // a dialog
    page.locator("#busy").click();
    Page popup = page.waitForPopup(() -> page.evaluate("() => window.open('/index.html')"));
    popup.locator("#mutate").click();
    settle(300);
    assertEquals(
        Files.size(events), before, "nothing is recorded after stop: " + Files.readString(events));
    for (Page open : List.of(page, popup)) {
      assertEquals(
          open.evaluate("() => typeof window.__heatcheckRecorder"),
          "undefined",
          "the init script is gone");
      assertEquals(
          open.evaluate("() => typeof window.__heatcheck"), "undefined", "the binding is gone");
    }
    recorder.stop(); // again: nothing to do
  }

  @Test
  public void closing_a_visit_whose_browser_went_first_is_not_an_error() {
    Set<Long> before = browserProcesses().map(ProcessHandle::pid).collect(Collectors.toSet());
    try (BrowserSession other = BrowserSession.open(Optional.empty(), false, System.err)) {
      BrowserContext orphan = other.browser().newContext();
      Recorder.attach(orphan, "s2", "fixture", log);
      orphan.newPage().navigate(server.baseUrl() + "/");
      // the browser dies under Playwright, as when it crashes
      List<ProcessHandle> killed =
          browserProcesses().filter(p -> !before.contains(p.pid())).toList();
      assertEquals(killed.size(), 1, "the second browser's process");
      killed.get(0).destroyForcibly();
      killed.get(0).onExit().join();
      Recorder.close(orphan);
      assertFalse(other.browser().isConnected());
    }
  }

  /** The browsers this JVM started: Chromium processes whose parent is not Chromium (Playwright's driver). */
  private static Stream<ProcessHandle> browserProcesses() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> isChromium(p) && !p.parent().map(RecorderTest::isChromium).orElse(false));
  }

  private static boolean isChromium(ProcessHandle process) {
    return process
        .info()
        .command()
        .map(c -> c.contains("chromium") || c.contains("chrome"))
        .orElse(false);
  }

  /** The moves from the one at {@code first} on (Chromium may send one at (0, 0) on layout). */
  private List<List<Double>> burst(List<Double> first) {
    List<List<Double>> all =
        recorded(Event.Move.class).stream().map(RecorderTest::point).toList();
    int from = all.indexOf(first);
    assertTrue(from >= 0, first + " is recorded: " + all);
    return all.subList(from, all.size());
  }

  private static List<Double> point(Event.Move move) {
    return List.of(move.x(), move.y());
  }

  private static int indexOf(List<Event> events, Predicate<Event> which) {
    for (int i = 0; i < events.size(); i++) {
      if (which.test(events.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private void settle(long ms) {
    page.waitForTimeout(ms); // Playwright delivers the binding's calls while it waits
  }

  private <T extends Event> List<T> recorded(Class<T> type) {
    List<T> found = new ArrayList<>();
    EventReader.read(events, e -> {
      if (type.isInstance(e)) {
        found.add(type.cast(e));
      }
    });
    return found;
  }

  private List<Event.Effect> effects() {
    long firstClick =
        recorded(Event.Click.class).stream().mapToLong(Event.Click::t).min().orElse(Long.MAX_VALUE);
    return recorded(Event.Effect.class).stream()
        .filter(e -> e.t() >= firstClick)
        .toList();
  }

  /** Effects since the first click: the page's loading before it answers no click. */
  private List<String> effectKinds() {
    long firstClick =
        recorded(Event.Click.class).stream().mapToLong(Event.Click::t).min().orElse(Long.MAX_VALUE);
    return recorded(Event.Effect.class).stream()
        .filter(e -> e.t() >= firstClick)
        .map(Event.Effect::kind)
        .toList();
  }
}
