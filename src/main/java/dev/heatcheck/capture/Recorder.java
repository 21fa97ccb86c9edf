package dev.heatcheck.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import dev.heatcheck.HeatcheckException;
import dev.heatcheck.events.EffectKind;
import dev.heatcheck.events.Event;
import dev.heatcheck.events.EventLog;
import dev.heatcheck.events.Json;
import dev.heatcheck.events.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records one visitor (one browser context): the in-page script reports clicks, scrolls, moves and the
 * DOM's reactions; this side adds what only the browser sees (requests, navigations, dialogs, popups,
 * downloads, errors). Everything goes to the event log as it happens.
 */
public final class Recorder {
  static final String BINDING = "__heatcheck";
  private static final String SCRIPT = loadScript();
  /** Requests a click can start; pictures and styles loading with the page are not a reaction. */
  private static final Set<String> REACTION_REQUESTS =
      Set.of("fetch", "xhr", "document", "websocket", "eventsource", "ping");

  private final String session;
  private final String scenario;
  private final EventLog log;
  private final AtomicLong sequence = new AtomicLong();
  private final Map<Page, String> currentView = new WeakHashMap<>();
  private final Map<String, String> urlByPath = new LinkedHashMap<>();
  private final Set<String> selectors = new LinkedHashSet<>();
  private volatile long lastClick;

  private Recorder(String session, String scenario, EventLog log) {
    this.session = session;
    this.scenario = scenario;
    this.log = log;
  }

  /** Starts recording every page the context opens from now on, popups included. */
  public static Recorder attach(BrowserContext context, String session, String scenario, EventLog log) {
    Recorder recorder = new Recorder(session, scenario, log);
    context.exposeBinding(
        BINDING,
        (source, args) -> {
          recorder.receive(source.page(), String.valueOf(args[0]));
          return null;
        });
    context.addInitScript(SCRIPT);
    context.onPage(recorder::watch);
    return recorder;
  }

  /** The recorder script, for measuring its size. */
  public static String script() {
    return SCRIPT;
  }

  /** Marks a visitor action other than a click, so later reactions are not credited to an earlier click. */
  public void action(Page page, String kind) {
    log.append(new Event.Action(nextId(), currentView.get(page), session, System.currentTimeMillis(), kind));
  }

  /** Epoch ms of the newest click, 0 before the first. */
  public long lastClick() {
    return lastClick;
  }

  /** The first URL seen for each page path, in order of first visit: what to screenshot. */
  public Map<String, String> pagesSeen() {
    return Map.copyOf(urlByPath);
  }

  /** Every selector clicked so far: what screenshots must locate to anchor the clicks. */
  public Set<String> selectorsClicked() {
    return Set.copyOf(selectors);
  }

  private void watch(Page page) {
    page.onRequest(request -> onRequest(page, request));
    page.onFrameNavigated(frame -> onNavigated(page, frame));
    page.onDialog(
        dialog -> {
          effect(page, EffectKind.DIALOG, dialog.type());
          dialog.dismiss();
        });
    page.onPopup(popup -> effect(page, EffectKind.POPUP, null));
    page.onDownload(download -> effect(page, EffectKind.DOWNLOAD, download.suggestedFilename()));
    page.onPageError(error -> error(page, firstLine(error)));
    page.onConsoleMessage(message -> onConsole(page, message));
  }

  private void onRequest(Page page, Request request) {
    if (REACTION_REQUESTS.contains(request.resourceType()) && !request.isNavigationRequest()) {
      effect(page, EffectKind.REQUEST, request.method() + " " + request.url());
    }
  }

  private void onNavigated(Page page, Frame frame) {
    if (frame == page.mainFrame()) {
      effect(page, EffectKind.NAVIGATION, frame.url());
    }
  }

  private void onConsole(Page page, ConsoleMessage message) {
    if ("error".equals(message.type()) && !String.valueOf(message.location()).contains("favicon.ico")) {
      error(page, "console.error: " + firstLine(message.text()));
    }
  }

  private void effect(Page page, EffectKind kind, String detail) {
    log.append(new Event.Effect(nextId(), currentView.get(page), session, System.currentTimeMillis(), kind.id(), detail));
  }

  private void error(Page page, String message) {
    log.append(new Event.PageError(nextId(), currentView.get(page), session, System.currentTimeMillis(), message));
  }

  private void receive(Page page, String json) {
    JsonNode message;
    try {
      message = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      return; // a page can call the binding itself; what is not ours is ignored
    }
    String view = session + ":" + message.path("view").asText();
    long t = message.path("t").asLong();
    switch (message.path("type").asText()) {
      case "view" -> onView(page, view, message, t);
      case "click" -> onClick(view, message, t);
      case "scroll" -> log.append(
          new Event.Scroll(nextId(), view, session, t, message.path("y").asDouble(), message.path("docH").asInt()));
      case "move" -> log.append(
          new Event.Move(nextId(), view, session, t, message.path("x").asDouble(), message.path("y").asDouble()));
      case "effect" -> log.append(
          new Event.Effect(nextId(), view, session, t, message.path("kind").asText(), text(message, "detail")));
      default -> { }
    }
  }

  private void onView(Page page, String view, JsonNode message, long t) {
    currentView.put(page, view);
    String path = message.path("path").asText("/");
    urlByPath.putIfAbsent(path, message.path("url").asText());
    log.append(
        new Event.View(
            view,
            session,
            scenario,
            message.path("url").asText(),
            path,
            message.path("vw").asInt(),
            message.path("vh").asInt(),
            message.path("docW").asInt(),
            message.path("docH").asInt(),
            t));
  }

  private void onClick(String view, JsonNode message, long t) {
    lastClick = Math.max(lastClick, t);
    Target target;
    try {
      target = Json.mapper().treeToValue(message.path("target"), Target.class);
    } catch (JsonProcessingException e) {
      return;
    }
    if (target.selector() != null) {
      selectors.add(target.selector());
    }
    log.append(
        new Event.Click(
            nextId(),
            view,
            session,
            t,
            message.path("x").asDouble(),
            message.path("y").asDouble(),
            message.path("modifier").asBoolean(),
            target));
  }

  private String nextId() {
    return session + ":" + sequence.incrementAndGet();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String firstLine(String text) {
    String stripped = text == null ? "" : text.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }

  private static String loadScript() {
    try (InputStream in = Recorder.class.getResourceAsStream("recorder.js")) {
      if (in == null) {
        throw new HeatcheckException("recorder.js is missing from heatcheck's jar; rebuild with mvn package");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HeatcheckException("cannot read recorder.js from heatcheck's jar: " + e.getMessage(), e);
    }
  }
}
