package dev.heatcheck.internal.capture;

import dev.heatcheck.internal.demo.LocalServer;
import java.nio.charset.StandardCharsets;

/** The capture corpus pages on 127.0.0.1, with an API that answers 204 to anything and a page that takes 3 s. */
public final class CorpusSite {
  private CorpusSite() {}

  public static LocalServer serve() {
    return LocalServer.serve("fixtures/corpus")
        .route("/api/", exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        })
        .route("/slow", exchange -> {
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body =
              "<!doctype html><title>slow</title><p>finally".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
  }
}
