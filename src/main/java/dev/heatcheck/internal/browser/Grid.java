package dev.heatcheck.internal.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Selenium Grid 4, as Playwright's Selenium Grid support uses it: a new Chrome session (POST
 * /session), whose DevTools endpoint the Grid relays (the {@code se:cdp} capability) for
 * {@code connectOverCDP}, and DELETE /session/ID when done. heatcheck does these itself rather than
 * through SELENIUM_REMOTE_URL, for three reasons found with Playwright 1.62 and Grid 4.41: every
 * Playwright driver of a JVM gets the environment of the first one (so a run could not use a Grid after
 * a local browser, nor tell its workers' sessions apart); the driver deletes its session twice at once,
 * which Grid leaves one of unanswered, and then takes 30 s to exit; and the session id, which the
 * watchdog needs to end a frozen visitor's browser from its own thread, stays inside the driver.
 */
final class Grid {
  /** Playwright's variables for its Selenium Grid support; heatcheck reads the last two as it does. */
  static final String URL_VARIABLE = "SELENIUM_REMOTE_URL";

  static final String CAPABILITIES_VARIABLE = "SELENIUM_REMOTE_CAPABILITIES";
  static final String HEADERS_VARIABLE = "SELENIUM_REMOTE_HEADERS";
  private static final Duration ANSWER = Duration.ofSeconds(10);
  /** A Grid queues a request for a session until a slot is free. */
  private static final Duration QUEUE = Duration.ofMinutes(2);

  private final String hub;
  private final String shown;
  private final Map<String, String> headers;
  private final String capabilities;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER).build();
  /** Why /status last gave nothing, for the message. */
  private volatile String lastProblem = "";

  /**
   * @param url the Grid's URL as given
   * @param env the environment, for {@value #HEADERS_VARIABLE} (e.g. a cloud Grid's authorization)
   */
  Grid(Remote remote, Map<String, String> env) {
    this.hub = remote.url().endsWith("/") ? remote.url() : remote.url() + "/";
    this.shown = remote.shown();
    this.headers = headers(env.get(HEADERS_VARIABLE));
    this.capabilities = env.get(CAPABILITIES_VARIABLE);
  }

  /** A Chrome session on the Grid: its id and the DevTools endpoint to connect to. */
  record Session(String id, String cdp) {}

  /**
   * Asks for a Chrome session started with {@code args}, as Playwright would (the user's
   * {@value #CAPABILITIES_VARIABLE} added over it).
   *
   * @throws RemoteUnreachable when the Grid gives none, with its reason
   */
  Session newSession(java.util.List<String> args) {
    ObjectNode always = Json.mapper().createObjectNode();
    always.put("browserName", "chrome");
    always.putObject("goog:chromeOptions").putPOJO("args", args);
    if (capabilities != null && !capabilities.isBlank()) {
      always.setAll((ObjectNode) readObject(capabilities, CAPABILITIES_VARIABLE));
    }
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("capabilities").set("alwaysMatch", always);
    HttpResponse<String> response;
    try {
      response = http.send(
          request("session")
              .timeout(QUEUE)
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RemoteUnreachable("cannot get a browser from " + shown + ": " + problem(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteUnreachable("interrupted while waiting for a browser from " + shown);
    }
    JsonNode value;
    try {
      value = Json.mapper().readTree(response.body()).path("value");
    } catch (IOException e) {
      value = Json.mapper().createObjectNode();
    }
    String id = value.path("sessionId").asText("");
    String cdp = value.path("capabilities").path("se:cdp").asText("");
    if (response.statusCode() != 200 || id.isEmpty()) {
      throw new RemoteUnreachable("cannot get a browser from " + shown + ": HTTP "
          + response.statusCode() + " "
          + Reasons.of(
              new RuntimeException(value.path("message").asText("no session in the answer"))));
    }
    if (cdp.isEmpty()) {
      delete(id);
      throw new RemoteUnreachable(shown + " gave a session without se:cdp: Selenium Grid 4 relays"
          + " a browser's DevTools endpoint, which Playwright needs; an older Grid does not");
    }
    return new Session(id, onHubHost(cdp));
  }

  /** The Grid says its node's endpoint as localhost; from here it is on the Grid's host, as Playwright does. */
  private String onHubHost(String cdp) {
    URI endpoint = URI.create(cdp);
    String host = endpoint.getHost();
    if ("localhost".equals(host) || "127.0.0.1".equals(host)) {
      String hubHost = URI.create(hub).getHost();
      return cdp.replaceFirst("//" + java.util.regex.Pattern.quote(host), "//" + hubHost);
    }
    return cdp;
  }

  private static String problem(IOException e) {
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "no answer in time";
    }
    if (e instanceof java.net.ConnectException) {
      return e.getMessage() == null ? "connection refused" : e.getMessage();
    }
    return e.getMessage() == null ? "the connection failed" : Reasons.of(e);
  }

  /**
   * Throws {@link RemoteUnreachable} unless the Grid answers /status as Grid 4 does (whether it is
   * "ready", that is has a free slot now, does not matter: it queues the request).
   */
  void requireReady() {
    JsonNode status = status()
        .orElseThrow(() -> new RemoteUnreachable("cannot reach " + shown + ": " + lastProblem));
    JsonNode value = status.path("value");
    if (!value.has("ready")) {
      throw new RemoteUnreachable(
          shown + " answered /status but not as a Selenium Grid 4 does (no value.ready)");
    }
  }

  /** Ends a session: its browser quits and its slot is free. Any thread; false when the Grid did not do it. */
  boolean delete(String session) {
    try {
      HttpResponse<Void> response = http.send(
          request("session/" + session).DELETE().build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Optional<JsonNode> status() {
    try {
      HttpResponse<String> response =
          http.send(request("status").GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        lastProblem = "HTTP " + response.statusCode() + " from " + hub + "status";
        return Optional.empty();
      }
      return Optional.of(Json.mapper().readTree(response.body()));
    } catch (IOException e) {
      lastProblem = problem(e);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lastProblem = "interrupted";
      return Optional.empty();
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub + path)).timeout(ANSWER);
    headers.forEach(request::header);
    return request;
  }

  private static Map<String, String> headers(String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (json != null && !json.isBlank()) {
      Iterator<Map.Entry<String, JsonNode>> fields =
          readObject(json, HEADERS_VARIABLE).fields();
      fields.forEachRemaining(f -> headers.put(f.getKey(), f.getValue().asText()));
    }
    return headers;
  }

  private static JsonNode readObject(String json, String variable) {
    try {
      JsonNode node = Json.mapper().readTree(json);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (IOException e) {
      // said below
    }
    throw new HeatcheckException(
        variable + " must be a JSON object, e.g. {\"browserName\": \"chrome\"}");
  }
}
