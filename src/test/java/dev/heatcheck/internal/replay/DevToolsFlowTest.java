package dev.heatcheck.internal.replay;

import static dev.heatcheck.internal.replay.Fixtures.of;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.replay.Locator.Strategy;
import java.util.List;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** The hand-written DevTools Recorder flow of the demo path (puppeteer/replay's Schema.ts format). */
public class DevToolsFlowTest {
  private Recorded recording;
  private Visit visit;

  @BeforeClass
  public void read() {
    recording = Recordings.readFile(Fixtures.DEVTOOLS);
    visit = recording.visits().get(0);
  }

  @Test
  public void the_flow_is_one_untimed_visit_with_its_title_viewport_and_start() {
    assertEquals(recording.format(), Format.DEVTOOLS);
    assertEquals(recording.title(), "Demo shop: product, checkout, lab");
    assertEquals(recording.viewport(), new Viewport(1280, 800));
    assertEquals(recording.startUrl(), "http://shop.example/product/2");
    assertFalse(visit.timed());
    assertTrue(visit.actions().stream().allMatch(a -> a.at() == Action.UNTIMED));
  }

  @Test
  public void steps_become_actions_in_order() {
    assertEquals(
        visit.actions().stream().map(Action::kind).toList(),
        List.of(
            Action.Kind.SET_VIEWPORT,
            Action.Kind.NAVIGATE,
            Action.Kind.CLICK,
            Action.Kind.CLICK,
            Action.Kind.CLICK,
            Action.Kind.NAVIGATE,
            Action.Kind.CLICK,
            Action.Kind.INPUT,
            Action.Kind.KEY_DOWN,
            Action.Kind.KEY_UP,
            Action.Kind.CLICK,
            Action.Kind.CLICK,
            Action.Kind.CLICK,
            Action.Kind.CLICK,
            Action.Kind.WAIT_FOR_ELEMENT,
            Action.Kind.NAVIGATE,
            Action.Kind.CLICK,
            Action.Kind.WAIT_FOR_EXPRESSION,
            Action.Kind.CLICK,
            Action.Kind.INPUT,
            Action.Kind.DOUBLE_CLICK,
            Action.Kind.CLICK,
            Action.Kind.MOVE,
            Action.Kind.SCROLL,
            Action.Kind.CLICK,
            Action.Kind.CLICK,
            Action.Kind.SCROLL));
  }

  @Test
  public void a_navigation_devtools_asserted_after_a_click_is_a_triggered_one() {
    List<Action.Navigate> loads = of(visit, Action.Navigate.class);
    assertEquals(
        loads.get(0), new Action.Navigate(Action.UNTIMED, "http://shop.example/product/2", false));
    assertEquals(
        loads.get(1), new Action.Navigate(Action.UNTIMED, "http://shop.example/checkout", true));
  }

  @Test
  public void selectors_keep_devtools_order_in_playwright_syntax() {
    Target photo = of(visit, Action.Click.class).get(0).target();
    assertEquals(
        photo.candidates(),
        List.of(
            new Locator(Strategy.ROLE, "role=img[name=\"Canvas Tote\"]"),
            new Locator(Strategy.CSS, "#product-photo"),
            new Locator(Strategy.XPATH, "xpath=//*[@id=\"product-photo\"]"),
            new Locator(Strategy.CSS, "#product-photo")));
    assertEquals(photo.position(), new Position(120, 88, Position.Origin.ELEMENT));
    Target wishlist = of(visit, Action.Click.class).get(1).target();
    assertEquals(
        wishlist.candidates().get(0),
        new Locator(Strategy.LABEL, "internal:label=\"♡ Save to wishlist\"s"));
    assertEquals(
        wishlist.candidates().get(1), new Locator(Strategy.TEXT, "text=\"♡ Save to wishlist\""));
    assertEquals(
        wishlist.candidates().get(5),
        new Locator(Strategy.TEXT, "internal:text=\"♡ Save to wishlist\"i"));
  }

  @Test
  public void repeated_clicks_on_place_order_stay_three_untimed_clicks() {
    assertEquals(Fixtures.clicksOn(visit, "internal:label=\"Place order\"s").size(), 3);
  }

  @Test
  public void a_selector_array_steps_into_the_shadow_root() {
    Target subscribe = of(visit, Action.Click.class).stream()
        .filter(c ->
            c.target().candidates().stream().anyMatch(l -> l.selector().contains("#subscribe")))
        .findFirst()
        .orElseThrow()
        .target();
    assertTrue(
        subscribe.candidates().contains(new Locator(Strategy.CSS, "#newsletter >> #subscribe")),
        subscribe.toString());
  }

  @Test
  public void a_frame_index_becomes_a_frame_chain() {
    Action.Click pay =
        of(visit, Action.Click.class).get(of(visit, Action.Click.class).size() - 1);
    assertEquals(pay.target().frame(), "iframe >> nth=0");
    assertEquals(
        pay.target().candidates().get(2),
        new Locator(Strategy.CSS, "iframe >> nth=0 >>> #pay-now"));
  }

  @Test
  public void changes_keep_their_value_and_stars_are_masked() {
    List<Action.Input> inputs = of(visit, Action.Input.class);
    assertEquals(inputs.get(0).text(), "SPRING");
    assertFalse(inputs.get(0).masked());
    assertTrue(inputs.get(1).masked());
  }

  @Test
  public void keys_waits_and_scrolls() {
    assertEquals(
        of(visit, Action.Key.class),
        List.of(
            new Action.Key(Action.UNTIMED, "Tab", true),
            new Action.Key(Action.UNTIMED, "Tab", false)));
    Action.WaitForElement wait = of(visit, Action.WaitForElement.class).get(0);
    assertEquals(wait.target().selector(), "#order-status");
    assertEquals(wait.operator(), ">=");
    assertEquals(wait.count(), 1);
    assertEquals(wait.visible(), Boolean.TRUE);
    assertEquals(
        of(visit, Action.WaitForExpression.class).get(0).expression(),
        "location.pathname === '/lab/account'");
    List<Action.Scroll> scrolls = of(visit, Action.Scroll.class);
    assertEquals(scrolls.get(0).target().selector(), "#reviews");
    assertEquals(scrolls.get(0).y(), 360.0);
    assertNull(scrolls.get(1).target());
  }
}
