package dev.heatcheck.internal.analyze;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.fail;

import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.Target;
import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/**
 * The analyzer on hand-made event streams: one visitor ("s1") looking at "/cart" at 1280x800 in the
 * "checkout" scenario unless a test says otherwise. Click times start at T0.
 */
public class AnalyzerTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final String SCENARIO = "checkout";
  private static final Event.View CART = view("v1", "s1", SCENARIO, "/cart", 1280, 800, 3000);

  // ---- dead or alive: each kind of reaction has its own window
  // ------------------------------------

  @Test
  public void a_click_followed_by_a_mutation_within_the_window_is_alive() {
    Analysis analysis = analyze(CART, click("c1", 0), effect(2_400, "mutation"));

    JudgedClick judged = judged(analysis, "c1");
    assertEquals(judged.verdict(), Verdict.ALIVE);
    assertEquals(judged.signal(), "mutation");
    assertEquals(judged.delayMs(), 2_400);
    assertTrue(analysis.findings().isEmpty(), analysis.findings().toString());
  }

  @Test
  public void a_click_whose_only_mutation_comes_after_the_window_is_dead() {
    Analysis analysis = analyze(CART, click("c1", 0), effect(2_600, "mutation"));

    JudgedClick judged = judged(analysis, "c1");
    assertEquals(judged.verdict(), Verdict.DEAD);
    assertNull(judged.signal());
    assertEquals(findings(analysis, Kind.DEAD).size(), 1);
  }

  @Test
  public void a_scroll_50_ms_after_a_click_makes_it_alive() {
    Analysis analysis = analyze(CART, click("c1", 0), effect(50, "scroll"));

    assertEquals(verdict(analysis, "c1"), Verdict.ALIVE);
    assertEquals(judged(analysis, "c1").signal(), "scroll");
  }

  @Test
  public void a_scroll_150_ms_after_a_click_is_too_late_to_count() {
    Analysis analysis = analyze(CART, click("c1", 0), effect(150, "scroll"));

    assertEquals(verdict(analysis, "c1"), Verdict.DEAD);
  }

  @Test
  public void a_focus_change_900_ms_after_a_click_makes_it_alive() {
    Analysis analysis = analyze(CART, click("c1", 0), effect(900, "focus"));

    assertEquals(verdict(analysis, "c1"), Verdict.ALIVE);
    assertEquals(judged(analysis, "c1").signal(), "focus");
  }

  @Test
  public void a_focus_change_1100_ms_after_a_click_is_too_late_to_count() {
    Analysis analysis = analyze(CART, click("c1", 0), effect(1_100, "focus"));

    assertEquals(verdict(analysis, "c1"), Verdict.DEAD);
  }

  @Test
  public void a_request_within_1000_ms_makes_a_click_alive_and_one_after_does_not() {
    Analysis analysis = analyze(
        CART,
        click("c1", 0),
        effect(900, "request"),
        click("c2", 5_000),
        effect(5_000 + 1_100, "request"));

    assertEquals(verdict(analysis, "c1"), Verdict.ALIVE);
    assertEquals(judged(analysis, "c1").signal(), "request");
    assertEquals(verdict(analysis, "c2"), Verdict.DEAD);
  }

  @Test
  public void the_earliest_reaction_within_its_window_is_the_signal_recorded() {
    // GIVEN a late scroll (outside its 100 ms window), then a request, then a mutation
    Analysis analysis = analyze(
        CART,
        click("c1", 0),
        effect(150, "scroll"),
        effect(300, "request"),
        effect(400, "mutation"));

    // THEN the request is what made it alive, 300 ms after the click
    JudgedClick judged = judged(analysis, "c1");
    assertEquals(judged.signal(), "request");
    assertEquals(judged.delayMs(), 300);
  }

  @Test
  public void
      a_click_followed_only_by_an_effect_of_a_kind_this_version_does_not_know_is_undetermined_not_dead() {
    Analysis analysis = analyze(CART, click("c1", 0), effect(10, "hologram"));

    assertEquals(verdict(analysis, "c1"), Verdict.UNDETERMINED);
    assertEquals(judged(analysis, "c1").signal(), "unknown:hologram");
    assertTrue(findings(analysis, Kind.DEAD).isEmpty(), analysis.findings().toString());
    assertEquals(analysis.undetermined(), 1);
    assertEquals(analysis.totals(SCENARIO).deadClicks(), 0);
  }

  @Test
  public void an_effect_of_an_unknown_kind_does_not_change_a_verdict_a_known_reaction_gives() {
    Analysis analysis = analyze(
        CART,
        click("c1", 0),
        effect(10, "hologram"),
        effect(20, "mutation"),
        click("c2", 5_000),
        effect(5_010, "hologram"),
        error(5_020, "TypeError: x"));

    assertEquals(verdict(analysis, "c1"), Verdict.ALIVE);
    assertEquals(judged(analysis, "c1").signal(), "mutation");
    assertEquals(verdict(analysis, "c2"), Verdict.ERROR);
  }

  @Test
  public void an_effect_of_an_unknown_kind_after_every_window_leaves_a_click_dead() {
    Analysis analysis = analyze(CART, click("c1", 0), effect(2_600, "hologram"));

    assertEquals(verdict(analysis, "c1"), Verdict.DEAD);
  }

  @Test
  public void visitors_written_one_after_another_over_hours_are_judged_as_if_each_were_alone() {
    // GIVEN 300 visitors, one every 20 minutes, each with a dead click and an answered one; lines a
    // little out of order
    List<Event> events = new ArrayList<>();
    for (int v = 0; v < 300; v++) {
      String session = "s" + v;
      String view = "v" + v;
      long at = v * 20 * 60_000L;
      events.add(
          new Event.Click(view + "c1", view, session, T0 + at + 100, 5, 5, false, button("#dead")));
      events.add(new Event.View(
          view,
          session,
          SCENARIO,
          "https://shop.example/cart",
          "/cart",
          1280,
          800,
          1280,
          3000,
          T0 + at));
      events.add(new Event.Click(
          view + "c2", view, session, T0 + at + 4_000, 50, 5, false, button("#buy")));
      events.add(new Event.Effect(view + "e", view, session, T0 + at + 4_200, "mutation", null));
    }
    Analyzer analyzer = new Analyzer(Rules.defaults());
    events.forEach(analyzer);

    Analysis analysis = analyzer.finish();

    // THEN every click was placed on its page and judged
    PageStats cart = page(analysis, "/cart", "desktop");
    assertEquals(cart.views(), 300);
    assertEquals(cart.clicks(), 600);
    assertEquals(analysis.totals(SCENARIO), new Analysis.Totals(600, 300, 0, 0));
    assertEquals(
        cart.elements().stream()
            .filter(e -> e.selector().equals("#dead"))
            .findFirst()
            .orElseThrow()
            .dead(),
        300);
  }

  // ---- which click a reaction belongs to
  // ----------------------------------------------------------

  @Test
  public void a_reaction_after_the_visitors_next_action_is_not_credited_to_the_earlier_click() {
    // GIVEN a click, then the visitor goes to a URL, then the page mutates
    Analysis analysis = analyze(CART, click("c1", 0), action(100, "goto"), effect(200, "mutation"));

    // THEN the mutation answers the navigation, not the click
    assertEquals(verdict(analysis, "c1"), Verdict.DEAD);
  }

  @Test
  public void a_reaction_is_credited_only_to_the_latest_click() {
    // GIVEN click A, nothing, then click B at +500 answered 10 ms later
    Analysis analysis = analyze(CART, click("A", 0), click("B", 500), effect(510, "mutation"));

    // THEN A stays dead although the mutation falls within A's window too
    assertEquals(verdict(analysis, "A"), Verdict.DEAD);
    assertEquals(verdict(analysis, "B"), Verdict.ALIVE);
    assertEquals(judged(analysis, "B").delayMs(), 10);
  }

  @Test
  public void a_reaction_in_another_visitors_session_is_not_credited_to_this_visitors_click() {
    Event.View other = view("v2", "s2", SCENARIO, "/cart", 1280, 800, 3000);
    Analysis analysis = analyze(
        CART,
        other,
        click("c1", 0),
        new Event.Effect("e1", "v2", "s2", T0 + 100, "mutation", null));

    assertEquals(verdict(analysis, "c1"), Verdict.DEAD);
  }

  @Test
  public void events_out_of_order_are_put_in_time_order_before_judging() {
    // GIVEN the reaction to B listed first, then B, then A (a click 500 ms before B)
    Analysis analysis = analyze(effect(510, "mutation"), click("B", 500), CART, click("A", 0));

    // THEN it is judged as if it had arrived in order
    assertEquals(verdict(analysis, "A"), Verdict.DEAD);
    assertEquals(verdict(analysis, "B"), Verdict.ALIVE);
    assertEquals(judged(analysis, "B").delayMs(), 10);
  }

  @Test
  public void an_effect_listed_before_its_click_still_makes_the_click_alive() {
    Analysis analysis = analyze(CART, effect(300, "navigation"), click("c1", 0));

    assertEquals(verdict(analysis, "c1"), Verdict.ALIVE);
    assertEquals(judged(analysis, "c1").signal(), "navigation");
  }

  // ---- error clicks
  // -------------------------------------------------------------------------------

  @Test
  public void an_error_soon_after_a_click_makes_it_an_error_click_not_a_dead_one() {
    Analysis analysis = analyze(CART, click("c1", 0), error(500, "TypeError: cart is undefined"));

    JudgedClick judged = judged(analysis, "c1");
    assertEquals(judged.verdict(), Verdict.ERROR);
    assertEquals(judged.error(), "TypeError: cart is undefined");
    assertTrue(findings(analysis, Kind.DEAD).isEmpty(), analysis.findings().toString());
    List<Finding> errors = findings(analysis, Kind.ERROR);
    assertEquals(errors.size(), 1);
    assertEquals(errors.get(0).signal(), "TypeError: cart is undefined");
    assertEquals(errors.get(0).selector(), "#buy");
    assertEquals(errors.get(0).count(), 1);
  }

  @Test
  public void an_error_makes_a_click_an_error_click_even_when_the_page_also_reacted() {
    Analysis analysis =
        analyze(CART, click("c1", 0), effect(100, "mutation"), error(200, "console.error: boom"));

    assertEquals(verdict(analysis, "c1"), Verdict.ERROR);
  }

  @Test
  public void an_error_long_after_the_click_is_not_blamed_on_it() {
    Analysis analysis = analyze(CART, click("c1", 0), error(1_500, "late"));

    JudgedClick judged = judged(analysis, "c1");
    assertEquals(judged.verdict(), Verdict.DEAD);
    assertNull(judged.error());
    assertTrue(findings(analysis, Kind.ERROR).isEmpty());
  }

  @Test
  public void the_first_error_after_a_click_is_the_one_reported() {
    Analysis analysis = analyze(CART, click("c1", 0), error(100, "first"), error(200, "second"));

    assertEquals(judged(analysis, "c1").error(), "first");
  }

  // ---- clicks that are not judged
  // ----------------------------------------------------------------

  @Test
  public void a_click_on_a_link_to_another_page_is_not_judged() {
    Analysis analysis =
        analyze(CART, click("c1", 0, 10, 10, link("a.next", "https://shop.example/checkout")));

    assertEquals(verdict(analysis, "c1"), Verdict.NOT_JUDGED);
    assertTrue(analysis.findings().isEmpty(), analysis.findings().toString());
  }

  @Test
  public void a_click_on_a_link_ending_in_a_bare_hash_is_judged() {
    Analysis analysis =
        analyze(CART, click("c1", 0, 10, 10, link("a.fake", "https://shop.example/cart#")));

    assertEquals(verdict(analysis, "c1"), Verdict.DEAD);
  }

  @Test
  public void a_click_on_a_javascript_link_is_judged() {
    Analysis analysis = analyze(CART, click("c1", 0, 10, 10, link("a.js", "javascript:void(0)")));

    assertEquals(verdict(analysis, "c1"), Verdict.DEAD);
  }

  @Test
  public void a_click_into_an_editable_field_is_not_judged() {
    Target field = new Target("#email", "input", "", "textbox", null, true, true, box(), 0.5, 0.5);

    Analysis analysis = analyze(CART, click("c1", 0, 10, 10, field));

    assertEquals(verdict(analysis, "c1"), Verdict.NOT_JUDGED);
    assertTrue(analysis.findings().isEmpty(), analysis.findings().toString());
  }

  @Test
  public void a_click_with_a_modifier_key_is_not_judged() {
    Event.Click withCtrl = new Event.Click("c1", "v1", "s1", T0, 10, 10, true, button("#buy"));

    Analysis analysis = analyze(CART, withCtrl);

    assertEquals(verdict(analysis, "c1"), Verdict.NOT_JUDGED);
    assertTrue(analysis.findings().isEmpty(), analysis.findings().toString());
  }

  // ---- rage clicks
  // --------------------------------------------------------------------------------

  @Test
  public void three_clicks_200_ms_apart_in_one_spot_are_one_rage_click() {
    Analysis analysis = analyze(
        CART, click("c1", 0, 100, 100), click("c2", 200, 105, 103), click("c3", 400, 108, 100));

    List<Finding> rage = findings(analysis, Kind.RAGE);
    assertEquals(rage.size(), 1, analysis.findings().toString());
    Finding finding = rage.get(0);
    assertEquals(finding.count(), 1);
    assertEquals(finding.selector(), "#buy");
    assertEquals(finding.scenario(), SCENARIO);
    assertEquals(finding.page(), "/cart");
    assertEquals(finding.viewport(), "1280x800");
    assertEquals(analysis.totals(SCENARIO).rageClicks(), 1);
  }

  @Test
  public void two_rapid_clicks_are_not_a_rage_click() {
    Analysis analysis = analyze(CART, click("c1", 0, 100, 100), click("c2", 200, 100, 100));

    assertTrue(findings(analysis, Kind.RAGE).isEmpty(), analysis.findings().toString());
  }

  @Test
  public void a_gap_of_1200_ms_breaks_a_burst() {
    Analysis analysis = analyze(
        CART, click("c1", 0, 100, 100), click("c2", 200, 100, 100), click("c3", 1_400, 100, 100));

    assertTrue(findings(analysis, Kind.RAGE).isEmpty(), analysis.findings().toString());
  }

  @Test
  public void
      clicks_40_px_apart_by_manhattan_distance_are_not_a_burst_even_if_closer_in_a_straight_line() {
    // each step is 25 + 15 = 40 px Manhattan, but only ~29 px Euclidean
    Analysis analysis = analyze(
        CART, click("c1", 0, 100, 100), click("c2", 200, 125, 115), click("c3", 400, 150, 130));

    assertTrue(findings(analysis, Kind.RAGE).isEmpty(), analysis.findings().toString());
  }

  @Test
  public void two_bursts_on_the_same_target_are_one_finding_counting_two() {
    Analysis analysis = analyze(
        CART,
        click("a1", 0),
        click("a2", 200),
        click("a3", 400),
        click("b1", 2_000),
        click("b2", 2_200),
        click("b3", 2_400));

    List<Finding> rage = findings(analysis, Kind.RAGE);
    assertEquals(rage.size(), 1, analysis.findings().toString());
    assertEquals(rage.get(0).count(), 2);
    assertEquals(analysis.totals(SCENARIO).rageClicks(), 2);
  }

  @Test
  public void clicks_of_different_visitors_never_form_a_rage_click() {
    // GIVEN two visitors on the same page clicking the same spot in quick turns
    Event.View other = view("v2", "s2", SCENARIO, "/cart", 1280, 800, 3000);
    Analysis analysis = analyze(
        CART,
        other,
        click("c1", 0, 100, 100),
        new Event.Click("c2", "v2", "s2", T0 + 200, 100, 100, false, button("#buy")),
        click("c3", 400, 100, 100));

    // THEN neither visitor clicked three times
    assertTrue(findings(analysis, Kind.RAGE).isEmpty(), analysis.findings().toString());
  }

  @Test
  public void another_visitors_click_in_between_does_not_break_a_visitors_burst() {
    Event.View other = view("v2", "s2", SCENARIO, "/cart", 1280, 800, 3000);
    Analysis analysis = analyze(
        CART,
        other,
        click("c1", 0, 100, 100),
        new Event.Click("x1", "v2", "s2", T0 + 100, 900, 700, false, button("#help")),
        click("c2", 200, 100, 100),
        new Event.Click("x2", "v2", "s2", T0 + 300, 900, 700, false, button("#help")),
        click("c3", 400, 100, 100));

    List<Finding> rage = findings(analysis, Kind.RAGE);
    assertEquals(rage.size(), 1, analysis.findings().toString());
    assertEquals(rage.get(0).selector(), "#buy");
  }

  @Test
  public void a_burst_of_clicks_without_a_described_target_is_still_a_rage_click() {
    // Judgeable accepts clicks whose target is missing (another writer of events.jsonl may not
    // describe it)
    Analysis analysis = analyze(
        CART,
        click("c1", 0, 100, 100, null),
        click("c2", 200, 100, 100, null),
        click("c3", 400, 100, 100, null));

    List<Finding> rage = findings(analysis, Kind.RAGE);
    assertEquals(rage.size(), 1, analysis.findings().toString());
    assertNull(rage.get(0).selector());
  }

  // ---- findings and totals
  // -------------------------------------------------------------------------

  @Test
  public void findings_group_by_kind_scenario_page_viewport_and_selector_with_counts() {
    // GIVEN dead clicks from separate visitors (so that no burst forms)
    Event.View cartDesktop2 = view("v2", "s2", SCENARIO, "/cart", 1280, 800, 3000);
    Event.View cartPhone = view("v3", "s3", SCENARIO, "/cart", 390, 844, 5000);
    Event.View homeDesktop = view("v4", "s4", SCENARIO, "/", 1280, 800, 3000);
    Event.View searchCart = view("v5", "s5", "search", "/cart", 1280, 800, 3000);
    Analysis analysis = analyze(
        CART,
        cartDesktop2,
        cartPhone,
        homeDesktop,
        searchCart,
        clickIn("d1", "v1", "s1", button("#buy")),
        clickIn("d2", "v2", "s2", button("#buy")),
        clickIn("d3", "v1", "s1", button("#help"), 5_000),
        clickIn("d4", "v3", "s3", button("#buy")),
        clickIn("d5", "v4", "s4", button("#buy")),
        clickIn("d6", "v5", "s5", button("#buy")),
        clickIn("e1", "v2", "s2", button("#buy"), 5_000),
        new Event.PageError("err1", "v2", "s2", T0 + 5_100, "boom"));

    List<String> found = new ArrayList<>();
    for (Finding f : analysis.findings()) {
      found.add(f.kind().id() + " " + f.scenario() + " " + f.page() + " " + f.viewport() + " "
          + f.selector() + " x" + f.count());
    }
    found.sort(null);
    assertEquals(
        found,
        List.of(
            "dead checkout / 1280x800 #buy x1",
            "dead checkout /cart 1280x800 #buy x2",
            "dead checkout /cart 1280x800 #help x1",
            "dead checkout /cart 390x844 #buy x1",
            "dead search /cart 1280x800 #buy x1",
            "error checkout /cart 1280x800 #buy x1"));
    assertTrue(
        findings(analysis, Kind.DEAD).stream().allMatch(f -> "no reaction".equals(f.signal())));
    assertEquals(findings(analysis, Kind.ERROR).get(0).signal(), "boom");
  }

  @Test
  public void totals_count_one_scenarios_clicks_by_verdict() {
    Event.View searchView = view("v9", "s9", "search", "/results", 1280, 800, 3000);
    Analysis analysis = analyze(
        CART,
        searchView,
        click("alive", 0),
        effect(100, "mutation"),
        click("dead", 5_000),
        click("error", 10_000),
        error(10_100, "boom"),
        click("link", 15_000, 10, 10, link("a", "/elsewhere")),
        click("r1", 20_000),
        click("r2", 20_200),
        click("r3", 20_400),
        new Event.Click("other", "v9", "s9", T0, 1, 1, false, button("#go")));

    Analysis.Totals totals = analysis.totals(SCENARIO);

    assertEquals(totals, new Analysis.Totals(7, 4, 1, 1));
    assertEquals(analysis.totals("search"), new Analysis.Totals(1, 1, 0, 0));
    assertEquals(analysis.totals("nothing-ran"), new Analysis.Totals(0, 0, 0, 0));
  }

  // ---- per page aggregates
  // -------------------------------------------------------------------------

  @Test
  public void page_stats_count_views_per_page_and_viewport_bucket() {
    Event.View again = view("v2", "s2", SCENARIO, "/cart", 1440, 900, 3000);
    Event.View phone = view("v3", "s3", SCENARIO, "/cart", 390, 844, 5000);
    Event.View home = view("v4", "s1", SCENARIO, "/", 1280, 800, 2000);

    Analysis analysis = analyze(CART, again, phone, home);

    PageStats desktop = page(analysis, "/cart", "desktop");
    assertEquals(desktop.views(), 2);
    assertEquals(desktop.viewports(), Map.of("1280x800", 1, "1440x900", 1));
    assertEquals(desktop.mainViewport(), "1440x900", "the widest on a tie");
    assertEquals(page(analysis, "/cart", "mobile").views(), 1);
    assertEquals(page(analysis, "/", "desktop").views(), 1);
    assertEquals(analysis.pages().size(), 3);
  }

  @Test
  public void pages_matching_a_pattern_aggregate_under_it() {
    Event.View other = view("v2", "s2", SCENARIO, "/product/42", 1280, 800, 3000);
    Event.View first = view("v3", "s3", SCENARIO, "/product/17", 1280, 800, 3000);
    Analyzer analyzer = new Analyzer(
            Rules.defaults(), new Grouping(Buckets.defaults(), List.of("/product/:id")))
        .keepingClicks();
    List.of(other, first, new Event.Click("c9", "v3", "s3", T0, 5, 5, false, button("#buy")))
        .forEach(analyzer);

    Analysis analysis = analyzer.finish();

    PageStats product = page(analysis, "/product/:id", "desktop");
    assertEquals(product.views(), 2);
    assertEquals(product.paths(), Map.of("/product/42", 1, "/product/17", 1));
    assertEquals(analysis.clicks().get(0).page().page(), "/product/:id");
  }

  @Test
  public void a_view_reported_twice_is_one_view_with_its_tallest_document() {
    // the recorder reports a view at DOMContentLoaded and again at load, when the document has
    // grown
    Event.View loaded = view("v1", "s1", SCENARIO, "/cart", 1280, 800, 4200);

    Analysis analysis = analyze(CART, loaded);

    PageStats stats = page(analysis, "/cart", "desktop");
    assertEquals(stats.views(), 1);
    assertEquals(stats.docHeight(), 4200);
    assertEquals(stats.reach(), List.of(800.0));
    assertEquals(stats.fold(), 800);
  }

  @Test
  public void element_stats_count_clicks_share_and_friction_per_element() {
    Analysis analysis = analyze(
        CART,
        click("c1", 0, 640, 2210),
        click("c2", 200, 641, 2211),
        click("c3", 400, 642, 2212),
        effect(450, "mutation"),
        new Event.Click("c4", "v1", "s1", T0 + 5_000, 10, 20, false, button("#other")));

    List<ElementStats> elements = page(analysis, "/cart", "desktop").elements();
    assertEquals(elements.size(), 2);
    ElementStats buy = elements.get(0);
    assertEquals(buy.selector(), "#buy");
    assertEquals(buy.clicks(), 3);
    assertEquals(buy.share(), 0.75, 1e-9);
    assertEquals(buy.dead(), 2, "c1 and c2 got no reaction before the next click");
    assertEquals(buy.rage(), 1);
    assertEquals(elements.get(1).selector(), "#other");
    assertEquals(elements.get(1).dead(), 1);
    assertEquals(page(analysis, "/cart", "desktop").clicks(), 4);
  }

  @Test
  public void reach_is_the_deepest_scroll_plus_the_viewport_height_for_each_view() {
    Event.View second = view("v2", "s2", SCENARIO, "/cart", 1280, 800, 3000);
    Analysis analysis = analyze(
        CART,
        second,
        scroll("v1", 1_000, 500),
        scroll("v1", 2_000, 1_200),
        scroll("v1", 3_000, 900));

    List<Double> reach = new ArrayList<>(page(analysis, "/cart", "desktop").reach());
    reach.sort(null);
    // v2 never scrolled: it saw its first screen
    assertEquals(reach, List.of(800.0, 2_000.0));
  }

  @Test
  public void the_document_height_is_the_tallest_seen_including_while_scrolling() {
    // GIVEN a view of a 3000 px document that grew to 6000 px as the visitor scrolled (infinite
    // list)
    Analysis analysis =
        analyze(CART, new Event.Scroll("sc1", "v1", "s1", T0 + 1_000, 5_200, 6_000));

    PageStats stats = page(analysis, "/cart", "desktop");
    // THEN the page is as tall as it was seen, and what the visitor reached lies on it
    assertEquals(stats.reach(), List.of(6_000.0));
    assertEquals(stats.docHeight(), 6_000);
  }

  @Test
  public void every_click_fed_in_is_judged_exactly_once() {
    Analysis analysis =
        analyze(CART, click("c1", 0), click("c2", 5_000), effect(5_100, "mutation"));

    assertEquals(
        analysis.clicks().stream().map(c -> c.click().id()).sorted().toList(), List.of("c1", "c2"));
    assertFalse(analysis.clicks().stream().anyMatch(c -> c.page().page().equals("?")));
  }

  // ---- double clicks: the browser numbers the clicks of one gesture
  // ------------------------------

  @Test
  public void a_double_click_answered_after_its_second_click_makes_both_clicks_alive() {
    // GIVEN an element that reacts only to dblclick: the answer comes after the second click
    Analysis analysis = analyze(
        CART,
        counted("c1", 0, 1, "#title"),
        counted("c2", 120, 2, "#title"),
        effect(130, "mutation"));

    // THEN the gesture was answered: the first click is alive by it, its delay counted from itself
    JudgedClick first = judged(analysis, "c1");
    assertEquals(first.verdict(), Verdict.ALIVE);
    assertEquals(first.signal(), "mutation");
    assertEquals(first.delayMs(), 130);
    assertEquals(verdict(analysis, "c2"), Verdict.ALIVE);
    assertTrue(analysis.findings().isEmpty(), analysis.findings().toString());
  }

  @Test
  public void an_unanswered_double_click_is_two_dead_clicks() {
    Analysis analysis =
        analyze(CART, counted("c1", 0, 1, "#title"), counted("c2", 120, 2, "#title"));

    assertEquals(verdict(analysis, "c1"), Verdict.DEAD);
    assertEquals(verdict(analysis, "c2"), Verdict.DEAD);
    assertEquals(analysis.totals(SCENARIO).deadClicks(), 2);
  }

  @Test
  public void clicks_recorded_without_their_count_are_judged_each_on_its_own() {
    // GIVEN the same two clicks from an events file written before clicks carried their count
    Analysis analysis = analyze(
        CART,
        click("c1", 0, 640, 2210, button("#title")),
        click("c2", 120, 640, 2210, button("#title")),
        effect(130, "mutation"));

    assertEquals(verdict(analysis, "c1"), Verdict.DEAD);
    assertEquals(verdict(analysis, "c2"), Verdict.ALIVE);
  }

  @Test
  public void
      a_second_click_on_another_element_or_view_or_a_new_gesture_does_not_answer_for_the_first() {
    Analysis analysis = analyze(
        CART,
        view("v2", "s1", SCENARIO, "/cart", 1280, 800, 3000),
        counted("c1", 0, 1, "#title"),
        counted("c2", 120, 2, "#subtitle"),
        effect(130, "mutation"),
        counted("c3", 3_000, 1, "#title"),
        counted("c4", 3_100, 1, "#title"),
        effect(3_110, "mutation"),
        counted("c5", 6_000, 1, "#title"),
        new Event.Click(
            "c6", "v2", "s1", T0 + 6_100, 640, 2210, false, button("#title"), 640.0, 610.0, 2),
        new Event.Effect("e6", "v2", "s1", T0 + 6_110, "mutation", null));

    assertEquals(verdict(analysis, "c1"), Verdict.DEAD);
    assertEquals(verdict(analysis, "c3"), Verdict.DEAD);
    assertEquals(verdict(analysis, "c5"), Verdict.DEAD);
  }

  @Test
  public void
      a_burst_the_browser_numbers_as_one_gesture_is_still_judged_click_by_click_and_is_rage() {
    // GIVEN four quick clicks on one spot (Chromium counts them 1 to 4), answered after the last
    Analysis analysis = analyze(
        CART,
        counted("c1", 0, 1, "#title"),
        counted("c2", 250, 2, "#title"),
        counted("c3", 500, 3, "#title"),
        counted("c4", 750, 4, "#title"),
        effect(800, "mutation"));

    // THEN each click keeps its own verdict, as before, and the burst is one rage click
    assertEquals(verdict(analysis, "c1"), Verdict.DEAD);
    assertEquals(verdict(analysis, "c2"), Verdict.DEAD);
    assertEquals(verdict(analysis, "c3"), Verdict.DEAD);
    assertEquals(verdict(analysis, "c4"), Verdict.ALIVE);
    assertEquals(findings(analysis, Kind.RAGE).size(), 1);
    assertEquals(analysis.totals(SCENARIO).deadClicks(), 3);
    assertEquals(
        analysis.clicks().stream().map(c -> c.click().id()).toList(),
        List.of("c1", "c2", "c3", "c4"));
  }

  // ---- helpers
  // -------------------------------------------------------------------------------------

  private static Analysis analyze(Event... events) {
    Analyzer analyzer = new Analyzer(Rules.defaults()).keepingClicks();
    Arrays.stream(events).forEach(analyzer);
    return analyzer.finish();
  }

  private static Event.View view(
      String id, String session, String scenario, String path, int vw, int vh, int docH) {
    return new Event.View(
        id, session, scenario, "https://shop.example" + path, path, vw, vh, vw, docH, T0 - 1_000);
  }

  private static List<Double> box() {
    return List.of(600.0, 2190.0, 120.0, 40.0);
  }

  private static Target button(String selector) {
    return new Target(selector, "button", "Buy now", "button", null, true, false, box(), 0.5, 0.5);
  }

  private static Target link(String selector, String href) {
    return new Target(selector, "a", "Go", "link", href, true, false, box(), 0.5, 0.5);
  }

  /** A click by s1 in v1 on "#buy", {@code at} ms after T0. */
  private static Event.Click click(String id, long at) {
    return click(id, at, 640, 2210);
  }

  private static Event.Click click(String id, long at, double x, double y) {
    return click(id, at, x, y, button("#buy"));
  }

  private static Event.Click click(String id, long at, double x, double y, Target target) {
    return new Event.Click(id, "v1", "s1", T0 + at, x, y, false, target);
  }

  /** A click by s1 in v1 on {@code selector}, the {@code count}th of its gesture. */
  private static Event.Click counted(String id, long at, int count, String selector) {
    return new Event.Click(
        id, "v1", "s1", T0 + at, 640, 2210, false, button(selector), 640.0, 610.0, count);
  }

  private static Event.Click clickIn(String id, String view, String session, Target target) {
    return clickIn(id, view, session, target, 0);
  }

  private static Event.Click clickIn(
      String id, String view, String session, Target target, long at) {
    return new Event.Click(id, view, session, T0 + at, 100, 100, false, target);
  }

  private static Event.Effect effect(long at, String kind) {
    return new Event.Effect("e@" + at + kind, "v1", "s1", T0 + at, kind, null);
  }

  private static Event.Action action(long at, String kind) {
    return new Event.Action("a@" + at, "v1", "s1", T0 + at, kind);
  }

  private static Event.PageError error(long at, String message) {
    return new Event.PageError("x@" + at, "v1", "s1", T0 + at, message);
  }

  private static Event.Scroll scroll(String view, long at, double y) {
    return new Event.Scroll("sc@" + view + at, view, "s1", T0 + at, y, 3000);
  }

  private static JudgedClick judged(Analysis analysis, String clickId) {
    return analysis.clicks().stream()
        .filter(c -> c.click().id().equals(clickId))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no judged click " + clickId + " in " + analysis.clicks()));
  }

  private static Verdict verdict(Analysis analysis, String clickId) {
    return judged(analysis, clickId).verdict();
  }

  private static List<Finding> findings(Analysis analysis, Kind kind) {
    return analysis.findings().stream().filter(f -> f.kind() == kind).toList();
  }

  private static PageStats page(Analysis analysis, String path, String viewport) {
    for (PageStats stats : analysis.pages()) {
      if (stats.key().equals(new MapKey(path, viewport))) {
        return stats;
      }
    }
    fail("no page " + path + " @ " + viewport + " in "
        + analysis.pages().stream().map(PageStats::key).toList());
    return null;
  }
}
