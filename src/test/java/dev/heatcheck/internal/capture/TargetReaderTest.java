package dev.heatcheck.internal.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.events.Json;
import dev.heatcheck.internal.events.Target;
import java.util.List;
import org.testng.annotations.Test;

/** What Java works out from the page's description of a clicked element. */
public class TargetReaderTest {
  private static Target read(String json, double x, double y) throws Exception {
    return TargetReader.read(Json.mapper().readTree(json), x, y);
  }

  @Test
  public void the_page_facts_are_kept_and_the_click_is_placed_inside_the_box() throws Exception {
    Target t = read(
        "[\"#pay >>> #buy\",\"button\",\"submit\",\"\",\"Buy\",null,true,false,[100.04,199.96,40,20],true,false]",
        110,
        215);
    assertEquals(t.selector(), "#pay >>> #buy");
    assertEquals(t.text(), "Buy");
    assertEquals(t.role(), "button");
    assertTrue(t.interactive());
    assertFalse(t.editable());
    assertEquals(t.box(), List.of(100.0, 200.0, 40.0, 20.0));
    assertEquals(t.rx(), 0.25);
    assertEquals(t.ry(), 0.75);
    assertTrue(t.fixed());
    assertEquals(t.frame(), "#pay");
  }

  @Test
  public void a_click_outside_the_box_or_on_an_empty_box_stays_within_it() {
    assertEquals(TargetReader.fraction(90, 100, 40), 0.0);
    assertEquals(TargetReader.fraction(190, 100, 40), 1.0);
    assertEquals(TargetReader.fraction(123, 100, 0), 0.5);
    assertEquals(TargetReader.fraction(101, 100, 3), 0.333);
  }

  @Test
  public void an_explicit_role_wins_else_the_tag_and_input_type_imply_one() {
    assertEquals(TargetReader.role("tab", "div", null, null), "tab");
    assertEquals(TargetReader.role(null, "input", "checkbox", null), "checkbox");
    assertEquals(TargetReader.role(null, "input", "range", null), "slider");
    assertEquals(TargetReader.role(null, "input", "email", null), "textbox");
    assertEquals(TargetReader.role(null, "a", null, "http://127.0.0.1/x"), "link");
    assertNull(TargetReader.role(null, "a", null, null), "an anchor without href is no link");
    assertEquals(TargetReader.role(null, "summary", null, null), "button");
    assertNull(TargetReader.role(null, "div", null, null));
    assertNull(TargetReader.role("", "span", null, null));
  }

  @Test
  public void fields_for_typing_selects_canvas_and_contenteditable_are_editable_buttons_are_not() {
    assertTrue(TargetReader.editable("input", "text", false));
    assertTrue(TargetReader.editable("input", "datetime-local", false));
    assertTrue(TargetReader.editable("textarea", "textarea", false));
    assertTrue(TargetReader.editable("select", "select-one", false));
    assertTrue(TargetReader.editable("canvas", null, false));
    assertTrue(TargetReader.editable("div", null, true));
    assertFalse(TargetReader.editable("input", "checkbox", false));
    assertFalse(TargetReader.editable("input", "submit", false));
    assertFalse(TargetReader.editable("button", "submit", false));
  }

  @Test
  public void a_description_without_a_box_is_placed_in_the_middle() throws Exception {
    Target t = read("[\"svg > path\",\"path\"]", 5, 5);
    assertNull(t.box());
    assertEquals(t.rx(), 0.5);
    assertFalse(t.editable());
    assertNull(t.role());
  }

  @Test
  public void the_path_of_a_url_is_what_location_pathname_says() {
    assertEquals(Recorder.pathOf("http://127.0.0.1:8080/product/1?id=2#x"), "/product/1");
    assertEquals(Recorder.pathOf("http://127.0.0.1:8080"), "/");
    assertEquals(Recorder.pathOf("http://127.0.0.1:8080?a=/b"), "/");
    assertEquals(Recorder.pathOf("https://shop.test/search/***#top"), "/search/***");
  }
}
