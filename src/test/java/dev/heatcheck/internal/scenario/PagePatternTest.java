package dev.heatcheck.internal.scenario;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.List;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class PagePatternTest {
  private static final List<String> PATTERNS = List.of("/product/:id", "/blog/*", "/a/:x/edit");

  @Test
  public void a_named_segment_takes_in_any_one_segment() {
    assertEquals(PagePattern.group(PATTERNS, "/product/17"), "/product/:id");
    assertEquals(PagePattern.group(PATTERNS, "/product/42/"), "/product/:id");
    assertEquals(PagePattern.group(PATTERNS, "/a/9/edit"), "/a/:x/edit");
  }

  @Test
  public void a_named_segment_does_not_take_in_more_or_fewer_segments() {
    assertEquals(PagePattern.group(PATTERNS, "/product"), "/product");
    assertEquals(PagePattern.group(PATTERNS, "/product/1/reviews"), "/product/1/reviews");
    assertEquals(PagePattern.group(PATTERNS, "/a/9/view"), "/a/9/view");
  }

  @Test
  public void a_final_star_takes_in_the_rest() {
    assertEquals(PagePattern.group(PATTERNS, "/blog/2026/11/post"), "/blog/*");
    assertEquals(PagePattern.group(PATTERNS, "/blog/"), "/blog/*");
  }

  @DataProvider
  public Object[][] valid_patterns() {
    return new Object[][] {{"/"}, {"/product/:id"}, {"/blog/*"}, {"/*"}, {"/a/b/"}};
  }

  @DataProvider
  public Object[][] invalid_patterns() {
    return new Object[][] {{"product/:id"}, {"/a/*/b"}, {"/a:b"}, {"/a?x=1"}, {""}, {"/:1d"}};
  }

  @Test(dataProvider = "valid_patterns")
  public void a_path_with_named_segments_and_a_final_star_is_a_pattern(String pattern) {
    assertTrue(PagePattern.isValid(pattern), pattern);
  }

  @Test(dataProvider = "invalid_patterns")
  public void a_relative_path_an_inner_star_a_query_or_a_bad_name_is_not_a_pattern(String pattern) {
    assertFalse(PagePattern.isValid(pattern), pattern);
  }
}
