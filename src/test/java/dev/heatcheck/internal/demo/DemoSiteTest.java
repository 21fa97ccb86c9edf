package dev.heatcheck.internal.demo;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

public class DemoSiteTest {
  private static final Duration ORDER_DELAY = Duration.ofMillis(300);
  private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
  private static final Pattern EXTERNAL =
      Pattern.compile("https?://|(?:src|href)\\s*=\\s*[\"']?//|url\\(\\s*[\"']?//|@import");

  // Other packages find the planted friction and the working controls by these ids.
  private static final Map<String, List<String>> PAGE_IDS = Map.of(
      "/", List.of("shop-now", "check-updates", "theme-toggle"),
      "/products", List.of(),
      "/product/1", List.of("product-photo", "wishlist", "add-to-cart", "go-checkout"),
      "/product/2", List.of("product-photo", "wishlist", "add-to-cart", "go-checkout"),
      "/product/3", List.of("product-photo", "wishlist", "add-to-cart", "go-checkout"),
      "/checkout",
          List.of(
              "email",
              "name",
              "place-order",
              "order-status",
              "apply-coupon",
              "gift-toggle",
              "back-to-products"),
      "/guide",
          List.of(
              "section-1",
              "section-2",
              "section-3",
              "section-4",
              "section-5",
              "section-6",
              "section-7",
              "section-8",
              "footer-cta"));

  private final HttpClient client = HttpClient.newHttpClient();
  private LocalServer site;

  @BeforeClass
  void start() {
    site = DemoSite.start(ORDER_DELAY);
  }

  @AfterClass(alwaysRun = true)
  void stop() {
    site.close();
  }

  @Test
  void every_page_is_served_with_the_header_and_its_ids() throws Exception {
    for (Map.Entry<String, List<String>> page : PAGE_IDS.entrySet()) {
      HttpResponse<String> response = get(page.getKey());

      assertEquals(response.statusCode(), 200, page.getKey());
      String html = response.body();
      assertFalse(html.contains("{{"), page.getKey() + " has an unfilled placeholder");
      for (String id : concat(List.of("cart-count"), page.getValue())) {
        assertTrue(html.contains("id=\"" + id + "\""), page.getKey() + " lacks #" + id);
      }
      for (String nav :
          List.of("href=\"/\"", "href=\"/products\"", "href=\"/checkout\"", "href=\"/guide\"")) {
        assertTrue(html.contains(nav), page.getKey() + " header lacks " + nav);
      }
    }
  }

  @Test
  void controls_start_in_the_state_other_packages_expect() throws Exception {
    assertTrue(get("/")
        .body()
        .contains("<a id=\"shop-now\" class=\"button primary\" href=\"/products\">"));
    assertTrue(
        get("/").body().contains("id=\"theme-toggle\" class=\"switch\" aria-pressed=\"false\""));
    assertTrue(get("/checkout")
        .body()
        .contains("id=\"gift-toggle\" class=\"switch\" aria-pressed=\"false\""));
    assertTrue(get("/checkout").body().contains("<input id=\"email\" type=\"email\""));
    assertTrue(get("/guide")
        .body()
        .contains("id=\"footer-cta\" class=\"button primary\" href=\"/products\""));
    assertTrue(get("/checkout")
        .body()
        .contains("id=\"back-to-products\" class=\"text-link\" href=\"/products\""));
  }

  @Test
  void products_page_links_the_three_products() throws Exception {
    String html = get("/products").body();

    for (int n = 1; n <= 3; n++) {
      assertTrue(
          html.contains("<a class=\"product-link\" href=\"/product/" + n + "\">"), "card " + n);
    }
    assertFalse(html.contains("href=\"/product/4\""));
  }

  @Test
  void each_product_page_shows_its_own_product() throws Exception {
    for (DemoSite.Product product : DemoSite.CATALOG) {
      String html = get("/product/" + product.id()).body();

      assertTrue(html.contains("<h1>" + product.name() + "</h1>"), product.name());
      assertTrue(html.contains(product.price()), product.name());
      assertTrue(html.contains("src=\"/img/product-" + product.id() + ".svg\""), product.name());
    }
  }

  @Test
  void unknown_products_and_the_bare_template_are_404() throws Exception {
    assertEquals(get("/product/4").statusCode(), 404);
    assertEquals(get("/product/abc").statusCode(), 404);
    assertEquals(get("/product").statusCode(), 404);
    assertEquals(get("/products/1").statusCode(), 404);
  }

  @Test
  void order_answers_only_after_the_delay() throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = post("/api/order", "");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertEquals(response.statusCode(), 200);
    assertEquals(response.body(), "{\"ok\": true}");
    assertTrue(took.compareTo(ORDER_DELAY) >= 0, "answered after " + took.toMillis() + " ms");
  }

  @Test
  void cart_answers_the_sent_count_plus_one() throws Exception {
    HttpResponse<String> response = post("/api/cart", "2");

    assertEquals(response.statusCode(), 200);
    assertEquals(
        response.headers().firstValue("Content-Type").orElse(""),
        "application/json; charset=utf-8");
    assertEquals(count(response.body()), 3);
    assertEquals(count(post("/api/cart", "").body()), 1);
    assertEquals(count(post("/api/cart", "not a number").body()), 1);
  }

  @Test
  void apis_refuse_the_wrong_method() throws Exception {
    assertEquals(get("/api/cart").statusCode(), 405);
    assertEquals(get("/api/order").statusCode(), 405);
  }

  @Test
  void ping_is_204() throws Exception {
    assertEquals(get("/api/ping").statusCode(), 204);
  }

  @Test
  void nothing_is_loaded_from_outside_127_0_0_1() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String page : PAGE_IDS.keySet()) {
      texts.add(page + "\n" + get(page).body());
    }
    Path root = Path.of(getClass()
        .getClassLoader()
        .getResource("dev/heatcheck/internal/demo/site")
        .toURI());
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        texts.add(root.relativize(file) + "\n" + Files.readString(file));
      }
    }
    assertTrue(texts.size() > PAGE_IDS.size() + 5, "found too few site files");

    for (String text : texts) {
      Matcher external = EXTERNAL.matcher(text.replace(SVG_NAMESPACE, ""));
      assertFalse(external.find(), text.lines().findFirst().get() + " refers outside the server");
    }
  }

  private static int count(String json) {
    Matcher matcher = Pattern.compile("\\{\"count\": (\\d+)}").matcher(json);
    assertTrue(matcher.matches(), json);
    return Integer.parseInt(matcher.group(1));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  public void every_page_gets_the_shared_header_and_footer_with_its_own_link_marked_current()
      throws Exception {
    Map<String, String> current = Map.of(
        "/",
        "",
        "/products",
        "/products",
        "/product/2",
        "/products",
        "/checkout",
        "/checkout",
        "/guide",
        "/guide");
    for (Map.Entry<String, String> page : current.entrySet()) {
      String html = get(page.getKey()).body();
      assertTrue(
          html.startsWith("<!doctype html>"), page.getKey() + " must start with its doctype");
      assertFalse(
          html.contains("<!--#") || html.contains("{{"),
          page.getKey() + " has an unexpanded include");
      assertTrue(
          html.contains("<span id=\"cart-count\">0</span>"), page.getKey() + " lacks the header");
      assertTrue(
          html.contains("<footer class=\"site-footer\">")
              && html.contains("<script src=\"/js/site.js\"></script>"),
          page.getKey() + " lacks the footer and the site script");
      for (String link : List.of("/products", "/checkout", "/guide")) {
        boolean marked = html.contains("<a href=\"" + link + "\" aria-current=\"page\">");
        assertEquals(
            marked, link.equals(page.getValue()), page.getKey() + ": " + link + " marked current");
      }
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
