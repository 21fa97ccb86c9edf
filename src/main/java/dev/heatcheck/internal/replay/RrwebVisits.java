package dev.heatcheck.internal.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.internal.replay.Dom.Node;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Turns rrweb events, one at a time and in file order, into visits: one per window (PostHog's windowId; a
 * bare array is one window). Each window's document is rebuilt as it goes, so that an interaction's node id
 * names the element it was then.
 */
final class RrwebVisits {
  /** How far a timestamp may go back before the events count as out of order (rrweb's batches jitter a little). */
  static final long TOLERANCE_MS = 1000;
  /** A page load this soon after a click or input was caused by it; after a click on a link to it, up to LINK_MS. */
  private static final long CAUSE_MS = 1000;

  private static final long LINK_MS = 10_000;
  /** The two clicks of a double click come this close before it. */
  private static final long DOUBLE_CLICK_MS = 800;

  private static final int FULL_SNAPSHOT = 2;
  private static final int INCREMENTAL = 3;
  private static final int META = 4;
  private static final int CUSTOM = 5;
  private static final int DOM_CONTENT_LOADED = 0;
  private static final int LOAD = 1;

  private static final int MUTATION = 0;
  private static final int MOUSE_MOVE = 1;
  private static final int MOUSE_INTERACTION = 2;
  private static final int SCROLL = 3;
  private static final int VIEWPORT_RESIZE = 4;
  private static final int INPUT = 5;
  private static final int TOUCH_MOVE = 6;
  private static final int DRAG = 12;

  private static final int CLICK = 2;
  private static final int CONTEXT_MENU = 3;
  private static final int DOUBLE_CLICK = 4;

  private final Map<String, Window> windows = new LinkedHashMap<>();

  /** Thrown with what is wrong with one event; the reader adds the file and where the event is. */
  static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  void accept(String windowId, JsonNode event) {
    if (!event.isObject()
        || !event.path("type").isInt()
        || !event.path("timestamp").isNumber()) {
      throw new Malformed(
          "not an rrweb event (an object with a numeric type and timestamp is expected)");
    }
    windows.computeIfAbsent(windowId, Window::new).accept(inflate((ObjectNode) event));
  }

  List<Visit> visits() {
    List<Visit> out = new ArrayList<>();
    for (Window window : windows.values()) {
      window.flushMeta();
      if (!window.actions.isEmpty()) {
        out.add(window.visit());
      }
    }
    return out;
  }

  // ---- posthog-js compression: cv "2024-10", gzipped JSON carried as latin1 strings
  // --------------------

  private static ObjectNode inflate(ObjectNode event) {
    if (!event.has("cv")) {
      return event;
    }
    JsonNode data = event.path("data");
    if (data.isTextual()) {
      event.set("data", gunzipJson(data.asText()));
    } else if (data.isObject()) {
      ObjectNode fields = (ObjectNode) data;
      for (String name : List.of("texts", "attributes", "removes", "adds")) {
        if (fields.path(name).isTextual()) {
          fields.set(name, gunzipJson(fields.get(name).asText()));
        }
      }
    }
    return event;
  }

  private static JsonNode gunzipJson(String latin1) {
    byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return Json.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new Malformed("compressed data (cv " + "2024-10" + ") is not JSON once decompressed: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Malformed("compressed data (cv 2024-10) does not decompress: " + e.getMessage());
    }
  }

  // ---- one window
  // ------------------------------------------------------------------------------------

  private static final class Window {
    final String id;
    final List<Action> actions = new ArrayList<>();
    /** The node each click was on, for folding two clicks and a dblclick into one double click. */
    final Map<Action, Integer> clickedNode = new IdentityHashMap<>();

    long startedAt = -1;
    long last = Long.MIN_VALUE;
    Dom dom;
    String startUrl;
    Viewport firstViewport;
    String href;
    Viewport viewport;
    JsonNode meta;
    long metaAt;
    boolean loaded;
    long lastUserAction = Long.MIN_VALUE;
    /** The URL of the link last clicked, resolved: a load of it is that click's. */
    String lastLink;

    int lastInputNode = -1;

    Window(String id) {
      this.id = id;
    }

    Visit visit() {
      // mouse positions are flushed in batches with negative offsets: put each where it happened
      List<Action> ordered = new ArrayList<>(actions);
      ordered.sort(Comparator.comparingLong(Action::at));
      return new Visit(id, startedAt, startUrl, firstViewport, ordered);
    }

    void accept(ObjectNode event) {
      long t = event.get("timestamp").asLong();
      if (startedAt < 0) {
        startedAt = t;
      }
      if (last != Long.MIN_VALUE && t < last - TOLERANCE_MS) {
        throw new Malformed("its timestamp is " + (last - t)
            + " ms before the previous event's: events out of order");
      }
      last = Math.max(last, t);
      int type = event.get("type").asInt();
      JsonNode data = event.path("data");
      if (type == INCREMENTAL || type == META) {
        flushMeta(); // what comes between a Meta and its snapshot (a custom event, a load) leaves
        // it pending
      }
      switch (type) {
        case DOM_CONTENT_LOADED, LOAD -> loaded = true;
        case META -> {
          meta = data;
          metaAt = t;
        }
        case FULL_SNAPSHOT -> fullSnapshot(t, data);
        case CUSTOM -> custom(t, data);
        case INCREMENTAL -> {
          if (dom != null) {
            incremental(t, data);
          }
          // before the first full snapshot (a buffer cut short) there is no page to name things in
        }
        default -> {}
      }
    }

    private long at(long t) {
      return t - startedAt;
    }

    private void fullSnapshot(long t, JsonNode data) {
      if (!data.path("node").isObject()) {
        throw new Malformed("a full snapshot without its node tree");
      }
      String url = meta != null ? meta.path("href").asText(null) : href;
      long when = meta != null ? metaAt : t;
      Viewport size = meta != null ? viewportOf(meta) : viewport;
      meta = null;
      try {
        dom = new Dom(data.get("node"));
      } catch (Dom.Malformed e) {
        throw new Malformed(e.getMessage());
      }
      setViewport(when, size);
      if (startUrl == null) {
        startUrl = url;
        actions.add(new Action.Navigate(at(when), url, false));
      } else if (url != null && (!url.equals(href) || loaded)) {
        // a new document; the same URL again without a load is a re-snapshot (PostHog takes them
        // every few minutes)
        boolean acted = lastUserAction != Long.MIN_VALUE;
        long since = when - lastUserAction;
        actions.add(new Action.Navigate(
            at(when),
            url,
            acted && (since <= CAUSE_MS || since <= LINK_MS && sameUrl(url, lastLink))));
      }
      href = url;
      loaded = false;
      lastInputNode = -1;
      lastLink = null;
    }

    private static boolean sameUrl(String url, String link) {
      return link != null && url.replaceFirst("#.*", "").equals(link.replaceFirst("#.*", ""));
    }

    /** The href of the link the node is in, resolved against the page's URL; null when none. */
    private String linkOf(Node node) {
      for (Node n = node; n != null; n = n.parent) {
        if (n.isElement() && n.tag.equals("a") && n.attr("href") != null) {
          try {
            return href == null
                ? n.attr("href")
                : java.net.URI.create(href).resolve(n.attr("href").trim()).toString();
          } catch (IllegalArgumentException e) {
            return null;
          }
        }
      }
      return null;
    }

    /** A Meta that no full snapshot followed: the URL changed in the same document, a route change. */
    void flushMeta() {
      if (meta == null) {
        return;
      }
      String url = meta.path("href").asText(null);
      setViewport(metaAt, viewportOf(meta));
      routeChange(metaAt, url);
      meta = null;
    }

    private void routeChange(long t, String url) {
      if (url != null && href != null && !url.equals(href)) {
        actions.add(new Action.RouteChange(at(t), url));
        lastInputNode = -1;
      }
      if (url != null) {
        href = url;
      }
    }

    private void setViewport(long t, Viewport size) {
      if (size == null) {
        return;
      }
      if (firstViewport == null) {
        firstViewport = size;
      } else if (!size.equals(viewport)) {
        actions.add(new Action.SetViewport(at(t), size));
      }
      viewport = size;
    }

    private static Viewport viewportOf(JsonNode meta) {
      return meta.path("width").isNumber() && meta.path("height").isNumber()
          ? new Viewport(meta.get("width").asInt(), meta.get("height").asInt())
          : null;
    }

    /** PostHog records an SPA's URL changes as {@code $url_changed} custom events. */
    private void custom(long t, JsonNode data) {
      if ("$url_changed".equals(data.path("tag").asText()) && dom != null) {
        routeChange(t, data.path("payload").path("href").asText(null));
      }
    }

    private void incremental(long t, JsonNode data) {
      switch (data.path("source").asInt(-1)) {
        case MUTATION -> {
          try {
            dom.apply(data);
          } catch (Dom.Malformed e) {
            throw new Malformed(e.getMessage());
          }
        }
        case MOUSE_MOVE, TOUCH_MOVE, DRAG -> {
          for (JsonNode p : data.path("positions")) {
            Node frame = frameOfMove(p);
            actions.add(new Action.Move(
                at(t + p.path("timeOffset").asLong()),
                null,
                new Position(
                    p.path("x").asDouble(),
                    p.path("y").asDouble(),
                    frame != null ? Position.Origin.FRAME : Position.Origin.VIEWPORT),
                frame == null ? List.of() : Naming.frame(frame)));
          }
        }
        case MOUSE_INTERACTION -> interaction(t, data);
        case SCROLL -> scroll(t, data);
        case VIEWPORT_RESIZE -> setViewport(t, viewportOf(data));
        case INPUT -> input(t, data);
        default -> {}
      }
    }

    /**
     * The iframe element whose viewport a move's position is in, or null in the top document: rrweb
     * observes each same-origin frame's document itself and gives its clientX/clientY, with the id of the
     * node under the pointer in that document.
     */
    private Node frameOfMove(JsonNode position) {
      Node node = dom == null ? null : dom.node(position.path("id").asInt(-1));
      Node document = node == null ? null : Dom.documentOf(node);
      return document == null ? null : Dom.frameOf(document);
    }

    private void interaction(long t, JsonNode data) {
      int kind = data.path("type").asInt(-1);
      if (kind != CLICK && kind != DOUBLE_CLICK && kind != CONTEXT_MENU) {
        return; // presses, releases, focus and touches: the click says what they did
      }
      int nodeId = data.path("id").asInt(-1);
      Node node = nodeId < 0 ? null : known(nodeId);
      Target target = targetOf(node == null ? null : Naming.control(node), data);
      lastUserAction = t;
      lastLink = node == null ? null : linkOf(node);
      lastInputNode = -1;
      if (kind == DOUBLE_CLICK) {
        doubleClick(t, nodeId, target);
        return;
      }
      Action click = new Action.Click(at(t), target, kind == CONTEXT_MENU ? "right" : "left");
      clickedNode.put(click, nodeId);
      actions.add(click);
    }

    /** A dblclick comes after the two clicks it is made of: one double click, at the first click's time. */
    private void doubleClick(long t, int nodeId, Target target) {
      long from = at(t);
      for (int folded = 0, i = actions.size() - 1; i >= 0 && folded < 2; i--) {
        Action a = actions.get(i);
        if (a instanceof Action.Click click
            && Integer.valueOf(nodeId).equals(clickedNode.get(a))
            && at(t) - click.at() <= DOUBLE_CLICK_MS) {
          actions.remove(i);
          from = click.at();
          folded++;
        } else if (!(a instanceof Action.Move)) {
          break;
        }
      }
      actions.add(new Action.DoubleClick(from, target));
    }

    private Target targetOf(Node node, JsonNode data) {
      Position position = data.path("x").isNumber()
          ? new Position(
              data.get("x").asDouble(),
              data.get("y").asDouble(),
              node != null && Dom.frameOf(Dom.documentOf(node)) != null
                  ? Position.Origin.FRAME
                  : Position.Origin.VIEWPORT)
          : null;
      if (node == null || !node.isElement()) {
        return new Target(List.of(), null, null, null, position);
      }
      return Naming.target(node, position);
    }

    private Node known(int nodeId) {
      Node node = dom.node(nodeId);
      if (node == null) {
        throw new Malformed("node " + nodeId
            + " was never in the recorded document (no snapshot or mutation added it)");
      }
      return node;
    }

    private void scroll(long t, JsonNode data) {
      int nodeId = data.path("id").asInt(-1);
      if (nodeId < 0) {
        return;
      }
      Node node = known(nodeId);
      double x = data.path("x").asDouble();
      double y = data.path("y").asDouble();
      Target target;
      if (node == dom.document()) {
        target = null;
      } else if (node.type == Dom.DOCUMENT) {
        target = Naming.scrollingElement(node); // a frame's own document
      } else if (node.isElement()) {
        target = Naming.target(node, null);
      } else {
        return;
      }
      actions.add(new Action.Scroll(at(t), target, x, y));
    }

    /** Typing sends one event per keystroke with the whole value: consecutive ones on a field become one. */
    private void input(long t, JsonNode data) {
      int nodeId = data.path("id").asInt(-1);
      if (nodeId < 0 || !data.path("userTriggered").asBoolean(true)) {
        return; // the other radio of a group, unchecked by the page, not by the visitor
      }
      Node node = known(nodeId);
      if (!node.isElement()) {
        return;
      }
      String text = data.path("text").isTextual() ? data.get("text").asText() : null;
      String type =
          node.attr("type") == null ? "" : node.attr("type").toLowerCase(java.util.Locale.ROOT);
      Boolean checked = type.equals("checkbox") || type.equals("radio")
          ? data.path("isChecked").asBoolean()
          : null;
      boolean masked = text != null && !text.isEmpty() && text.chars().allMatch(c -> c == '*')
          || type.equals("password");
      Action input = new Action.Input(at(t), Naming.target(node, null), text, checked, masked);
      int previous = actions.size() - 1;
      while (previous >= 0 && actions.get(previous) instanceof Action.Move) {
        previous--; // the pointer drifting while typing does not end the typing
      }
      if (lastInputNode == nodeId
          && previous >= 0
          && actions.get(previous) instanceof Action.Input) {
        actions.remove(previous);
      }
      actions.add(input);
      lastInputNode = nodeId;
      lastUserAction = t;
    }
  }
}
