package dev.heatcheck.testng;

import static org.testng.Assert.assertEquals;

import dev.heatcheck.internal.scenario.Location;
import java.nio.file.Path;
import java.util.List;
import org.testng.annotations.Test;

/** How a scenario step is named in Allure: as its file writes it, without the comment. */
public class AllureReportTest {
  private static final Path FILE = Path.of("checkout.yaml");
  private static final List<String> LINES = List.of(
      "steps:",
      "  - click: \"#wishlist\"     # its handler does nothing: dead",
      "  - click:",
      "      selector: \"#place-order\"   # slow",
      "      times: 4",
      "  - fill: {selector: '#email', value: 'a#b@c.d'}",
      "expect:");

  @Test
  public void a_step_is_named_as_written_without_its_comment() {
    assertEquals(AllureReport.source(new Location(FILE, 2, 5), LINES), "click: \"#wishlist\"");
  }

  @Test
  public void a_step_written_over_several_lines_is_joined_onto_one() {
    assertEquals(
        AllureReport.source(new Location(FILE, 3, 5), LINES),
        "click: selector: \"#place-order\" times: 4");
  }

  @Test
  public void a_hash_inside_quotes_is_no_comment() {
    assertEquals(
        AllureReport.source(new Location(FILE, 6, 5), LINES),
        "fill: {selector: '#email', value: 'a#b@c.d'}");
  }

  @Test
  public void a_place_outside_the_file_names_the_step_plainly() {
    assertEquals(AllureReport.source(new Location(FILE, 40, 5), LINES), "step");
  }
}
