package dev.heatcheck.internal.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.LoadState;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.internal.events.Target;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

/**
 * What the recorder captures on pages that are hard to capture: frames, shadow roots, SVG, fixed and
 * sticky elements, scroll containers, SPA routes, pages that unload, stable selectors and privacy.
 * A real Chromium per class, a fresh context per test, pages from fixtures/corpus on 127.0.0.1.
 */
public class CaptureTest extends BrowserTest {
  private Path events;
  private EventLog log;
  private BrowserContext context;
  private Page page;

  @Override
  protected LocalServer serve() {
    return CorpusSite.serve();
  }

  @AfterMethod(alwaysRun = true)
  public void closeVisitor() throws IOException {
    if (context != null) {
      Recorder.close(context);
      context = null;
    }
    if (log != null) {
      log.close();
      Files.deleteIfExists(events);
    }
  }

  // ---- frames
  // --------------------------------------------------------------------------------------

  @Test
  public void a_click_in_a_same_origin_frame_is_in_top_document_coordinates_and_names_the_frame() {
    visit("/frames.html");
    page.evaluate("() => window.scrollTo(0, 40)");
    double[] inFrame = click(frame("frame-inner.html").locator("#frame-alive"));
    double[] nested = click(frame("frame-nested.html").locator("#nested-alive"));
    double[] dynamic = click(frame("frame-dynamic.html").locator("#dynamic-alive"));
    settle(300);

    List<Event.Click> clicks = recorded(Event.Click.class);
    assertEquals(
        clicks.stream().map(c -> c.target().selector()).toList(),
        List.of(
            "#pay >>> #frame-alive",
            "#pay >>> #nested >>> #nested-alive",
            "#later >>> #dynamic-alive"));
    assertEquals(
        clicks.stream().map(c -> c.target().frame()).toList(), List.of("#pay", "#pay", "#later"));
    double scrollY = number("() => scrollY");
    double[][] points = {inFrame, nested, dynamic};
    for (int i = 0; i < clicks.size(); i++) {
      Event.Click click = clicks.get(i);
      assertEquals(click.x(), points[i][0], 1.0, click.target().selector() + " x");
      assertEquals(
          click.y(),
          points[i][1] + scrollY,
          1.0,
          click.target().selector() + " y in the top document");
      assertEquals(click.vy(), points[i][1], 1.0, click.target().selector() + " vy");
      assertInside(click);
      assertEquals(
          Selectors.locate(page, click.target().selector()).count(),
          1,
          click.target().selector());
      assertEquals(
          boxOf(click.target().selector()),
          click.target().box(),
          click.target().selector() + " found again by BOXES");
    }
    assertTrue(
        effectKinds().contains("mutation"),
        "a frame's DOM changes are its clicks' reactions: " + effectKinds());
    assertEquals(viewIds().size(), 1, "frames are part of the top document's view");
  }

  @Test
  public void frames_that_pages_and_libraries_make_start_no_recorder_of_their_own() {
    visit("/frames.html");
    // about:blank frames (one with a frame inside), a srcdoc frame, and a same-origin page made by
    // script
    List<?> recorded = (List<?>) page.evaluate(
        "() => [...document.querySelectorAll('iframe')].map(f => { try { return f.contentWindow.__heatcheckRecorder === true; }"
            + " catch (e) { return 'cross-origin'; } })");
    assertEquals(
        recorded,
        List.of(true, false, false, false, false, true),
        "#pay and #later are recorded; the three about:blank frames and the srcdoc frame are not");
    assertEquals(page.frames().size(), 11, "the page's 10 frames and no more");
    settle(100);
    assertTrue(recorded(Event.View.class).stream().allMatch(v -> v.path().equals("/frames.html")));
    assertEquals(viewIds().size(), 1);
  }

  // ---- shadow DOM, SVG
  // ------------------------------------------------------------------------------

  @Test
  public void
      a_click_in_a_shadow_root_gets_a_selector_that_pierces_the_host_and_its_reaction_is_seen() {
    visit("/shadow.html");
    click(page.locator("#shadow-alive"));
    settle(300);
    List<String> afterAlive = effectKinds();
    click(page.locator("#deep-alive"));
    click(page.locator("#shadow-dead"));
    settle(300);

    List<Event.Click> clicks = recorded(Event.Click.class);
    assertEquals(
        clicks.stream().map(c -> c.target().selector()).toList(),
        List.of(
            "#cart >> #shadow-alive",
            "#cart >> div.panel > inner-badge >> #deep-alive",
            "#cart >> #shadow-dead"));
    for (Event.Click click : clicks) {
      assertEquals(
          page.locator(click.target().selector()).count(),
          1,
          click.target().selector() + " with Playwright");
      assertEquals(
          boxOf(click.target().selector()),
          click.target().box(),
          click.target().selector() + " with BOXES");
      assertEquals(click.target().tag(), "button");
      assertInside(click);
    }
    assertEquals(
        afterAlive, List.of("mutation"), "a mutation inside the shadow root answers the click");
    assertEquals(clicks.get(0).target().text(), "Add (in a shadow root)");
  }

  @Test
  public void a_click_on_an_svg_part_is_credited_to_the_part_the_page_listens_on() {
    visit("/svg.html");
    click(page.locator("#bar-alive"));
    click(page.locator("#dot-dead"));
    click(page.locator("#path-alive"));
    settle(200);

    List<Target> targets =
        recorded(Event.Click.class).stream().map(Event.Click::target).toList();
    assertEquals(
        targets.stream()
            .map(t -> t.tag() + " " + t.selector() + " " + t.interactive())
            .toList(),
        List.of("g #bars true", "circle #dot-dead false", "path #path-alive true"));
    for (Event.Click click : recorded(Event.Click.class)) {
      assertInside(click);
    }
  }

  // ---- fixed and sticky
  // ----------------------------------------------------------------------------

  @Test
  public void
      a_fixed_or_stuck_sticky_target_is_marked_fixed_and_its_click_keeps_its_viewport_point() {
    visit("/fixed.html");
    click(page.locator("#far-dead"));
    double scrollY = number("() => scrollY");
    assertTrue(scrollY > 300, "the page scrolled to the far button");
    double[] fixedPoint = click(page.locator("#fixed-alive"));
    page.evaluate("() => window.scrollBy(0, 500)");
    click(page.locator("#sticky-alive"));
    settle(200);

    List<Event.Click> clicks = recorded(Event.Click.class);
    assertEquals(clicks.stream().map(c -> c.target().fixed()).toList(), List.of(false, true, true));
    Event.Click fixed = clicks.get(1);
    assertEquals(fixed.vx(), fixedPoint[0], 1.0);
    assertEquals(fixed.vy(), fixedPoint[1], 1.0);
    assertEquals(fixed.y(), fixedPoint[1] + scrollY, 1.0, "x and y stay page coordinates");
    assertInside(fixed);
  }

  // ---- scrolling
  // ----------------------------------------------------------------------------------

  @Test
  public void an_inner_scroll_container_is_sampled_with_its_own_reach_and_the_window_apart() {
    visit("/capture/scrolling.html");
    BoundingBox list = page.locator("#list").boundingBox();
    page.mouse().move(list.x + 50, list.y + 50);
    page.mouse().wheel(0, 400);
    settle(400);

    List<Event.Scroll> inList = recorded(Event.Scroll.class).stream()
        .filter(s -> "#list".equals(s.container()))
        .toList();
    assertFalse(inList.isEmpty(), recorded(Event.Scroll.class).toString());
    Event.Scroll last = inList.get(inList.size() - 1);
    assertEquals(last.containerY(), number("() => document.getElementById('list').scrollTop"), 1.0);
    assertEquals(last.containerVh().intValue(), (int)
        number("() => document.getElementById('list').clientHeight"));
    assertEquals(last.containerH().intValue(), (int)
        number("() => document.getElementById('list').scrollHeight"));
    assertEquals(last.containerBox().get(1), list.y, 1.0);
    assertEquals(last.y(), 0.0, "the window did not move");
  }

  @Test
  public void content_that_loads_while_scrolling_grows_the_document_seen() {
    visit("/capture/scrolling.html");
    int before =
        recorded(Event.View.class).stream().mapToInt(Event.View::docH).max().orElse(0);
    page.mouse().move(600, 300);
    for (int i = 0; i < 12; i++) {
      page.mouse().wheel(0, 900);
      page.waitForTimeout(120);
    }
    settle(400);

    List<Event.Scroll> window =
        recorded(Event.Scroll.class).stream().filter(s -> s.container() == null).toList();
    int tallest = window.stream().mapToInt(Event.Scroll::docH).max().orElse(0);
    assertTrue(tallest > before + 2_000, "the feed loaded more rows: " + before + " -> " + tallest);
    assertEquals(
        tallest,
        (int) number("() => document.documentElement.scrollHeight"),
        "the final height is on record");
    assertTrue(
        window.stream().anyMatch(s -> s.y() > before), "the visitor went past the first end");
  }

  // ---- SPA routes and unloading
  // -----------------------------------------------------------------------

  @Test
  public void each_spa_route_is_a_new_view_and_the_route_change_answers_the_click() {
    visit("/capture/spa-app.html");
    click(page.locator("#to-products"));
    click(page.locator("#to-reviews"));
    settle(200);
    click(page.locator("#back"));
    settle(300);

    List<Event.View> views = distinctViews();
    assertEquals(
        views.stream().map(v -> v.path() + urlHash(v.url())).toList(),
        List.of(
            "/capture/spa-app.html", "/app/products", "/app/products#reviews", "/app/products"));
    List<Event.Click> clicks = recorded(Event.Click.class);
    assertEquals(
        clicks.get(0).view(), views.get(0).id(), "a click belongs to the view it happened in");
    assertEquals(clicks.get(1).view(), views.get(1).id());
    assertEquals(clicks.get(2).view(), views.get(2).id());
    List<Event.Effect> navigations = recorded(Event.Effect.class).stream()
        .filter(e -> e.kind().equals("navigation"))
        .toList();
    for (Event.Click click : clicks) {
      assertTrue(
          navigations.stream().anyMatch(n -> n.t() >= click.t() && n.t() - click.t() < 500),
          "a navigation right after " + click.target().selector() + ": " + navigations);
    }
  }

  /**
   * The click is sent while the document is still there; closing the context then must return at once
   * although a load is in flight (Chromium never finished closing a context whose page committed that
   * load meanwhile, until Recorder.close stopped it first).
   */
  @Test
  public void a_click_that_leaves_the_page_is_recorded_before_the_document_goes()
      throws IOException {
    for (String id : List.of("#to-slow", "#to-other-origin", "#script-leaves")) {
      visit("/capture/leave.html");
      click(page.locator(id));
      page.waitForTimeout(400);
      long closing = System.currentTimeMillis();
      Recorder.close(context);
      context = null;
      assertTrue(
          System.currentTimeMillis() - closing < 10_000,
          id + ": closing took " + (System.currentTimeMillis() - closing) + " ms");
      List<Event.Click> clicks = recorded(Event.Click.class);
      assertEquals(clicks.size(), 1, id);
      assertEquals(clicks.get(0).target().selector(), id);
      if (id.equals("#script-leaves")) {
        assertTrue(
            recorded(Event.Effect.class).stream()
                .anyMatch(
                    e -> e.kind().equals("navigation") && e.t() - clicks.get(0).t() < 200),
            "the page said it is leaving: " + recorded(Event.Effect.class));
      }
      closeVisitor();
    }
  }

  /** A popup's recorder may start before Java has given the new page its binding: it keeps its messages till then. */
  @Test
  public void a_popup_is_recorded_from_its_first_page_view() throws IOException {
    visit("/capture/popup.html");
    Page popup = page.waitForPopup(() -> click(page.locator("#open-results")));
    popup.locator("#result").click();
    popup.waitForTimeout(100);
    Recorder.close(context);
    context = null;
    List<Event.View> views = distinctViews();
    assertEquals(
        views.stream().map(Event.View::path).toList(),
        List.of("/capture/popup.html", "/capture/results.html"));
    List<Event.Click> clicks = recorded(Event.Click.class);
    assertEquals(
        clicks.stream().map(c -> c.target().selector()).toList(),
        List.of("#open-results", "#result"));
    assertEquals(
        clicks.get(1).view(), views.get(1).id(), "the popup's click is on the popup's page view");
    assertTrue(
        recorded(Event.Effect.class).stream()
            .anyMatch(
                e -> e.kind().equals("popup") && e.view().equals(views.get(0).id())),
        "the opener's click opened a popup: " + recorded(Event.Effect.class));
  }

  // ---- selectors and element metadata
  // ---------------------------------------------------------------

  private static final List<String> STABLE = List.of(
      "section.cards > div:nth-of-type(1) > button",
      "div.featured > button",
      "body > ul > li:nth-of-type(2) > button",
      "body > button:nth-of-type(1)",
      "#plain-id",
      "button[data-testid=\"checkout\"]",
      "button[data-test=\"test-attr\"]",
      "button[data-qa=\"qa-attr\"]",
      "button[aria-label=\"Close the dialog\"]",
      "div[role=\"tab\"]",
      "body > nav > a:nth-of-type(1)");

  @Test
  public void
      selectors_prefer_stable_names_skip_generated_ones_and_survive_reloads_and_unrelated_insertions() {
    visit("/capture/selectors.html");
    List<String> first = clickStableTargets();
    page.reload();
    page.evaluate("() => {"
        + " const promo = document.createElement('div'); promo.className = 'promo';"
        + " promo.innerHTML = '<button>Dismiss</button><div class=\"card\"><button class=\"buy\">Buy</button></div>';"
        + " document.body.prepend(promo);"
        + " document.querySelector('nav').after(Object.assign(document.createElement('p'), {textContent: 'news'}));"
        + " document.body.append(Object.assign(document.createElement('button'), {id: 'x9f8e7d6c', className: 'sc-bdVaJa'}));"
        + " document.querySelector('section.cards').append(Object.assign(document.createElement('p'), {textContent: 'more'}));"
        + "}");
    List<String> second = clickStableTargets();

    assertEquals(first, STABLE);
    assertEquals(second, first, "the same elements, the same selectors");
    for (String selector : second) {
      assertEquals(page.locator(selector).count(), 1, selector);
    }
  }

  private List<String> clickStableTargets() {
    int before = recorded(Event.Click.class).size();
    for (String css : List.of(
        "div.card >> nth=0",
        ".featured button",
        "#r1a2b3c4",
        "#btn-83a7f2c1",
        "#plain-id",
        "[data-testid=checkout]",
        "[data-test=test-attr]",
        "[data-qa=qa-attr]",
        "[aria-label='Close the dialog']",
        "[role=tab]",
        "a.nav-link >> nth=0")) {
      Locator locator = page.locator(css);
      if (css.startsWith("div.card")) {
        locator = page.locator("section.cards div.card").first().locator("button");
      }
      click(locator);
    }
    settle(200);
    return recorded(Event.Click.class).stream()
        .skip(before)
        .map(c -> c.target().selector())
        .toList();
  }

  @Test
  public void
      a_target_is_described_by_tag_role_short_text_link_interactivity_box_and_the_point_inside_it() {
    visit("/capture/selectors.html");
    click(page.locator("#long-text"));
    click(page.locator("#div-listener"));
    click(page.locator("#div-pointer"));
    click(page.locator("#div-tabindex"));
    click(page.locator("#plain-p"));
    click(page.locator("#rel-link"));
    Locator box = page.locator("#box-target");
    box.scrollIntoViewIfNeeded();
    BoundingBox b = box.boundingBox();
    page.mouse().click(b.x + b.width * 0.25, b.y + b.height * 0.75);
    click(page.locator("#named-field"));
    click(page.locator("#labelled"));
    click(page.locator("[role=tab]"));
    settle(300);

    List<Target> t =
        recorded(Event.Click.class).stream().map(Event.Click::target).toList();
    assertEquals(
        t.get(0).text(),
        "A label that goes on and on, well past f",
        "whitespace collapsed, 40 characters");
    assertEquals(
        t.stream().skip(1).limit(4).map(Target::interactive).toList(),
        List.of(true, true, true, false),
        "a click listener, cursor: pointer and tabindex make an element interactive; plain text is not");
    assertEquals(t.get(5).href(), server.baseUrl() + "/capture/next.html");
    assertEquals(t.get(5).role(), "link");
    assertEquals(t.get(6).rx(), 0.25, 0.01);
    assertEquals(t.get(6).ry(), 0.75, 0.01);
    assertEquals(
        t.get(6).box(),
        List.of(round(b.x), round(b.y + number("() => scrollY")), round(b.width), round(b.height)));
    assertEquals(t.get(7).text(), "Email address");
    assertTrue(t.get(7).editable());
    assertEquals(t.get(8).text(), "Full name");
    assertEquals(t.get(9).role(), "tab");
    assertEquals(t.get(9).text(), "A tab");
    for (Event.Click click : recorded(Event.Click.class)) {
      assertInside(click);
    }
  }

  @Test
  public void a_click_made_with_the_keyboard_is_placed_on_its_element() {
    visit("/capture/selectors.html");
    page.locator("#kbd").focus();
    page.keyboard().press("Enter");
    settle(200);

    Event.Click click = recorded(Event.Click.class).get(0);
    assertEquals(click.target().selector(), "#kbd");
    // the click is recorded in whole pixels: its middle is within half a pixel
    assertEquals(click.target().rx(), 0.5, 0.5 / click.target().box().get(2) + 0.001);
    assertEquals(click.target().ry(), 0.5, 0.5 / click.target().box().get(3) + 0.001);
  }

  // ---- privacy
  // -------------------------------------------------------------------------------------

  @Test
  public void masked_and_ignored_targets_are_marked_and_masking_all_text_hides_every_label()
      throws IOException {
    visit("/inputs.html");
    click(page.locator("#masked-dead"));
    click(page.locator("#ignored"));
    click(page.locator("#focus-other"));
    settle(200);
    List<Target> targets =
        recorded(Event.Click.class).stream().map(Event.Click::target).toList();
    assertEquals(
        targets.stream().map(Target::text).toList(),
        List.of("***", "Ignored, does nothing", "Go to the search field"));
    assertEquals(targets.stream().map(Target::ignored).toList(), List.of(false, true, false));
    closeVisitor();

    visit("/capture/selectors.html", new Recorder.Options(true, null, 5_000));
    click(page.locator("[aria-label='Close the dialog']"));
    click(page.locator("#long-text"));
    click(page.locator("#labelled"));
    settle(200);
    targets = recorded(Event.Click.class).stream().map(Event.Click::target).toList();
    assertEquals(targets.stream().map(Target::text).toList(), List.of("***", "***", "***"));
    assertFalse(
        targets.get(0).selector().contains("Close"),
        "a masked label is not in the selector either: " + targets.get(0).selector());
  }

  private static final List<String> TYPED = List.of(
      "jane.doe@example.test",
      "hunter2-secret",
      "my private note",
      "diary entry text",
      "pancakes42",
      "bluecheese77");

  @Test
  public void nothing_typed_reaches_an_event_even_through_urls_requests_or_routes()
      throws IOException {
    visit("/capture/privacy.html");
    page.locator("#email").fill(TYPED.get(0));
    page.locator("#password").fill(TYPED.get(1));
    page.locator("#note").fill(TYPED.get(2));
    click(page.locator("#editor"));
    page.keyboard().type(TYPED.get(3));
    click(page.locator("#editor"));
    click(page.locator("#live-search"));
    page.keyboard().type(TYPED.get(4));
    click(page.locator("#save"));
    click(page.locator("#form-query"));
    page.keyboard().type(TYPED.get(5));
    page.keyboard().press("Enter");
    page.waitForURL("**/results.html**");
    page.waitForLoadState(LoadState.LOAD);
    click(page.locator("#result"));
    settle(400);
    Recorder.close(context);
    context = null;

    String written = Files.readString(events);
    for (String typed : TYPED) {
      assertFalse(
          written.toLowerCase().contains(typed.toLowerCase()),
          "\"" + typed + "\" leaked into:\n" + written);
    }
    List<String> urls =
        recorded(Event.View.class).stream().map(Event.View::url).distinct().toList();
    assertTrue(
        urls.contains(server.baseUrl() + "/capture/privacy.html?q=***"),
        "the search-as-you-type route, without the text: " + urls);
    assertTrue(
        urls.contains(server.baseUrl() + "/capture/results.html?query%5Btext%5D=***"),
        "the GET form's result page, without the text, though the form named the field query[text]: "
            + urls);
    assertTrue(
        urls.contains(server.baseUrl() + "/capture/privacy.html?q=***#/notes/***"),
        "a route named by typed text, without it: " + urls);
    assertTrue(
        recorded(Event.Effect.class).stream()
            .anyMatch(e -> "request".equals(e.kind())
                && (server.baseUrl() + "/api/suggest?q=***")
                    .equals(e.detail().substring(e.detail().indexOf(' ') + 1))),
        "the suggestion requests, without the text");
  }

  @Test
  public void typed_text_is_taken_out_of_every_part_of_a_url_however_it_is_written() {
    visit("/capture/privacy.html");
    page.locator("#email").fill("me+tag@example.test");
    page.locator("#note").fill("100% sure");
    page.locator("#live-search").fill("tom&jerry");
    // a path part with a literal +, a query value with a stray % and + for spaces, an & inside the
    // path
    page.evaluate(
        "() => history.pushState({}, '', '/capture/me+tag@example.test/tom&jerry/x?q=100%+sure&page=2#/a/100%25%20sure')");
    settle(200);
    List<String> urls = recorded(Event.View.class).stream().map(Event.View::url).toList();
    assertEquals(
        urls.get(urls.size() - 1), server.baseUrl() + "/capture/***/***/x?q=***&page=2#/a/***");
  }

  // ---- helpers
  // -------------------------------------------------------------------------------------

  private void visit(String path) {
    visit(path, Recorder.Options.defaults());
  }

  private void visit(String path, Recorder.Options options) {
    try {
      events = Files.createTempFile("heatcheck-capture", ".jsonl");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    log = EventLog.create(events);
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1000, 700));
    Recorder.attach(context, "s1", "capture", log, options);
    page = context.newPage();
    page.navigate(server.baseUrl() + path);
    page.waitForLoadState(LoadState.LOAD);
    page.waitForTimeout(150);
  }

  private Frame frame(String file) {
    return page.frames().stream()
        .filter(f -> f.url().endsWith(file))
        .findFirst()
        .orElseThrow();
  }

  /** Clicks the element's centre as a visitor would; returns the point in the viewport. */
  private double[] click(Locator locator) {
    locator.scrollIntoViewIfNeeded();
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    BoundingBox box = locator.boundingBox();
    double x = box.x + box.width / 2;
    double y = box.y + box.height / 2;
    page.mouse().click(x, y);
    page.waitForTimeout(50);
    return new double[] {x, y};
  }

  private void settle(long ms) {
    page.waitForTimeout(ms); // Playwright delivers the binding's calls while it waits
  }

  private double number(String script) {
    return ((Number) page.evaluate(script)).doubleValue();
  }

  private List<Double> boxOf(String selector) {
    List<?> box = (List<?>) ((List<?>) page.evaluate(Selectors.BOXES, List.of(selector))).get(0);
    return box == null
        ? null
        : box.stream().map(v -> ((Number) v).doubleValue()).toList();
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static void assertInside(Event.Click click) {
    List<Double> box = click.target().box();
    assertTrue(
        click.x() >= box.get(0) - 1
            && click.x() <= box.get(0) + box.get(2) + 1
            && click.y() >= box.get(1) - 1
            && click.y() <= box.get(1) + box.get(3) + 1,
        click.target().selector() + ": " + click.x() + "," + click.y() + " outside " + box);
  }

  private static String urlHash(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? "" : url.substring(hash);
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

  private Set<String> viewIds() {
    return recorded(Event.View.class).stream()
        .map(Event.View::id)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Each view once, in the order it started. */
  private List<Event.View> distinctViews() {
    List<Event.View> views = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Event.View view : recorded(Event.View.class)) {
      if (seen.add(view.id())) {
        views.add(view);
      }
    }
    return views;
  }

  private List<String> effectKinds() {
    long firstClick =
        recorded(Event.Click.class).stream().mapToLong(Event.Click::t).min().orElse(Long.MAX_VALUE);
    return recorded(Event.Effect.class).stream()
        .filter(e -> e.t() >= firstClick)
        .map(Event.Effect::kind)
        .toList();
  }
}
