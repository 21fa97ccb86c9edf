package dev.heatcheck.internal.replay;

import static dev.heatcheck.internal.replay.Fixtures.of;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.replay.Locator.Strategy;
import java.util.List;
import org.testng.annotations.Test;

/** The events.jsonl of `heatcheck demo` (three scenarios at two viewports), as visits to play again. */
public class HeatcheckEventsTest {
  private final Recorded recording = Recordings.readFile(Fixtures.EVENTS);

  @Test
  public void each_session_is_a_visit() {
    assertEquals(recording.format(), Format.HEATCHECK);
    assertEquals(
        recording.visits().stream().map(Visit::id).toList(),
        List.of(
            "demo-guide/1280x800/1",
            "demo-guide/390x844/1",
            "demo-shop/1280x800/1",
            "demo-shop/390x844/1",
            "demo-skim/1280x800/1",
            "demo-skim/390x844/1"));
    assertEquals(recording.visits().get(1).viewport(), new Viewport(390, 844));
    assertTrue(recording.visits().stream().allMatch(Visit::timed));
  }

  @Test
  public void the_shop_session_keeps_its_clicks_with_the_recorders_selectors() {
    Visit shop = recording.visits().get(2);
    assertTrue(shop.startUrl().endsWith("/"), shop.startUrl());
    List<Action.Click> burst = Fixtures.clicksOn(shop, "#place-order");
    assertTrue(burst.size() >= 3, "rage burst: " + burst.size());
    Target target = burst.get(0).target();
    assertEquals(
        target.candidates().get(1),
        new Locator(Strategy.ROLE, "role=button[name=\"Place order\"]"));
    assertEquals(target.position().origin(), Position.Origin.VIEWPORT);
    assertEquals(Fixtures.clicksOn(shop, "#wishlist").size(), 1);
    assertEquals(Fixtures.clicksOn(shop, "#apply-coupon").size(), 1);
  }

  @Test
  public void views_are_navigations_and_scrolls_are_kept() {
    Visit guide = recording.visits().get(0);
    List<Action.Navigate> loads = of(guide, Action.Navigate.class);
    assertTrue(loads.get(0).url().endsWith("/guide"));
    assertEquals(
        loads.stream().map(Action.Navigate::triggered).toList(),
        List.of(false, true),
        "the footer link led to /products");
    assertFalse(of(guide, Action.Scroll.class).isEmpty());
  }
}
