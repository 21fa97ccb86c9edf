package dev.heatcheck.internal.scenario;

import java.util.List;

/**
 * The parsed file as a small tree that, unlike Jackson's own trees, remembers where each node
 * starts, so every problem found later can point at the exact line and column.
 */
sealed interface Node {
  Location at();

  /** How the node is shown after "got" in a message. */
  String shown();

  enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

  /** A scalar; {@code number} is set for INTEGER and FLOAT only. */
  record Scalar(Kind kind, String text, Number number, Location at) implements Node {
    private static final int MAX_SHOWN = 40;

    @Override
    public String shown() {
      return switch (kind) {
        case STRING -> quoted(text);
        case NULL -> "nothing";
        default -> text;
      };
    }

    static String quoted(String text) {
      String oneLine = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r");
      return '"' + (oneLine.length() > MAX_SHOWN ? oneLine.substring(0, MAX_SHOWN) + "..." : oneLine) + '"';
    }
  }

  record Entry(String key, Location keyAt, Node value) {}

  record MapNode(List<Entry> entries, Location at) implements Node {
    @Override
    public String shown() {
      return entries.isEmpty() ? "an empty map" : "a map";
    }

    List<String> keys() {
      return entries.stream().map(Entry::key).toList();
    }
  }

  record ListNode(List<Node> items, Location at) implements Node {
    @Override
    public String shown() {
      return items.isEmpty() ? "an empty list" : "a list";
    }
  }
}
