package dev.heatcheck.internal.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An rrweb recording's document as it stood at one moment: the full snapshot's node tree with the mutations
 * after it applied in order, iframe documents (added as children of their iframe element) and shadow roots
 * (children of their host marked {@code isShadow}) included. Only what naming an element needs is kept: tags,
 * attributes, text and the tree.
 */
final class Dom {
  static final int DOCUMENT = 0;
  static final int ELEMENT = 2;
  static final int TEXT = 3;

  /** One node of the rebuilt tree. */
  static final class Node {
    final int id;
    final int type;
    final String tag;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<Node> children = new ArrayList<>();
    final boolean shadow;
    String text;
    Node parent;

    Node(int id, int type, String tag, boolean shadow) {
      this.id = id;
      this.type = type;
      this.tag = tag;
      this.shadow = shadow;
    }

    boolean isElement() {
      return type == ELEMENT;
    }

    String attr(String name) {
      return attributes.get(name);
    }
  }

  private final Map<Integer, Node> nodes = new HashMap<>();
  /** Nodes removed since: a late event may still name them, and their last state still names them. */
  private final Map<Integer, Node> removed = new HashMap<>();

  private final Node document;

  /** Thrown for a structure rrweb never writes; the reader adds file and event. */
  static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  Dom(JsonNode snapshot) {
    document = build(snapshot, null);
    if (document.type != DOCUMENT) {
      throw new Malformed("the full snapshot's node is not a document");
    }
  }

  Node document() {
    return document;
  }

  /** The node with this id now in the document, or once in it; null when it never was. */
  Node node(int id) {
    Node node = nodes.get(id);
    return node != null ? node : removed.get(id);
  }

  private Node build(JsonNode json, Node parent) {
    if (!json.isObject()
        || !json.path("id").canConvertToInt()
        || !json.path("type").isInt()) {
      throw new Malformed("a serialized node without a numeric id and type");
    }
    int type = json.get("type").asInt();
    String tag = json.path("tagName").asText("").toLowerCase(java.util.Locale.ROOT);
    Node node =
        new Node(json.get("id").asInt(), type, tag, json.path("isShadow").asBoolean());
    if (type == TEXT) {
      node.text = json.path("textContent").asText("");
    }
    for (Map.Entry<String, JsonNode> attribute : json.path("attributes").properties()) {
      if (attribute.getValue().isValueNode() && !attribute.getValue().isNull()) {
        node.attributes.put(attribute.getKey(), attribute.getValue().asText());
      }
    }
    node.parent = parent;
    Node old = nodes.put(node.id, node);
    if (old != null && old != node && old.parent != null) {
      old.parent.children.remove(old);
    }
    removed.remove(node.id);
    for (JsonNode child : json.path("childNodes")) {
      node.children.add(build(child, node));
    }
    return node;
  }

  /**
   * Applies one mutation as rrweb's player does: removes, then adds (an add whose parent or next sibling is
   * not there yet waits until it is), then texts, then attributes.
   */
  void apply(JsonNode mutation) {
    for (JsonNode remove : mutation.path("removes")) {
      Node node = nodes.get(remove.path("id").asInt());
      if (node != null) {
        if (node.parent != null) {
          node.parent.children.remove(node);
        }
        forget(node);
      }
    }
    Deque<JsonNode> waiting = new ArrayDeque<>();
    mutation.path("adds").forEach(waiting::add);
    boolean progress = true;
    while (!waiting.isEmpty() && progress) {
      progress = false;
      for (int i = waiting.size(); i > 0; i--) {
        JsonNode add = waiting.poll();
        if (add(add)) {
          progress = true;
        } else {
          waiting.add(add);
        }
      }
    }
    // what still waits names a parent that never came: rrweb's player drops it too
    for (JsonNode text : mutation.path("texts")) {
      Node node = nodes.get(text.path("id").asInt());
      if (node != null && node.type == TEXT) {
        node.text = text.path("value").asText("");
      }
    }
    for (JsonNode change : mutation.path("attributes")) {
      Node node = nodes.get(change.path("id").asInt());
      if (node == null) {
        continue;
      }
      for (Map.Entry<String, JsonNode> attribute : change.path("attributes").properties()) {
        JsonNode value = attribute.getValue();
        if (value.isNull()) {
          node.attributes.remove(attribute.getKey());
        } else if (value.isValueNode()) {
          node.attributes.put(attribute.getKey(), value.asText());
        }
        // an object is a style declaration diff: nothing a name is made of
      }
    }
  }

  private boolean add(JsonNode add) {
    Node parent = nodes.get(add.path("parentId").asInt());
    JsonNode nextId = add.path("nextId");
    Node next = nextId.isNumber() ? nodes.get(nextId.asInt()) : null;
    if (parent == null || (nextId.isNumber() && next == null)) {
      return false;
    }
    Node node = build(add.path("node"), parent);
    int at = next == null ? -1 : parent.children.indexOf(next);
    if (at < 0) {
      parent.children.add(node);
    } else {
      parent.children.add(at, node);
    }
    return true;
  }

  private void forget(Node node) {
    nodes.remove(node.id);
    removed.put(node.id, node);
    for (Node child : node.children) {
      forget(child);
    }
  }

  // ---- the tree as the page sees it
  // -----------------------------------------------------------------

  /** The element parent, as {@code parentElement}: none at the top of a shadow root or a document. */
  static Node parentElement(Node node) {
    if (node.shadow || node.parent == null || !node.parent.isElement()) {
      return null;
    }
    return node.parent;
  }

  /** The document (a Document node) the node lies in, through shadow hosts. */
  static Node documentOf(Node node) {
    Node n = node;
    while (n != null && n.type != DOCUMENT) {
      n = n.parent;
    }
    return n;
  }

  /** The shadow host whose root the node lies in; null when it lies in a document's own tree. */
  static Node hostOf(Node node) {
    for (Node n = node; n != null && n.type != DOCUMENT; n = n.parent) {
      if (n.shadow) {
        return n.parent;
      }
    }
    return null;
  }

  /** The iframe element holding a document; null for the top document. */
  static Node frameOf(Node document) {
    return document.parent;
  }

  /** The elements of the tree the node lies in (its document's or its shadow root's), not of nested ones. */
  static List<Node> treeOf(Node node) {
    Node host = hostOf(node);
    List<Node> out = new ArrayList<>();
    if (host != null) {
      for (Node child : host.children) {
        if (child.shadow) {
          collect(child, out);
        }
      }
    } else {
      for (Node child : documentOf(node).children) {
        collect(child, out);
      }
    }
    return out;
  }

  /** The elements of the tree the node lies in and of the shadow roots within it, not of frames. */
  static List<Node> composedTreeOf(Node node) {
    Node host = hostOf(node);
    List<Node> out = new ArrayList<>();
    for (Node child : host != null ? host.children : documentOf(node).children) {
      if (host == null || child.shadow) {
        collectComposed(child, out);
      }
    }
    return out;
  }

  private static void collectComposed(Node node, List<Node> out) {
    if (!node.isElement()) {
      return;
    }
    out.add(node);
    for (Node child : node.children) {
      if (child.type != DOCUMENT) {
        collectComposed(child, out);
      }
    }
  }

  /** The text of the node's own child text nodes only. */
  static String ownText(Node node) {
    StringBuilder text = new StringBuilder();
    for (Node child : node.children) {
      if (child.type == TEXT && !child.shadow) {
        text.append(child.text);
      }
    }
    return text.toString();
  }

  private static void collect(Node node, List<Node> out) {
    if (!node.isElement()) {
      return;
    }
    out.add(node);
    for (Node child : node.children) {
      if (!child.shadow && child.type != DOCUMENT) {
        collect(child, out);
      }
    }
  }

  /** The element siblings of a node, itself included, in its own tree. */
  static List<Node> siblings(Node node) {
    List<Node> out = new ArrayList<>();
    if (node.parent == null) {
      out.add(node);
      return out;
    }
    for (Node child : node.parent.children) {
      if (child.isElement() && child.shadow == node.shadow) {
        out.add(child);
      }
    }
    return out;
  }

  /** The text of the node's own tree below it, as textContent has it (not a shadow root's, nor a frame's). */
  static String textOf(Node node) {
    StringBuilder text = new StringBuilder();
    appendText(node, text);
    return text.toString();
  }

  private static void appendText(Node node, StringBuilder text) {
    if (node.type == TEXT) {
      text.append(node.text);
      return;
    }
    if (node.isElement() && (node.tag.equals("script") || node.tag.equals("style"))) {
      return;
    }
    for (Node child : node.children) {
      if (!child.shadow && child.type != DOCUMENT) {
        appendText(child, text);
      }
    }
  }
}
