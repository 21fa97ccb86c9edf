package dev.heatcheck.internal.demo;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

public class LocalServerTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private LocalServer server;

  @BeforeClass
  void start() {
    server = LocalServer.serve("dev/heatcheck/internal/demo/fixture")
        .route("/hello", exchange -> LocalServer.sendText(exchange, 200, "hi from a route"))
        .route("/slow", exchange -> {
          try {
            Thread.sleep(2_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          LocalServer.sendText(exchange, 200, "slow");
        });
  }

  @AfterClass(alwaysRun = true)
  void stop() {
    server.close();
  }

  @Test
  void serves_index_for_the_root_with_html_type_and_no_caching() throws Exception {
    HttpResponse<String> response = get("/");

    assertEquals(response.statusCode(), 200);
    assertTrue(response.body().contains("fixture index"));
    assertEquals(header(response, "Content-Type"), "text/html; charset=utf-8");
    assertEquals(header(response, "Cache-Control"), "no-store");
  }

  @Test
  void serves_a_file_by_its_exact_name_with_its_type() throws Exception {
    HttpResponse<String> response = get("/a.css");

    assertEquals(response.statusCode(), 200);
    assertTrue(response.body().contains("teal"));
    assertEquals(header(response, "Content-Type"), "text/css; charset=utf-8");
  }

  @Test
  void maps_an_extensionless_path_to_its_html_file() throws Exception {
    HttpResponse<String> response = get("/page");

    assertEquals(response.statusCode(), 200);
    assertTrue(response.body().contains("fixture page"));
  }

  @Test
  void maps_a_directory_to_its_index() throws Exception {
    assertTrue(get("/sub").body().contains("fixture sub index"));
    assertTrue(get("/sub/").body().contains("fixture sub index"));
  }

  @Test
  void answers_404_for_a_missing_file() throws Exception {
    assertEquals(get("/missing").statusCode(), 404);
    assertEquals(get("/missing.css").statusCode(), 404);
  }

  @Test
  void refuses_paths_that_climb_out_of_the_root() throws Exception {
    for (String path : new String[] {
      "/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/sub/../../secret.txt"
    }) {
      String response = rawGet(path);
      assertTrue(response.startsWith("HTTP/1.1 400"), path + " gave: " + response);
      assertFalse(response.contains("outside the served root"), path);
    }
  }

  @Test
  void refuses_methods_other_than_get_and_head() throws Exception {
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(response.statusCode(), 405);
  }

  @Test
  void serves_a_route_registered_by_the_caller() throws Exception {
    HttpResponse<String> response = get("/hello");

    assertEquals(response.statusCode(), 200);
    assertEquals(response.body(), "hi from a route");
  }

  @Test
  void a_slow_handler_does_not_hold_up_other_requests() throws Exception {
    CompletableFuture<HttpResponse<String>> slow =
        client.sendAsync(request("/slow"), HttpResponse.BodyHandlers.ofString());
    Thread.sleep(100);

    long started = System.nanoTime();
    assertEquals(get("/").statusCode(), 200);
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertTrue(tookMillis < 1_000, "page took " + tookMillis + " ms while /slow was sleeping");
    assertEquals(slow.get().body(), "slow");
  }

  @Test
  void binds_to_loopback_only() throws Exception {
    URI base = URI.create(server.baseUrl());
    assertEquals(base.getHost(), "127.0.0.1");

    InetAddress other = otherLocalAddress();
    if (other != null) {
      expectThrows(ConnectException.class, () -> new Socket(other, base.getPort()).close());
    }
  }

  @Test
  void stops_listening_when_closed() throws Exception {
    LocalServer closed = LocalServer.serve("dev/heatcheck/internal/demo/fixture");
    int port = URI.create(closed.baseUrl()).getPort();
    closed.close();

    expectThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
  }

  @Test
  void fails_with_the_fix_when_the_root_is_missing() {
    HeatcheckException e =
        expectThrows(HeatcheckException.class, () -> LocalServer.serve("no/such/root"));

    assertTrue(e.getMessage().contains("src/test/resources/no/such/root"), e.getMessage());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build();
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  // Raw, because an HTTP client may normalise "/../" away before it ever reaches the server.
  private String rawGet(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", URI.create(server.baseUrl()).getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InetAddress otherLocalAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .findFirst()
        .orElse(null);
  }
}
