package dev.heatcheck.assertions;

import static dev.heatcheck.assertions.HeatcheckAssertions.assertThat;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import dev.heatcheck.Result;
import dev.heatcheck.result.Bound;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Kind;
import dev.heatcheck.result.Level;
import dev.heatcheck.result.Outcome;
import dev.heatcheck.result.PageSummary;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testng.annotations.Test;

/**
 * Assertions on a hand-made result: a page, viewport or element the run never saw fails, naming it and
 * listing what the run did see, so a typo cannot make an assertion pass.
 */
public class UnseenScopeTest {
  private static final String NL = System.lineSeparator();
  private static final Path DIR = Path.of("reports", "run-1");

  private static final Result RESULT = new Result(new Outcome(
      DIR,
      false,
      List.of(new Finding(
          Kind.DEAD, "shop", "/product/1", "1280x800", "#wishlist", "Save", 1, "no reaction")),
      List.of(
          new Check("shop", "deadClicks", Level.WARN, 1, 3, 0, Bound.MAX, "shop.yaml:9:3"),
          new Check(
              "shop",
              "scrollReach #footer on /product/1",
              Level.FAIL,
              0.4,
              0.5,
              0.8,
              Bound.MIN,
              "shop.yaml:11:3")),
      List.of(new FailedStep(
          "shop",
          "390x844",
          "click \"#buy\": no visible element matched within 5000 ms",
          "shop.yaml:6:5")),
      List.of(),
      List.of(),
      List.of(
          page("/", "desktop", Map.of("1280x800", 1), element("#search", 2), element(null, 1)),
          page("/about", "desktop", Map.of("1280x800", 1)),
          page(
              "/product/1",
              "desktop",
              viewports("1280x800", 2, "1440x900", 1),
              element("#add-to-cart", 2),
              element("#wishlist", 2)),
          page("/product/1", "mobile", Map.of("390x844", 1), element("#gallery", 1)))));

  @Test
  public void a_page_the_run_never_saw_fails_and_lists_the_pages_it_saw() {
    assertEquals(
        failure(() -> assertThat(RESULT).deadClicks().onPage("/no-such-page").isZero()),
        String.join(
            NL,
            "Expecting no dead clicks on /no-such-page,",
            "but the run has no page views of /no-such-page; the pages it saw:",
            "  /",
            "  /about",
            "  /product/1"));
  }

  @Test
  public void a_viewport_the_run_never_saw_fails_and_lists_the_viewports_it_saw() {
    assertEquals(
        failure(() -> assertThat(RESULT).rageClicks().atViewport("1x1").isAtMost(2)),
        String.join(
            NL,
            "Expecting at most 2 rage clicks at 1x1,",
            "but the run has no page views at 1x1; the viewports it saw:",
            "  1280x800",
            "  1440x900",
            "  390x844"));
  }

  @Test
  public void a_viewport_the_page_was_never_seen_at_fails_and_lists_the_viewports_of_that_page() {
    assertEquals(
        failure(() -> assertThat(RESULT)
            .deadClicks()
            .onPage("/about")
            .atViewport("390x844")
            .isZero()),
        String.join(
            NL,
            "Expecting no dead clicks on /about at 390x844,",
            "but the run has no page views of /about at 390x844; the viewports it saw there:",
            "  1280x800"));
  }

  @Test
  public void an_element_nobody_clicked_fails_and_lists_the_clicked_elements() {
    assertEquals(
        failure(() -> assertThat(RESULT).errorClicks().onElement("#typo").isZero()),
        String.join(
            NL,
            "Expecting no error clicks on #typo,",
            "but no click of the run was on #typo; the elements clicked:",
            "  #add-to-cart",
            "  #gallery",
            "  #search",
            "  #wishlist"));
  }

  @Test
  public void an_element_nobody_clicked_on_the_page_fails_and_lists_the_elements_clicked_there() {
    assertEquals(
        failure(() -> assertThat(RESULT)
            .deadClicks()
            .onElement("#search")
            .onPage("/product/1")
            .atViewport("1280x800")
            .isZero()),
        String.join(
            NL,
            "Expecting no dead clicks on #search on /product/1 at 1280x800,",
            "but no click on /product/1 at 1280x800 was on #search; the elements clicked there:",
            "  #add-to-cart",
            "  #wishlist"));
  }

  @Test
  public void a_click_share_of_an_element_nobody_clicked_fails() {
    assertEquals(
        failure(() -> assertThat(RESULT).element("#typo").clickShare().isAtMost(0.5)),
        String.join(
            NL,
            "Expecting clicks on #typo,",
            "but no click of the run was on #typo; the elements clicked:",
            "  #add-to-cart",
            "  #gallery",
            "  #search",
            "  #wishlist"));
    assertEquals(
        failure(() ->
            assertThat(RESULT).element("#search").onPage("/about").clickShare().isAtLeast(0.1)),
        String.join(
            NL,
            "Expecting clicks on #search on /about,",
            "but no click on /about was on #search; the elements clicked there:",
            "  (none)"));
    assertEquals(
        failure(() ->
            assertThat(RESULT).element("#search").onPage("/typo").clickShare().value()),
        String.join(
            NL,
            "Expecting clicks on #search on /typo,",
            "but the run has no page views of /typo; the pages it saw:",
            "  /",
            "  /about",
            "  /product/1"));
  }

  @Test
  public void a_count_of_an_unseen_page_fails_rather_than_being_zero() {
    assertEquals(
        failure(() -> assertThat(RESULT).deadClicks().onPage("/typo").count()),
        String.join(
            NL,
            "Expecting dead clicks on /typo,",
            "but the run has no page views of /typo; the pages it saw:",
            "  /",
            "  /about",
            "  /product/1"));
  }

  @Test
  public void a_page_seen_without_findings_or_clicks_holds() {
    assertThat(RESULT).deadClicks().onPage("/about").isZero();
    assertThat(RESULT).deadClicks().onPage("/about").atViewport("1280x800").isZero();
    assertThat(RESULT)
        .errorClicks()
        .onPage("/product/1")
        .atViewport("390x844")
        .onElement("#gallery")
        .isZero();
    assertEquals(assertThat(RESULT).deadClicks().onPage("/product/1").count(), 1);
    assertEquals(
        assertThat(RESULT)
            .element("#wishlist")
            .onPage("/product/1")
            .clickShare()
            .value(),
        0.4,
        "2 of 5 clicks");
  }

  @Test
  public void a_finding_on_a_seen_page_still_fails_with_its_elements() {
    assertEquals(
        failure(() -> assertThat(RESULT).deadClicks().onPage("/product/1").isZero()),
        String.join(
            NL,
            "Expecting no dead clicks on /product/1, but found 1 on 1 element:",
            "  #wishlist \"Save\" on /product/1 at 1280x800: 1 (no reaction within the windows)",
            "Heatmap: " + DIR.resolve("heatmaps/product-1-desktop-click.png")));
  }

  @Test
  public void
      passes_its_checks_lists_the_steps_not_done_and_the_failed_checks_in_the_words_of_every_report() {
    assertEquals(
        failure(() -> assertThat(RESULT).passesItsChecks()),
        String.join(
            NL,
            "Expecting every step to be done and every check to hold, but these failed:",
            "  shop: step failed at 390x844: click \"#buy\": no visible element matched within 5000 ms (shop.yaml:6:5)",
            "  shop: scrollReach #footer on /product/1 was 0.4, limit 0.5, warns below 0.8 (shop.yaml:11:3)",
            "Report: " + DIR.resolve("index.html")));
  }

  @Test
  public void a_null_result_fails() {
    assertEquals(failure(() -> assertThat(null)), "Expecting a heatcheck result, but it was null");
  }

  private static String failure(Runnable assertion) {
    return expectThrows(AssertionError.class, assertion::run).getMessage();
  }

  private static PageSummary page(
      String path, String bucket, Map<String, Integer> viewports, PageSummary.Element... elements) {
    int clicks =
        List.of(elements).stream().mapToInt(PageSummary.Element::clicks).sum();
    String name = path.equals("/") ? "home" : path.substring(1).replace('/', '-');
    return new PageSummary(
        path,
        bucket,
        viewports,
        viewports.values().stream().mapToInt(Integer::intValue).sum(),
        clicks,
        DIR.resolve("heatmaps/" + name + "-" + bucket + "-click.png"),
        List.of(elements));
  }

  private static PageSummary.Element element(String selector, int clicks) {
    return new PageSummary.Element(
        selector, null, clicks, 0.5, "#wishlist".equals(selector) ? 1 : 0, 0, 0);
  }

  private static Map<String, Integer> viewports(String a, int aViews, String b, int bViews) {
    Map<String, Integer> viewports = new LinkedHashMap<>();
    viewports.put(a, aViews);
    viewports.put(b, bViews);
    return viewports;
  }
}
