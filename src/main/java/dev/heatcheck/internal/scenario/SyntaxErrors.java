package dev.heatcheck.internal.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a parser's syntax exception into one line for the user: no class names, no snippet with a
 * caret, and the position an editor would show.
 */
final class SyntaxErrors {
  // SnakeYAML's names for tokens, in the words a user of the file would use
  // in order: quoted forms before bare ones
  private static final List<Map.Entry<String, String>> PLAIN_WORDS = List.of(
      Map.entry("'<block sequence start>'", "a '-' list item"),
      Map.entry("'<block mapping start>'", "a new key"),
      Map.entry("<block end>", "the end of the indented block"),
      Map.entry("'<document start>'", "'---'"),
      Map.entry("'<scalar>'", "a value"),
      Map.entry("<scalar>", "a value"),
      Map.entry("'<stream end>'", "end of file"),
      Map.entry("<stream end>", "end of file"),
      Map.entry("end of stream", "end of file"));

  private SyntaxErrors() {}

  static void report(
      Path file, String text, boolean json, JsonProcessingException e, Problems problems) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      reportYaml(file, text, marked, problems);
    } else {
      problems.add(
          location(file, e.getLocation()),
          (json ? "invalid JSON: " : "invalid YAML: ") + plainJackson(e));
    }
  }

  private static void reportYaml(Path file, String text, MarkedYAMLException e, Problems problems) {
    Mark problemAt = e.getProblemMark();
    Mark contextAt = e.getContextMark();
    // a tab's own message says all; its context ("while scanning for the next token") adds nothing
    String context =
        e.getContext() == null || isTab(e.getProblem()) ? null : oneLine(e.getContext());
    // "expected ']' but got end of file" is found at the end; the place to fix is where the context
    // began
    boolean pointAtContext = context != null && contextAt != null && isAtEnd(problemAt, text);
    String message = "invalid YAML: " + plainYaml(e.getProblem());
    if (context != null) {
      message += pointAtContext ? " (" + context + ")" : " (" + context + where(contextAt) + ")";
    }
    if (message.contains("block")) {
      message += "; check the indentation";
    }
    problems.add(location(file, pointAtContext ? contextAt : problemAt), withoutTypeNames(message));
  }

  private static boolean isAtEnd(Mark mark, String text) {
    String content = text.stripTrailing();
    return mark.getIndex() >= content.codePointCount(0, content.length());
  }

  private static String where(Mark mark) {
    return mark == null
        ? ""
        : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  private static String plainYaml(String problem) {
    if (problem == null) {
      return "syntax error";
    }
    if (isTab(problem)) {
      return "a tab character here; indent with spaces, YAML does not allow tabs";
    }
    String plain = oneLine(problem);
    for (Map.Entry<String, String> word : PLAIN_WORDS) {
      plain = plain.replace(word.getKey(), word.getValue());
    }
    return plain;
  }

  private static boolean isTab(String problem) {
    return problem != null && problem.contains("(TAB)");
  }

  private static String plainJackson(JsonProcessingException e) {
    String message =
        e.getOriginalMessage() == null ? "syntax error" : oneLine(e.getOriginalMessage());
    if (message.contains("base64")) {
      return "a binary (!!binary) value; scenarios take text, numbers, true or false, lists and maps";
    }
    if (message.startsWith("Expected a field name")) {
      // YAML's "? [a, b]: 1" or "*alias: 1": the parser names its own event class
      return "a key here is " + keyKind(message)
          + "; keys are plain names (YAML complex keys are not supported)";
    }
    return withoutTypeNames(message
        .replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
        .replaceAll(" \\(code \\d+\\)", "")
        .replaceAll(": maybe a \\(non-standard\\) comment\\?.*", ""));
  }

  private static String keyKind(String message) {
    if (message.contains("MappingStart")) {
      return "a map";
    }
    if (message.contains("SequenceStart")) {
      return "a list";
    }
    return message.contains("Alias") ? "an alias" : "not a plain name";
  }

  /** The last guard: a library's class or method name means nothing to the user, so it is cut out. */
  static String withoutTypeNames(String message) {
    String plain = message
        .replaceAll("\\s*\\(from `[^`]*`\\)", "")
        .replaceAll("\\s*<[^<>]*\\b[a-z]+\\.[a-z]+\\.[^<>]*>", "")
        .replaceAll("\\s*`?\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:[.#]\\w+)*(?:\\(\\))?`?", "")
        .strip();
    return plain.isEmpty() ? "syntax error" : Node.Scalar.printable(plain);
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static Location location(Path file, Mark mark) {
    return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static Location location(Path file, JsonLocation location) {
    if (location == null) {
      return Location.startOf(file);
    }
    return new Location(
        file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }
}
