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

  enum Kind {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }

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
      String oneLine = printable(text.replace("\\", "\\\\")
          .replace("\"", "\\\"")
          .replace("\n", "\\n")
          .replace("\r", "\\r"));
      if (oneLine.length() <= MAX_SHOWN) {
        return '"' + oneLine + '"';
      }
      // never half of a character at the cut
      int end =
          Character.isHighSurrogate(oneLine.charAt(MAX_SHOWN - 1)) ? MAX_SHOWN - 1 : MAX_SHOWN;
      return '"' + oneLine.substring(0, end) + "...\"";
    }

    /** Control characters and halves of characters, written as escapes so a message stays one printable line. */
    static String printable(String text) {
      StringBuilder out = new StringBuilder(text.length());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean pair = Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1));
        if (pair) {
          out.append(c).append(text.charAt(++i));
        } else if (Character.isISOControl(c)
            || Character.isSurrogate(c)
            || c == 0xFFFE
            || c == 0xFFFF) {
          out.append(String.format("\\u%04X", (int) c));
        } else {
          out.append(c);
        }
      }
      return out.toString();
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
