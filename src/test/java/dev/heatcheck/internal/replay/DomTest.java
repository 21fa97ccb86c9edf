package dev.heatcheck.internal.replay;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.internal.replay.Locator.Strategy;
import java.io.IOException;
import java.util.List;
import org.testng.annotations.Test;

/** The rebuilt document: mutations in rrweb's order, and names made from it as recorder.js makes them. */
public class DomTest {
  // <html><body><main id="m"><p>one</p><p>two</p></main></body></html>, ids 1..9
  private static final String SNAPSHOT =
      "{\"type\":0,\"id\":1,\"childNodes\":[{\"type\":2,\"id\":2,\"tagName\":\"html\",\"attributes\":{},"
          + "\"childNodes\":[{\"type\":2,\"id\":3,\"tagName\":\"body\",\"attributes\":{},\"childNodes\":["
          + "{\"type\":2,\"id\":4,\"tagName\":\"main\",\"attributes\":{\"id\":\"m\"},\"childNodes\":["
          + "{\"type\":2,\"id\":5,\"tagName\":\"p\",\"attributes\":{},\"childNodes\":[{\"type\":3,\"id\":6,\"textContent\":\"one\"}]},"
          + "{\"type\":2,\"id\":7,\"tagName\":\"p\",\"attributes\":{},\"childNodes\":[{\"type\":3,\"id\":8,\"textContent\":\"two\"}]}]}]}]}]}";

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String element(int id, String tag, String attributes) {
    return "{\"type\":2,\"id\":" + id + ",\"tagName\":\"" + tag + "\",\"attributes\":{" + attributes
        + "},\"childNodes\":[]}";
  }

  @Test
  public void adds_wait_for_their_parent_and_next_sibling() {
    Dom dom = new Dom(json(SNAPSHOT));
    // listed child first, parent last, and a sibling that goes before one added later: rrweb writes
    // such lists
    dom.apply(json("{\"adds\":["
        + "{\"parentId\":20,\"nextId\":null,\"node\":{\"type\":3,\"id\":21,\"textContent\":\"Buy\"}},"
        + "{\"parentId\":4,\"nextId\":22,\"node\":" + element(20, "button", "\"class\":\"buy\"")
        + "},"
        + "{\"parentId\":4,\"nextId\":5,\"node\":" + element(22, "button", "\"class\":\"buy\"")
        + "}],"
        + "\"removes\":[],\"texts\":[],\"attributes\":[]}"));
    Dom.Node main = dom.node(4);
    assertEquals(main.children.stream().map(n -> n.id).toList(), List.of(20, 22, 5, 7));
    assertEquals(Dom.textOf(dom.node(20)), "Buy");
    assertEquals(Naming.selector(dom.node(22)), "#m > button:nth-of-type(2)");
  }

  @Test
  public void removes_texts_and_attributes_apply_in_order() {
    Dom dom = new Dom(json(SNAPSHOT));
    dom.apply(
        json(
            "{\"adds\":[],\"removes\":[{\"parentId\":4,\"id\":5}],\"texts\":[{\"id\":8,\"value\":\"deux\"}],"
                + "\"attributes\":[{\"id\":4,\"attributes\":{\"id\":null,\"data-testid\":\"content\"}},{\"id\":7,\"attributes\":{\"style\":{\"color\":\"red\"}}}]}"));
    assertEquals(dom.node(4).children.size(), 1);
    assertNull(dom.node(4).attr("id"));
    Target p = Naming.target(dom.node(7), null);
    assertEquals(
        p.candidates(),
        List.of(
            new Locator(Strategy.TEXT, "text=\"deux\""),
            new Locator(Strategy.CSS, "main[data-testid=\"content\"] > p")));
    // a removed node is still known by its last state
    assertEquals(dom.node(5).tag, "p");
  }

  @Test
  public void generated_ids_and_masked_text_name_nothing() {
    Dom dom = new Dom(json(SNAPSHOT));
    dom.apply(json("{\"adds\":[{\"parentId\":3,\"nextId\":null,\"node\":"
        + element(30, "div", "\"id\":\"react-a1b2c3d4\",\"class\":\"card\"") + "},"
        + "{\"parentId\":30,\"nextId\":null,\"node\":" + element(31, "button", "") + "},"
        + "{\"parentId\":31,\"nextId\":null,\"node\":{\"type\":3,\"id\":32,\"textContent\":\"**** ****\"}}],"
        + "\"removes\":[],\"texts\":[],\"attributes\":[]}"));
    Target button = Naming.target(dom.node(31), null);
    assertEquals(button.candidates(), List.of(new Locator(Strategy.CSS, "div.card > button")));
    assertNull(button.text());
  }

  @Test
  public void an_input_is_never_named_by_its_value() {
    Dom dom = new Dom(json(SNAPSHOT));
    dom.apply(json("{\"adds\":[{\"parentId\":4,\"nextId\":null,\"node\":"
        + element(
            40, "input", "\"type\":\"text\",\"value\":\"secret words\",\"placeholder\":\"Search\"")
        + "}],"
        + "\"removes\":[],\"texts\":[],\"attributes\":[]}"));
    Target input = Naming.target(dom.node(40), null);
    assertEquals(
        input.candidates(),
        List.of(
            new Locator(Strategy.ROLE, "role=textbox[name=\"Search\"]"),
            new Locator(Strategy.CSS, "#m > input")));
    assertTrue(input.toString().indexOf("secret") < 0);
  }

  @Test
  public void css_escapes_ids_as_css_escape_does() {
    assertEquals(Naming.escapeIdent("1st"), "\\31 st");
    assertEquals(Naming.escapeIdent("a.b"), "a\\.b");
    assertEquals(Naming.escapeIdent("place-order"), "place-order");
  }
}
