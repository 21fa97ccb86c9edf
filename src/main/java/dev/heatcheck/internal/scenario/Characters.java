package dev.heatcheck.internal.scenario;

/**
 * Characters a scenario's text may not hold. Every string may end up in junit.xml, summary.json and
 * a browser: half of a UTF-16 pair (an escape like "\uD800") cannot be encoded as UTF-8, and XML 1.0
 * has no way to write most control characters. Both are reported at load, where they are written.
 */
final class Characters {
  private Characters() {}

  /** The text itself, after any problem in it is reported at {@code at}. */
  static String check(String text, Location at, Problems problems) {
    String problem = problem(text);
    if (problem != null) {
      problems.add(at, problem);
    }
    return text;
  }

  private static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "the text holds " + escaped(c)
            + ", half of a character (a lone surrogate), which no file can store;"
            + " write the whole character or remove it";
      } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
        return "the text holds the control character " + escaped(c)
            + ", which reports cannot store; remove it";
      }
    }
    return null;
  }

  private static String escaped(char c) {
    return String.format("\\u%04X", (int) c);
  }
}
