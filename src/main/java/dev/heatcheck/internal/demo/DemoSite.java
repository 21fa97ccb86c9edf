package dev.heatcheck.internal.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled demo shop. Some controls carry planted friction for heatcheck to find, the rest work
 * and must not be flagged:
 *
 * <ul>
 *   <li>dead: {@code #product-photo} looks clickable but has no handler; {@code #wishlist} has a
 *       handler whose result goes nowhere;
 *   <li>rage: {@code #place-order} answers only after the order delay and stays enabled meanwhile;
 *   <li>error: {@code #apply-coupon} throws before doing anything.
 * </ul>
 */
public final class DemoSite {
  /** How long "Place order" keeps the visitor waiting, unless a test asks for another delay. */
  public static final Duration ORDER_DELAY = Duration.ofSeconds(3);

  private static final String SITE = "dev/heatcheck/internal/demo/site";
  private static final String JSON = "application/json; charset=utf-8";
  private static final Pattern PRODUCT_PATH = Pattern.compile("/product/(\\d+)/?");
  private static final Pattern TOP =
      Pattern.compile("<!--#top title=\"([^\"]*)\" current=\"([^\"]*)\"-->\n?");
  private static final String BOTTOM = "<!--#bottom-->";
  private static final Pattern CURRENT = Pattern.compile("\\{\\{current (/[^}]*)}}");

  record Product(int id, String name, String price, String tagline, String description) {}

  static final List<Product> CATALOG = List.of(
      new Product(
          1,
          "Stoneware Mug",
          "$18.00",
          "Hand-glazed, holds 350 ml",
          "Thrown and glazed by hand in a small studio. Heavy enough to stay put on a desk,"
              + " light enough for a morning walk around the garden. Dishwasher safe."),
      new Product(
          2,
          "Canvas Tote",
          "$34.00",
          "Waxed cotton, leather handles",
          "A roomy everyday bag in waxed cotton canvas that shrugs off rain. Inside pocket for"
              + " keys, stitched leather handles that soften with use."),
      new Product(
          3,
          "Brass Desk Lamp",
          "$89.00",
          "Solid brass, warm 2700 K bulb",
          "A jointed desk lamp in solid brass that takes on a soft patina over the years. Comes"
              + " with a warm LED bulb and a braided fabric cable."));

  private DemoSite() {}

  public static LocalServer start() {
    return start(ORDER_DELAY);
  }

  /** Starts the shop; {@code orderDelay} is how long "Place order" keeps the visitor waiting. */
  public static LocalServer start(Duration orderDelay) {
    return start(orderDelay, 0);
  }

  /** Starts the shop on {@code port} of 127.0.0.1, 0 for any free one. */
  public static LocalServer start(Duration orderDelay, int port) {
    return start(orderDelay, port, UnaryOperator.identity());
  }

  /**
   * Starts a changed shop, as a new build would be: {@code change} rewrites every HTML page it serves
   * (e.g. an element gone, or a planted friction fixed). Replay tests play recordings of the shop against it.
   */
  public static LocalServer start(Duration orderDelay, int port, UnaryOperator<String> change) {
    if (orderDelay.isNegative()) {
      throw new IllegalArgumentException("orderDelay must not be negative: " + orderDelay);
    }
    return LocalServer.serve(SITE, port)
        .filterPages(page -> change.apply(withPartials(page)))
        .route("/products", exchange -> productsPage(exchange, change))
        // "/product", not "/product/", so the bare template is never served as a page.
        .route("/product", exchange -> productPage(exchange, change))
        .route("/api/cart", DemoSite::cart)
        .route("/api/order", exchange -> order(exchange, orderDelay))
        .route("/api/ping", DemoSite::ping);
  }

  private static void productsPage(HttpExchange exchange, UnaryOperator<String> change)
      throws IOException {
    if (!exchange.getRequestURI().getPath().matches("/products/?")) {
      LocalServer.sendText(exchange, 404, "Not found\n");
      return;
    }
    StringBuilder cards = new StringBuilder();
    for (Product product : CATALOG) {
      cards.append(fill("""
                  <li class="card">
                    <a class="product-link" href="/product/{{id}}">
                      <img src="/img/product-{{id}}.svg" alt="" width="400" height="400">
                      <span class="card-name">{{name}}</span>
                      <span class="card-tagline">{{tagline}}</span>
                      <span class="card-price">{{price}}</span>
                    </a>
                  </li>
              """, product));
    }
    html(
        exchange,
        change.apply(
            template("products.html").replace("{{cards}}", cards.toString().strip())));
  }

  private static void productPage(HttpExchange exchange, UnaryOperator<String> change)
      throws IOException {
    Matcher matcher = PRODUCT_PATH.matcher(exchange.getRequestURI().getPath());
    Product product = matcher.matches()
        ? CATALOG.stream()
            .filter(p -> String.valueOf(p.id()).equals(matcher.group(1)))
            .findFirst()
            .orElse(null)
        : null;
    if (product == null) {
      LocalServer.sendText(exchange, 404, "No such product\n");
      return;
    }
    html(exchange, change.apply(fill(template("product.html"), product)));
  }

  // The client sends the count it shows and gets count + 1, so each browser context stays
  // deterministic however many runs share this server.
  private static void cart(HttpExchange exchange) throws IOException {
    if (!post(exchange)) {
      return;
    }
    String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int count = sent.strip().matches("\\d{1,6}") ? Integer.parseInt(sent.strip()) : 0;
    json(exchange, "{\"count\": " + (count + 1) + "}");
  }

  private static void order(HttpExchange exchange, Duration delay) throws IOException {
    if (!post(exchange)) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      // The server is closing; the browser gets no answer, as from a real server going down.
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    }
    json(exchange, "{\"ok\": true}");
  }

  private static void ping(HttpExchange exchange) throws IOException {
    LocalServer.send(exchange, 204, null, null);
  }

  private static boolean post(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("POST")) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", "POST");
    LocalServer.sendText(exchange, 405, "Use POST\n");
    return false;
  }

  private static void html(HttpExchange exchange, String page) throws IOException {
    LocalServer.send(
        exchange,
        200,
        LocalServer.contentType("page.html"),
        withPartials(page).getBytes(StandardCharsets.UTF_8));
  }

  private static void json(HttpExchange exchange, String body) throws IOException {
    LocalServer.send(exchange, 200, JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String template(String name) {
    byte[] bytes = LocalServer.read(DemoSite.class.getClassLoader(), SITE + "/" + name);
    if (bytes == null) {
      throw new IllegalStateException("Demo template missing from the jar: " + SITE + "/" + name);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Every page starts with {@code <!--#top title="…" current="/path"-->}: the shared head and header,
   * with that title and that nav link marked as the current page; and has {@code <!--#bottom-->} where the
   * shared footer and site script go. One copy of each, five pages.
   */
  static String withPartials(String page) {
    String bottom = page.replace(BOTTOM, template("partials/bottom.html").stripTrailing());
    Matcher top = TOP.matcher(bottom);
    if (!top.find()) {
      return bottom;
    }
    String current = top.group(2);
    Matcher link =
        CURRENT.matcher(template("partials/top.html").replace("{{title}}", top.group(1)));
    StringBuilder header = new StringBuilder();
    while (link.find()) {
      link.appendReplacement(header, link.group(1).equals(current) ? " aria-current=\"page\"" : "");
    }
    link.appendTail(header);
    return bottom.substring(0, top.start()) + header + bottom.substring(top.end());
  }

  private static String fill(String template, Product product) {
    return template
        .replace("{{id}}", String.valueOf(product.id()))
        .replace("{{name}}", escape(product.name()))
        .replace("{{price}}", escape(product.price()))
        .replace("{{tagline}}", escape(product.tagline()))
        .replace("{{description}}", escape(product.description()));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
