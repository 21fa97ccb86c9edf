package dev.heatcheck.internal.replay;

import static dev.heatcheck.internal.replay.Fixtures.clicksOn;
import static dev.heatcheck.internal.replay.Fixtures.of;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.replay.Locator.Strategy;
import java.util.List;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** The session rrweb 2.2.2 recorded through the demo shop and the lab page, read from the bare event array. */
public class RrwebRecordingTest {
  private Recorded recording;
  private Visit visit;

  @BeforeClass
  public void read() {
    recording = Recordings.readFile(Fixtures.RRWEB);
    visit = recording.visits().get(0);
  }

  @Test
  public void the_recording_is_one_visit_with_its_start_and_viewport() {
    assertEquals(recording.format(), Format.RRWEB);
    assertEquals(recording.visits().size(), 1);
    assertEquals(recording.startUrl(), "http://shop.example/products");
    assertEquals(recording.viewport(), new Viewport(1280, 800));
    assertTrue(visit.timed());
    assertEquals(
        visit.actions().get(0),
        new Action.Navigate(visit.actions().get(0).at(), "http://shop.example/products", false));
  }

  @Test
  public void actions_are_in_recorded_order_with_offsets_from_the_visit_start() {
    long previous = 0;
    for (Action action : visit.actions()) {
      assertTrue(action.at() >= previous, action + " comes before " + previous);
      previous = action.at();
    }
    assertTrue(previous > 20_000 && previous < 60_000, "the visit lasted " + previous + " ms");
  }

  @Test
  public void each_page_load_is_a_navigation_and_those_after_a_link_click_are_marked_triggered() {
    List<Action.Navigate> loads = of(visit, Action.Navigate.class);
    assertEquals(
        loads.stream().map(Action.Navigate::url).toList(),
        List.of(
            "http://shop.example/products",
            "http://shop.example/product/2",
            "http://shop.example/checkout",
            "http://shop.example/lab/"));
    assertEquals(
        loads.stream().map(Action.Navigate::triggered).toList(), List.of(false, true, true, false));
  }

  @Test
  public void a_click_inside_a_link_names_the_link() {
    Action.Click first = of(visit, Action.Click.class).get(0);
    assertEquals(first.target().tag(), "a");
    assertEquals(
        first.target().candidates().get(0),
        new Locator(
            Strategy.ROLE, "role=link[name=\"Canvas Tote Waxed cotton, leather handles $34.00\"]"));
    assertEquals(
        first.target().candidates().get(first.target().candidates().size() - 1),
        new Locator(Strategy.CSS, "ul.cards > li:nth-of-type(2) > a"));
    assertEquals(first.target().position().origin(), Position.Origin.VIEWPORT);
  }

  @Test
  public void the_planted_dead_and_error_targets_are_found_by_id_first() {
    for (String selector : List.of("#product-photo", "#wishlist", "#apply-coupon")) {
      assertEquals(clicksOn(visit, selector).size(), 1, selector);
      assertEquals(
          clicksOn(visit, selector).get(0).target().candidates().get(0).strategy(), Strategy.ID);
    }
    Target wishlist = clicksOn(visit, "#wishlist").get(0).target();
    assertEquals(
        wishlist.candidates().get(1),
        new Locator(Strategy.ROLE, "role=button[name=\"♡ Save to wishlist\"]"));
    assertEquals(
        wishlist.candidates().get(2), new Locator(Strategy.TEXT, "text=\"♡ Save to wishlist\""));
    assertEquals(wishlist.position(), new Position(921, 410, Position.Origin.VIEWPORT));
  }

  @Test
  public void the_rage_burst_is_four_clicks_on_place_order_with_their_recorded_gaps() {
    List<Action.Click> burst = clicksOn(visit, "#place-order");
    assertEquals(burst.size(), 4);
    for (int i = 1; i < burst.size(); i++) {
      long gap = burst.get(i).at() - burst.get(i - 1).at();
      // the script waits 250 ms after each click; Playwright's own click adds tens of ms
      assertTrue(gap >= 250 && gap < 1000, "gap " + i + ": " + gap + " ms");
    }
    assertEquals(burst.get(1).at() - burst.get(0).at(), 331);
  }

  @Test
  public void typed_text_is_kept_and_masked_fields_are_flagged() {
    List<Action.Input> inputs = of(visit, Action.Input.class);
    assertEquals(
        inputs.stream().map(i -> i.target().selector()).toList(),
        List.of("#email", "#name", "#coupon", "#nickname", "#password"));
    assertEquals(
        inputs.stream().map(Action.Input::masked).toList(),
        List.of(true, false, false, false, true));
    assertEquals(inputs.get(1).text(), "Ada Lovelace");
    assertEquals(inputs.get(2).text(), "SPRING");
    assertEquals(inputs.get(0).text(), "*".repeat("ada@example.com".length()));
    assertFalse(
        inputs.get(1).toString().contains("Ada"), "an input's text never reaches a log line");
  }

  @Test
  public void a_field_is_named_by_its_label_never_by_its_value() {
    Target name = of(visit, Action.Input.class).get(1).target();
    assertEquals(
        name.candidates().get(1), new Locator(Strategy.ROLE, "role=textbox[name=\"Full name\"]"));
    assertTrue(
        name.candidates().stream().noneMatch(l -> l.selector().contains("Ada")), name.toString());
  }

  @Test
  public void the_spa_route_changes_follow_their_clicks() {
    List<Action.RouteChange> routes = of(visit, Action.RouteChange.class);
    assertEquals(
        routes.stream().map(Action.RouteChange::url).toList(),
        List.of("http://shop.example/lab/account", "http://shop.example/lab/"));
    Action before = visit.actions().get(visit.actions().indexOf(routes.get(0)) - 1);
    assertEquals(((Action.Click) before).target().selector(), "#to-account");
  }

  @Test
  public void an_element_added_by_a_mutation_is_named_from_the_rebuilt_document() {
    // #save-account exists only after the route change rendered the account view
    Target save = clicksOn(visit, "#save-account").get(0).target();
    assertEquals(
        save.candidates().get(1),
        new Locator(Strategy.TEST_ID, "button[data-testid=\"save-account\"]"));
  }

  @Test
  public void the_shadow_root_button_is_named_through_its_host() {
    Target subscribe = clicksOn(visit, "#newsletter >> #subscribe").get(0).target();
    assertEquals(subscribe.tag(), "button");
    assertEquals(
        subscribe.candidates().get(1),
        new Locator(Strategy.ROLE, "#newsletter >> role=button[name=\"Subscribe\"]"));
    assertNull(subscribe.frame());
  }

  @Test
  public void the_iframe_button_is_named_through_its_frame_with_a_frame_position() {
    Target pay = clicksOn(visit, "#pay-frame >>> #pay-now").get(0).target();
    assertEquals(pay.frame(), "#pay-frame");
    assertEquals(pay.position().origin(), Position.Origin.FRAME);
    assertEquals(
        pay.candidates().get(2), new Locator(Strategy.TEXT, "#pay-frame >>> text=\"Pay now\""));
  }

  @Test
  public void the_inner_scroll_container_and_the_window_scroll_apart() {
    List<Action.Scroll> scrolls = of(visit, Action.Scroll.class);
    assertNull(scrolls.get(0).target(), "the products page scrolled as a window");
    Action.Scroll reviews =
        scrolls.stream().filter(s -> s.target() != null).findFirst().orElseThrow();
    assertEquals(reviews.target().selector(), "#reviews");
    assertEquals(reviews.y(), 360.0);
  }

  @Test
  public void two_clicks_and_a_dblclick_are_one_double_click() {
    List<Action.DoubleClick> doubles = of(visit, Action.DoubleClick.class);
    assertEquals(doubles.size(), 1);
    assertEquals(doubles.get(0).target().selector(), "#headline");
    assertTrue(clicksOn(visit, "#headline").isEmpty());
  }

  @Test
  public void every_recorded_click_is_an_action() {
    // rrweb recorded 23 clicks (type 2); two of them make the double click
    assertEquals(of(visit, Action.Click.class).size(), 21);
  }

  @Test
  public void a_touch_move_inside_the_iframe_is_in_the_frame_s_viewport_with_its_locators() {
    // rrweb observed the frame's document itself: x, y are the frame's clientX/clientY over
    // #pay-now
    Action.Move inFrame = of(visit, Action.Move.class).stream()
        .filter(m -> m.position().origin() == Position.Origin.FRAME)
        .findFirst()
        .orElseThrow();
    assertEquals(inFrame.position().x(), 41.0);
    assertEquals(inFrame.position().y(), 60.0);
    assertEquals(inFrame.frame(), List.of(new Locator(Strategy.ID, "#pay-frame")));
    assertTrue(of(visit, Action.Move.class).stream()
        .filter(m -> m.position().origin() == Position.Origin.VIEWPORT)
        .allMatch(m -> m.frame().isEmpty()));
  }

  @Test
  public void mouse_positions_are_moves_at_their_own_times() {
    List<Action.Move> moves = of(visit, Action.Move.class);
    assertFalse(moves.isEmpty());
    assertTrue(moves.stream().allMatch(m -> m.position() != null && m.target() == null));
  }
}
