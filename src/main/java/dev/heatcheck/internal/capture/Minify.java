package dev.heatcheck.internal.capture;

import dev.heatcheck.HeatcheckException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small JavaScript minifier for the recorder, so that the readable recorder.js stays the one truth: it
 * drops comments and the whitespace the grammar does not need, and gives the script's own variables and
 * parameters short names. Strings and regular expressions are kept as written, property names and
 * globals are never renamed, and a line break is kept wherever dropping it could change how automatic
 * semicolon insertion reads the code.
 *
 * <p>It relies on what recorder.js keeps to: one closure, no {@code eval} or {@code with}, no template
 * literal with {@code ${}}, no labels, no getters or method shorthand in object literals, and no local
 * that shares its name with a global the script uses.
 */
final class Minify {
  private static final Set<String> KEYWORDS = Set.of(
      "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
      "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "let", "new",
      "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
      "yield", "await", "of", "async", "static", "get", "set", "undefined", "arguments", "eval", "enum", "NaN");
  /** After these a line break never ends a statement. */
  private static final String JOINS_AFTER = "{([,;:=&|?*<>!%^~";
  /** Before these a line break never ends a statement. */
  private static final String JOINS_BEFORE = ")]},;:.?=&|*%^<>";
  /** A '/' after one of these starts a regular expression, not a division. */
  private static final String REGEX_AFTER = "(,=:[!&|?{};+-*%<>~^";
  private static final Set<String> REGEX_KEYWORDS =
      Set.of("return", "typeof", "case", "do", "else", "in", "of", "void", "delete", "new", "instanceof", "throw", "yield", "await");
  private static final String FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
  private static final String NEXT = FIRST + "0123456789";

  private enum Kind { WORD, STRING, REGEX, PUNCT }

  private record Token(Kind kind, String text, boolean newlineBefore, boolean spaceBefore) {}

  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private Minify(String src) {
    this.src = src;
  }

  static String js(String source) {
    Minify minify = new Minify(source);
    minify.tokenize();
    return minify.write(minify.shortNames());
  }

  // ---- reading ------------------------------------------------------------------------------------

  private void tokenize() {
    boolean newline = false;
    boolean space = false;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (src.startsWith("//", pos)) {
        int end = src.indexOf('\n', pos);
        pos = end < 0 ? src.length() : end;
        space = true;
      } else if (src.startsWith("/*", pos)) {
        int end = src.indexOf("*/", pos + 2);
        newline |= src.substring(pos, end < 0 ? src.length() : end).indexOf('\n') >= 0;
        pos = end < 0 ? src.length() : end + 2;
        space = true;
      } else if (Character.isWhitespace(c)) {
        newline |= c == '\n' || c == '\r';
        pos++;
        space = true;
      } else {
        tokens.add(token(c, newline, space));
        newline = false;
        space = false;
      }
    }
  }

  private Token token(char c, boolean newline, boolean space) {
    int start = pos;
    Kind kind;
    if (c == '\'' || c == '"' || c == '`') {
      pos++;
      while (pos < src.length() && src.charAt(pos) != c) {
        if (c == '`' && src.startsWith("${", pos)) {
          throw new HeatcheckException("Minify: a template literal with ${} at " + pos + "; build the string with + instead");
        }
        pos += src.charAt(pos) == '\\' ? 2 : 1;
      }
      pos++;
      kind = Kind.STRING;
    } else if (c == '/' && regexAllowed()) {
      regex();
      kind = Kind.REGEX;
    } else if (isWordChar(c)) {
      while (pos < src.length() && isWordChar(src.charAt(pos))) {
        pos++;
      }
      kind = Kind.WORD;
    } else {
      pos++;
      kind = Kind.PUNCT;
    }
    return new Token(kind, src.substring(start, Math.min(pos, src.length())), newline, space);
  }

  private boolean regexAllowed() {
    if (tokens.isEmpty()) {
      return true;
    }
    Token last = tokens.get(tokens.size() - 1);
    return switch (last.kind()) {
      case WORD -> REGEX_KEYWORDS.contains(last.text());
      case PUNCT -> REGEX_AFTER.indexOf(last.text().charAt(0)) >= 0;
      default -> false;
    };
  }

  private void regex() {
    boolean inClass = false;
    pos++;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
      }
      pos++;
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        break;
      }
    }
    while (pos < src.length() && Character.isLetter(src.charAt(pos))) {
      pos++; // flags
    }
  }

  // ---- renaming -----------------------------------------------------------------------------------

  /** Old name to new name for every variable and parameter the script declares. */
  private Map<String, String> shortNames() {
    Set<String> declared = declared();
    Map<String, Integer> uses = new HashMap<>();
    Set<String> taken = new HashSet<>(KEYWORDS);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Kind.WORD && !isProperty(i)) {
        if (declared.contains(t.text())) {
          uses.merge(t.text(), 1, Integer::sum);
        } else {
          taken.add(t.text()); // a global or a keyword: never shadowed by a new name
        }
      }
    }
    List<String> byUse = new ArrayList<>(uses.keySet());
    byUse.sort(Comparator.comparing((String name) -> -uses.get(name)).thenComparing(name -> name));
    Map<String, String> names = new HashMap<>();
    int next = 0;
    for (String name : byUse) {
      String shorter;
      do {
        shorter = nameNumber(next++);
      } while (taken.contains(shorter));
      names.put(name, shorter);
    }
    return names;
  }

  private static String nameNumber(int n) {
    StringBuilder name = new StringBuilder().append(FIRST.charAt(n % FIRST.length()));
    for (n /= FIRST.length(); n > 0; n /= NEXT.length()) {
      name.append(NEXT.charAt((n - 1) % NEXT.length()));
      if (n <= NEXT.length()) {
        break;
      }
    }
    return name.toString();
  }

  /** Names after const, let and var; parameters of functions, arrows and catch clauses. */
  private Set<String> declared() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Kind.WORD && (t.text().equals("const") || t.text().equals("let") || t.text().equals("var"))) {
        pattern(i + 1, names);
      } else if (t.kind() == Kind.WORD && (t.text().equals("function") || t.text().equals("catch"))) {
        int open = i + 1;
        if (open < tokens.size() && tokens.get(open).kind() == Kind.WORD) {
          names.add(tokens.get(open).text());
          open++;
        }
        if (open < tokens.size() && is(open, "(")) {
          parameters(open, matching(open), names);
        }
      } else if (is(i, "=") && i + 1 < tokens.size() && is(i + 1, ">") && i > 0) {
        if (tokens.get(i - 1).kind() == Kind.WORD) {
          names.add(tokens.get(i - 1).text());
        } else if (is(i - 1, ")")) {
          parameters(opening(i - 1), i - 1, names);
        }
      }
    }
    return names;
  }

  /** The binding names of a declaration starting at {@code i}: a name, or an array pattern. */
  private void pattern(int i, Set<String> names) {
    if (i >= tokens.size()) {
      return;
    }
    if (tokens.get(i).kind() == Kind.WORD) {
      names.add(tokens.get(i).text());
    } else if (is(i, "[")) {
      parameters(i, matching(i), names);
    } else if (is(i, "{")) {
      throw new HeatcheckException("Minify: object destructuring is not supported; recorder.js must not use it");
    }
  }

  /** Names between the brackets at {@code open} and {@code close} that follow the bracket or a comma. */
  private void parameters(int open, int close, Set<String> names) {
    int depth = 0;
    for (int j = open + 1; j < close; j++) {
      Token t = tokens.get(j);
      if (t.kind() == Kind.PUNCT && "([{".contains(t.text())) {
        depth++;
      } else if (t.kind() == Kind.PUNCT && ")]}".contains(t.text())) {
        depth--;
      } else if (t.kind() == Kind.WORD && (is(j - 1, ",") || j - 1 == open || is(j - 1, "["))
          && (depth == 0 || is(j - 1, "[") || is(j - 1, ","))) {
        if (!is(j - 1, ".") && !KEYWORDS.contains(t.text())) {
          names.add(t.text());
        }
      }
      if (is(j, "=") && depth == 0) {
        j = skipDefault(j, close);
      }
    }
  }

  private int skipDefault(int j, int close) {
    int depth = 0;
    for (int k = j + 1; k < close; k++) {
      Token t = tokens.get(k);
      if (t.kind() == Kind.PUNCT && "([{".contains(t.text())) {
        depth++;
      } else if (t.kind() == Kind.PUNCT && ")]}".contains(t.text())) {
        depth--;
      } else if (depth == 0 && is(k, ",")) {
        return k - 1;
      }
    }
    return close - 1;
  }

  /** A property name: after a dot (but not the spread's {@code ...}), or a key in an object literal. */
  private boolean isProperty(int i) {
    if (i > 0 && is(i - 1, ".")) {
      return !(is(i - 2, ".") && is(i - 3, "."));
    }
    return i > 0 && i + 1 < tokens.size() && (is(i - 1, "{") || is(i - 1, ",")) && is(i + 1, ":") && inObject(i);
  }

  /** {@code name} alone in an object literal: {@code {view}} means {@code {view: view}}. */
  private boolean isShorthand(int i) {
    return i > 0 && i + 1 < tokens.size() && (is(i - 1, "{") || is(i - 1, ","))
        && (is(i + 1, ",") || is(i + 1, "}")) && inObject(i);
  }

  /** Whether the innermost bracket around token {@code i} is an object literal's brace. */
  private boolean inObject(int i) {
    int depth = 0;
    for (int j = i - 1; j >= 0; j--) {
      Token t = tokens.get(j);
      if (t.kind() != Kind.PUNCT) {
        continue;
      }
      if (")]}".contains(t.text())) {
        depth++;
      } else if ("([{".contains(t.text())) {
        if (depth == 0) {
          return t.text().equals("{") && startsObject(j);
        }
        depth--;
      }
    }
    return false;
  }

  private boolean startsObject(int brace) {
    if (brace == 0) {
      return false;
    }
    Token before = tokens.get(brace - 1);
    if (before.kind() == Kind.WORD) {
      return before.text().equals("return");
    }
    if (is(brace - 1, ">") && brace > 1 && is(brace - 2, "=")) {
      return false; // an arrow function's body
    }
    return before.kind() == Kind.PUNCT && "(,=:[?!&|".contains(before.text());
  }

  private int matching(int open) {
    int depth = 0;
    for (int j = open; j < tokens.size(); j++) {
      if (tokens.get(j).kind() == Kind.PUNCT && "([{".contains(tokens.get(j).text())) {
        depth++;
      } else if (tokens.get(j).kind() == Kind.PUNCT && ")]}".contains(tokens.get(j).text()) && --depth == 0) {
        return j;
      }
    }
    throw new HeatcheckException("Minify: unbalanced brackets at token " + open);
  }

  private int opening(int close) {
    int depth = 0;
    for (int j = close; j >= 0; j--) {
      if (tokens.get(j).kind() == Kind.PUNCT && ")]}".contains(tokens.get(j).text())) {
        depth++;
      } else if (tokens.get(j).kind() == Kind.PUNCT && "([{".contains(tokens.get(j).text()) && --depth == 0) {
        return j;
      }
    }
    throw new HeatcheckException("Minify: unbalanced brackets at token " + close);
  }

  private boolean is(int i, String punct) {
    return i >= 0 && i < tokens.size() && tokens.get(i).kind() == Kind.PUNCT && tokens.get(i).text().equals(punct);
  }

  // ---- writing ------------------------------------------------------------------------------------

  private String write(Map<String, String> names) {
    Set<Integer> joined = joinedDeclarations();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String text = t.text();
      if (joined.contains(i)) {
        out.append(',');
        i++; // the next "const" or "let"
        continue;
      }
      if (is(i, ";") && is(i + 1, "}")) {
        continue; // the block's end ends the statement
      }
      if (is(i, ",") && is(i + 1, "}") && !is(i - 1, ",")) {
        continue; // a trailing comma in an object literal
      }
      if (is(i, "(") && i + 4 < tokens.size() && tokens.get(i + 1).kind() == Kind.WORD && is(i + 2, ")")
          && is(i + 3, "=") && is(i + 4, ">")) {
        continue; // (x) => ... is x => ...; its ")" goes too, below
      }
      if (is(i, ")") && i >= 2 && is(i - 2, "(") && tokens.get(i - 1).kind() == Kind.WORD && is(i + 1, "=")
          && is(i + 2, ">")) {
        continue;
      }
      if (t.kind() == Kind.WORD && names.containsKey(text) && !isProperty(i)) {
        text = isShorthand(i) ? text + ":" + names.get(text) : names.get(text);
      } else if (t.kind() == Kind.WORD && (text.equals("true") || text.equals("false")) && !isProperty(i)) {
        text = text.equals("true") ? "!0" : "!1";
      } else if (t.kind() == Kind.WORD && text.equals("const") && !isProperty(i)) {
        text = "let"; // the same scoping; const only forbids assignments, which valid code does not make
      }
      if (out.length() > 0) {
        separate(out, t, text.charAt(0));
      }
      out.append(text);
    }
    return out.toString();
  }

  /**
   * The semicolons between two declarations of one block, which become commas: {@code const a = 1;
   * let b = 2;} reads the same as {@code let a = 1, b = 2;} once const is written as let.
   */
  private Set<Integer> joinedDeclarations() {
    Set<Integer> joined = new HashSet<>();
    Deque<Integer> starts = new ArrayDeque<>(); // per open bracket: the first token of its current statement
    Deque<String> brackets = new ArrayDeque<>();
    int start = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != Kind.PUNCT) {
        continue;
      }
      String p = t.text();
      if ("([{".contains(p)) {
        starts.push(start);
        brackets.push(p);
        start = i + 1;
      } else if (")]}".contains(p) && !brackets.isEmpty()) {
        brackets.pop();
        start = starts.pop();
        if (p.equals("}") && i + 1 < tokens.size() && tokens.get(i + 1).kind() != Kind.PUNCT) {
          start = i + 1; // a block that ended its statement: a new one starts here
        }
      } else if (p.equals(";")) {
        boolean inBlock = brackets.isEmpty() || brackets.peek().equals("{");
        if (inBlock && isDeclaration(start) && isDeclaration(i + 1)) {
          joined.add(i);
        }
        start = i + 1;
      }
    }
    return joined;
  }

  /** const and let, which are both written as let. */
  private boolean isDeclaration(int i) {
    return isWord(i, "const") || isWord(i, "let");
  }

  private boolean isWord(int i, String word) {
    return i >= 0 && i < tokens.size() && tokens.get(i).kind() == Kind.WORD && tokens.get(i).text().equals(word);
  }

  /** Nothing, one space or one line break between two tokens. */
  private static void separate(StringBuilder out, Token next, char after) {
    char before = out.charAt(out.length() - 1);
    boolean newline = next.newlineBefore();
    if (isWordChar(before) && isWordChar(after)) {
      out.append(newline ? '\n' : ' ');
    } else if (newline && !joinsAfter(out, before) && JOINS_BEFORE.indexOf(after) < 0) {
      out.append('\n');
    } else if (next.spaceBefore()
        && ((before == after && (before == '+' || before == '-')) || (before == '/' && (after == '/' || after == '*')))) {
      out.append(' '); // a + +b, a - -b: not ++ or --
    }
  }

  /** {@code x++} and {@code x--} end an expression: a line break after them may end the statement. */
  private static boolean joinsAfter(StringBuilder out, char before) {
    if (before == '+' || before == '-') {
      return out.length() < 2 || out.charAt(out.length() - 2) != before;
    }
    return JOINS_AFTER.indexOf(before) >= 0;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
