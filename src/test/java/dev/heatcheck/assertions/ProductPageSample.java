package dev.heatcheck.assertions;

import static dev.heatcheck.assertions.HeatcheckAssertions.assertThat;

import dev.heatcheck.Heatcheck;
import dev.heatcheck.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * A project's own TestNG test using heatcheck, as a user writes one. It is run from code by
 * {@link HeatcheckAssertionsTest} (its name keeps Surefire from running it by itself): two of its
 * tests fail on purpose, to pin the failure messages.
 */
public class ProductPageSample {
  static String baseUrl;
  static Result result;

  @BeforeClass
  public void visitTheProductPage() throws IOException {
    Path dir = Files.createTempDirectory("heatcheck-sample");
    Path scenario = Files.writeString(dir.resolve("product.yaml"), """
        url: /product/1
        steps:
          - click: "#wishlist"
          - click: "#add-to-cart"
        """);
    result = Heatcheck.run(scenario, baseUrl, dir.resolve("run"));
  }

  @Test
  public void the_product_page_has_no_dead_clicks() {
    assertThat(result).deadClicks().onPage("/product/1").isZero();
  }

  @Test
  public void add_to_cart_gets_half_the_clicks() {
    assertThat(result).element("#add-to-cart").onPage("/product/1").clickShare().isAtLeast(0.5);
  }

  @Test
  public void the_wishlist_gets_at_most_a_quarter_of_the_clicks() {
    assertThat(result).element("#wishlist").onPage("/product/1").clickShare().isAtMost(0.25);
  }

  @Test
  public void nothing_throws_and_nobody_rages() {
    assertThat(result).errorClicks().isZero().rageClicks().isZero();
  }
}
