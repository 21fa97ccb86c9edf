package dev.heatcheck.internal.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.heatcheck.internal.scenario.Node.Entry;
import dev.heatcheck.internal.scenario.Node.Kind;
import dev.heatcheck.internal.scenario.Node.ListNode;
import dev.heatcheck.internal.scenario.Node.MapNode;
import dev.heatcheck.internal.scenario.Node.Scalar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML or JSON text into a {@link Node} tree with the streaming parser; binding with
 * ObjectMapper would lose the line and column of each value.
 */
final class TreeParser {
  private static final JsonFactory YAML = new YAMLFactory();
  private static final JsonFactory JSON = new JsonFactory();
  /**
   * A scenario is at most five levels deep (expect, a rule list, a rule, its value); far deeper is a
   * slip of brackets or indentation, and is stopped well before the parser's own limit.
   */
  static final int MAX_DEPTH = 20;

  private final Path file;
  private final Problems problems;
  private final JsonParser parser;
  private int depth;

  private TreeParser(Path file, Problems problems, JsonParser parser) {
    this.file = file;
    this.problems = problems;
    this.parser = parser;
  }

  /** The root node, or null when the file is empty or not valid YAML/JSON (the problem is reported). */
  static Node parse(Path file, String text, boolean json, Problems problems) {
    try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
      return new TreeParser(file, problems, parser).document();
    } catch (TooDeep e) {
      problems.add(
          e.at,
          "nested more than " + MAX_DEPTH + " levels deep here; a scenario needs no more than five,"
              + " so check the brackets and the indentation above");
      return null;
    } catch (JsonProcessingException e) {
      SyntaxErrors.report(file, text, json, e, problems);
      return null;
    } catch (IOException e) {
      // the text is already in memory, so this is not an I/O failure but a parser one
      problems.add(
          Location.startOf(file),
          "cannot parse: " + SyntaxErrors.withoutTypeNames(String.valueOf(e.getMessage())));
      return null;
    }
  }

  private Node document() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      problems.add(
          Location.startOf(file),
          "the file is empty; a scenario needs at least a url, e.g. url: /checkout");
      return null;
    }
    Node root = read(first);
    if (parser.nextToken() != null) {
      problems.add(here(), "a second document starts here; put each scenario in its own file");
    }
    return root;
  }

  private Node read(JsonToken token) throws IOException {
    if (token == null) {
      throw new JsonParseException(parser, "unexpected end of file");
    }
    Location at = here();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      if (++depth > MAX_DEPTH) {
        throw new TooDeep(at);
      }
      Node container = token == JsonToken.START_OBJECT ? readMap(at) : readList(at);
      depth--;
      return container;
    }
    return scalar(token, at);
  }

  private MapNode readMap(Location at) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Map<String, Location> seen = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Location keyAt = here();
      Characters.check(key, keyAt, problems);
      Node value = read(parser.nextToken());
      Location first = seen.putIfAbsent(key, keyAt);
      if (first == null) {
        entries.add(new Entry(key, keyAt, value));
      } else {
        problems.add(
            keyAt,
            "duplicate key " + Node.Scalar.quoted(key) + "; it is already set on line "
                + first.line());
      }
    }
    return new MapNode(List.copyOf(entries), at);
  }

  private ListNode readList(Location at) throws IOException {
    List<Node> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      items.add(read(token));
    }
    return new ListNode(List.copyOf(items), at);
  }

  private Scalar scalar(JsonToken token, Location at) throws IOException {
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      // Jackson hands an alias over as the anchor's name, which would silently become the value
      problems.add(
          at, "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
    }
    return switch (token) {
      case VALUE_STRING ->
        new Scalar(Kind.STRING, Characters.check(parser.getText(), at, problems), null, at);
      case VALUE_NUMBER_INT -> number(Kind.INTEGER, at);
      case VALUE_NUMBER_FLOAT -> number(Kind.FLOAT, at);
      case VALUE_TRUE, VALUE_FALSE -> new Scalar(Kind.BOOLEAN, parser.getText(), null, at);
      case VALUE_NULL -> new Scalar(Kind.NULL, "", null, at);
      default ->
        throw new JsonParseException(
            parser,
            "a binary (!!binary) value; scenarios take text, numbers, true or false, lists and maps");
    };
  }

  /** A number Jackson cannot decode (YAML's .inf) is kept as text, to be reported by whoever expects a number. */
  private Scalar number(Kind kind, Location at) throws IOException {
    try {
      return new Scalar(kind, parser.getText(), parser.getNumberValue(), at);
    } catch (JsonProcessingException e) {
      return new Scalar(Kind.STRING, parser.getText(), null, at);
    }
  }

  /** Unwinds the parse at the first container past {@link #MAX_DEPTH}; nothing below it is worth reading. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Location at;

    TooDeep(Location at) {
      super(null, null, false, false);
      this.at = at;
    }
  }

  private Location here() {
    JsonLocation location = parser.currentTokenLocation();
    return new Location(
        file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }
}
