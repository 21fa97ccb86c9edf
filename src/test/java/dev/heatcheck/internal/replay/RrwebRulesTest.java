package dev.heatcheck.internal.replay;

import static org.testng.Assert.assertEquals;

import java.util.List;
import org.testng.annotations.Test;

/** How rrweb's page events become navigations, route changes, re-snapshots and viewport changes. */
public class RrwebRulesTest {
  private static final String NODE =
      "{\"type\":0,\"id\":1,\"childNodes\":[{\"type\":2,\"id\":2,\"tagName\":\"html\",\"attributes\":{},"
          + "\"childNodes\":[{\"type\":2,\"id\":3,\"tagName\":\"body\",\"attributes\":{},\"childNodes\":["
          + "{\"type\":2,\"id\":4,\"tagName\":\"button\",\"attributes\":{\"id\":\"go\"},\"childNodes\":[{\"type\":3,\"id\":5,\"textContent\":\"Go\"}]}]}]}]}";

  private static String meta(long t, String href, int width) {
    return "{\"type\":4,\"timestamp\":" + t + ",\"data\":{\"href\":\"" + href + "\",\"width\":"
        + width + ",\"height\":600}}";
  }

  private static String snapshot(long t) {
    return "{\"type\":2,\"timestamp\":" + t + ",\"data\":{\"node\":" + NODE
        + ",\"initialOffset\":{\"top\":0,\"left\":0}}}";
  }

  private static String click(long t) {
    return "{\"type\":3,\"timestamp\":" + t
        + ",\"data\":{\"source\":2,\"type\":2,\"id\":4,\"x\":10,\"y\":20}}";
  }

  private static List<Action> actions(String... events) {
    return Recordings.readFile(Fixtures.write("events.json", "[" + String.join(",", events) + "]"))
        .visits()
        .get(0)
        .actions();
  }

  @Test
  public void a_meta_without_a_snapshot_is_a_route_change_and_a_resize_is_a_viewport_change() {
    assertEquals(
        actions(
            meta(1000, "http://a.test/", 800),
            snapshot(1001),
            click(2000),
            meta(2100, "http://a.test/next", 800),
            "{\"type\":3,\"timestamp\":3000,\"data\":{\"source\":4,\"width\":400,\"height\":700}}"),
        List.of(
            new Action.Navigate(0, "http://a.test/", false),
            new Action.Click(
                1000,
                ((Action.Click)
                        actions(meta(1000, "http://a.test/", 800), snapshot(1001), click(2000))
                            .get(1))
                    .target(),
                "left"),
            new Action.RouteChange(1100, "http://a.test/next"),
            new Action.SetViewport(2000, new Viewport(400, 700))));
  }

  @Test
  public void a_new_snapshot_of_the_same_page_without_a_load_is_no_navigation() {
    List<Action> actions = actions(
        meta(1000, "http://a.test/", 800),
        snapshot(1001),
        meta(300_000, "http://a.test/", 800),
        snapshot(300_001),
        click(300_500));
    assertEquals(
        actions.stream().map(Action::kind).toList(),
        List.of(Action.Kind.NAVIGATE, Action.Kind.CLICK));
  }

  @Test
  public void a_reload_is_a_navigation_the_visitor_made() {
    List<Action> actions = actions(
        meta(1000, "http://a.test/", 800),
        snapshot(1001),
        "{\"type\":0,\"timestamp\":9000,\"data\":{}}",
        meta(9001, "http://a.test/", 800),
        snapshot(9002));
    assertEquals(actions.get(1), new Action.Navigate(8001, "http://a.test/", false));
  }

  @Test
  public void a_click_on_a_node_rrweb_did_not_serialize_keeps_its_position_only() {
    List<Action> actions = actions(
        meta(1000, "http://a.test/", 800),
        snapshot(1001),
        "{\"type\":3,\"timestamp\":1500,\"data\":{\"source\":2,\"type\":2,\"id\":-1,\"x\":10,\"y\":20}}");
    Target target = ((Action.Click) actions.get(1)).target();
    assertEquals(target.candidates(), List.of());
    assertEquals(target.position(), new Position(10, 20, Position.Origin.VIEWPORT));
    assertEquals(target.describe(), "(10, 20)");
  }
}
