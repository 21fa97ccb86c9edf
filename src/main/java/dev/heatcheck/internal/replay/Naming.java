package dev.heatcheck.internal.replay;

import dev.heatcheck.internal.replay.Dom.Node;
import dev.heatcheck.internal.replay.Locator.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Names an element of a rebuilt rrweb document the way heatcheck's in-page recorder names a live one
 * (capture/recorder.js: ids and classes that look generated are skipped, a name must be unique in its own
 * document or shadow root, {@code host >> inner} steps into a shadow root and {@code frame >>> inner} into
 * an iframe's document), as locators in the order a player should try them: id, test attributes,
 * aria-label, role and accessible name, text, then the recorder's CSS path.
 */
final class Naming {
  // the same rules as recorder.js (GENERATED, stableClass), so a replayed click aggregates with
  // recorded ones
  private static final Pattern GENERATED = Pattern.compile(
      "\\d{3,}|(?=[0-9a-f]*\\d)[0-9a-f]{6,}|:|^(ember\\d|react-|mui-|radix-|headlessui-)|(?=\\w*\\d\\w*\\d)(?=\\w*[a-z])\\w{4,}",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern STABLE_CLASS = Pattern.compile(
      "^(?!(css|sc|jsx|emotion|svelte|ng|is|has)-|(active|selected|current|open(ed)?|closed|expanded|collapsed|checked|disabled"
          + "|hover|focus(ed)?|visible|hidden|shown?|in|fade)$)[a-z_-]+$",
      Pattern.CASE_INSENSITIVE);
  private static final List<String> TEST_ATTRIBUTES =
      List.of("data-testid", "data-test", "data-qa");
  /** rrweb masks text with one {@code *} per character: such text names nothing. */
  private static final Pattern MASKED = Pattern.compile("\\*{2,}|^\\*$");

  private static final Map<String, String> ROLES = Map.of(
      "button",
      "button",
      "select",
      "combobox",
      "textarea",
      "textbox",
      "summary",
      "button",
      "nav",
      "navigation",
      "h1",
      "heading",
      "h2",
      "heading",
      "h3",
      "heading",
      "main",
      "main");
  private static final Map<String, String> INPUT_ROLES = Map.of(
      "checkbox",
      "checkbox",
      "radio",
      "radio",
      "button",
      "button",
      "submit",
      "button",
      "reset",
      "button",
      "range",
      "slider",
      "search",
      "searchbox");
  /** Roles whose accessible name comes from their content. */
  private static final Set<String> NAMED_BY_CONTENT = Set.of(
      "button",
      "link",
      "heading",
      "tab",
      "menuitem",
      "option",
      "checkbox",
      "radio",
      "switch",
      "cell",
      "row",
      "tooltip");

  private static final int MAX_TEXT = 80;

  private static final Set<String> CONTROL_TAGS =
      Set.of("a", "button", "input", "select", "textarea", "summary", "label", "details");
  private static final Set<String> CONTROL_ROLES =
      Set.of("button", "link", "checkbox", "tab", "menuitem", "switch", "option", "radio");

  private Naming() {}

  /**
   * What a click on {@code node} is a click on, as recorder.js decides it: the nearest element, itself or up
   * through shadow hosts, that is a control (a link, button, field, label, ... or an element with a control
   * role, an onclick or a tabindex), else the node itself.
   */
  static Node control(Node node) {
    for (Node n = node; n != null && n.type != Dom.DOCUMENT; n = n.parent) {
      if (n.isElement() && (n.tag.equals("body") || n.tag.equals("html"))) {
        break;
      }
      if (n.isElement() && isControl(n)) {
        return n;
      }
    }
    return node;
  }

  private static boolean isControl(Node n) {
    if (n.tag.equals("a")) {
      return n.attr("href") != null;
    }
    String tabindex = n.attr("tabindex");
    String role = n.attr("role");
    return CONTROL_TAGS.contains(n.tag)
        || n.attr("onclick") != null
        || (tabindex != null && !tabindex.trim().equals("-1"))
        || (role != null && CONTROL_ROLES.contains(role.trim()));
  }

  /** The target of an element: its locators, what it shows, and the frame it is in. */
  static Target target(Node element, Position position) {
    String prefix = prefix(element);
    List<Locator> out = new ArrayList<>();
    List<Node> tree = Dom.treeOf(element);
    String id = element.attr("id");
    if (id != null
        && !id.isEmpty()
        && !GENERATED.matcher(id).find()
        && unique(tree, n -> id.equals(n.attr("id")))) {
      out.add(new Locator(Strategy.ID, prefix + "#" + escapeIdent(id)));
    }
    for (String name : TEST_ATTRIBUTES) {
      attributeLocator(element, tree, name, Strategy.TEST_ID, prefix, out);
    }
    attributeLocator(element, tree, "aria-label", Strategy.LABEL, prefix, out);
    String text = visibleText(element);
    String role = role(element);
    String name = accessibleName(element, role, text, tree);
    // Playwright's role and text engines look into shadow roots too: unique there, or no use
    List<Node> composed = Dom.composedTreeOf(element);
    if (role != null
        && name != null
        && unique(
            composed,
            n -> role.equals(role(n))
                && name.equalsIgnoreCase(
                    String.valueOf(accessibleName(n, role, visibleText(n), tree))))) {
      out.add(new Locator(Strategy.ROLE, prefix + "role=" + role + "[name=" + quote(name) + "]"));
    }
    // text="..." matches an element's whole text, which is reliable only when its own text nodes
    // hold it all
    String own = clean(Dom.ownText(element));
    if (text != null
        && text.equals(own)
        && unique(composed, n -> !isField(n) && text.equals(clean(Dom.ownText(n))))) {
      out.add(new Locator(Strategy.TEXT, prefix + "text=" + quote(text)));
    }
    String css = selector(element);
    if (out.stream().noneMatch(l -> l.selector().equals(css))) {
      out.add(new Locator(Strategy.CSS, css));
    }
    Node document = Dom.documentOf(element);
    Node frame = document == null ? null : Dom.frameOf(document);
    return new Target(
        out,
        element.tag,
        name != null ? name : text,
        frame == null ? null : selector(frame),
        position);
  }

  /**
   * Locators of an iframe element, best first, to find it on the live page as a click's target is found
   * (id, test attributes, aria-label), then by its {@code name} and by the end of its {@code src} (rrweb
   * writes src absolute, on the recorded origin; the live page may have it relative or on another), then
   * the CSS path.
   */
  static List<Locator> frame(Node frame) {
    String css = selector(frame);
    List<Locator> out = new ArrayList<>(target(frame, null).candidates());
    out.removeIf(l -> l.strategy() == Strategy.CSS && l.selector().equals(css)); // last, below
    List<Node> tree = Dom.treeOf(frame);
    String prefix = prefix(frame);
    attributeLocator(frame, tree, "name", Strategy.CSS, prefix, out);
    String src = frame.attr("src");
    String end = src == null ? "" : src.replaceFirst("#.*", "").replaceFirst("^.*/", "");
    if (!end.isEmpty()
        && unique(tree, n -> n.tag.equals(frame.tag) && endsWith(n.attr("src"), end))) {
      out.add(new Locator(Strategy.CSS, prefix + frame.tag + "[src$=" + quote(end) + "]"));
    }
    if (out.stream().noneMatch(l -> l.selector().equals(css))) {
      out.add(new Locator(Strategy.CSS, css));
    }
    return out;
  }

  private static boolean endsWith(String src, String end) {
    return src != null && src.replaceFirst("#.*", "").endsWith(end);
  }

  /** The target of a document's scrolling: its root element, in its frame. */
  static Target scrollingElement(Node document) {
    for (Node child : document.children) {
      if (child.isElement()) {
        return new Target(
            List.of(new Locator(Strategy.CSS, selector(child))),
            child.tag,
            null,
            Dom.frameOf(document) == null ? null : selector(Dom.frameOf(document)),
            null);
      }
    }
    return null;
  }

  private static void attributeLocator(
      Node element,
      List<Node> tree,
      String name,
      Strategy strategy,
      String prefix,
      List<Locator> out) {
    String value = element.attr(name);
    if (value != null
        && !value.isEmpty()
        && !(strategy == Strategy.LABEL && MASKED.matcher(value).find())
        && unique(tree, n -> n.tag.equals(element.tag) && value.equals(n.attr(name)))) {
      out.add(new Locator(strategy, prefix + element.tag + "[" + name + "=" + quote(value) + "]"));
    }
  }

  /** What leads to the element's own tree: the frames' and shadow hosts' selectors with their separators. */
  private static String prefix(Node element) {
    Node host = Dom.hostOf(element);
    if (host != null) {
      return selector(host) + " >> ";
    }
    Node document = Dom.documentOf(element);
    Node frame = document == null ? null : Dom.frameOf(document);
    return frame == null ? "" : selector(frame) + " >>> ";
  }

  /**
   * recorder.js's selectorIn: CSS within the element's own tree, from the nearest element with a stable name
   * unique there (or from body), one step per level relative to its siblings, chained through shadow hosts and
   * frames.
   */
  static String selector(Node element) {
    List<Node> tree = Dom.treeOf(element);
    String sel = null;
    boolean anchored = false;
    for (Node n = element; n != null && !anchored; n = Dom.parentElement(n)) {
      String anchor = anchorOf(n, tree);
      if (anchor == null && (n.tag.equals("body") || n.tag.equals("html"))) {
        anchor = n.tag;
      }
      anchored = anchor != null;
      String part = anchored ? anchor : stepOf(n);
      sel = sel == null ? part : part + " > " + sel;
    }
    Node host = Dom.hostOf(element);
    if (host != null) {
      return selector(host) + " >> " + sel;
    }
    Node document = Dom.documentOf(element);
    Node frame = document == null ? null : Dom.frameOf(document);
    return frame == null ? sel : selector(frame) + " >>> " + sel;
  }

  private static String anchorOf(Node el, List<Node> tree) {
    String id = el.attr("id");
    if (id != null
        && !id.isEmpty()
        && !GENERATED.matcher(id).find()
        && unique(tree, n -> id.equals(n.attr("id")))) {
      return "#" + escapeIdent(id);
    }
    for (String name : List.of("data-testid", "data-test", "data-qa", "aria-label", "role")) {
      String value = el.attr(name);
      if (value != null
          && !value.isEmpty()
          && unique(tree, n -> n.tag.equals(el.tag) && value.equals(n.attr(name)))) {
        return el.tag + "[" + name + "=" + quote(value) + "]";
      }
    }
    for (String c : classes(el)) {
      if (STABLE_CLASS.matcher(c).matches()
          && unique(tree, n -> n.tag.equals(el.tag) && classes(n).contains(c))) {
        return el.tag + "." + c;
      }
    }
    return null;
  }

  private static String stepOf(Node el) {
    List<Node> same =
        Dom.siblings(el).stream().filter(s -> s.tag.equals(el.tag)).toList();
    if (same.size() == 1) {
      return el.tag;
    }
    for (String c : classes(el)) {
      if (STABLE_CLASS.matcher(c).matches()
          && same.stream().filter(s -> classes(s).contains(c)).count() == 1) {
        return el.tag + "." + c;
      }
    }
    return el.tag + ":nth-of-type(" + (same.indexOf(el) + 1) + ")";
  }

  private static boolean unique(List<Node> tree, Predicate<Node> test) {
    return tree.stream().filter(test).limit(2).count() == 1;
  }

  private static List<String> classes(Node el) {
    String value = el.attr("class");
    return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
  }

  /** The explicit role, else the one its tag implies (as Playwright's role engine has it, for common tags). */
  static String role(Node el) {
    String explicit = el.attr("role");
    if (explicit != null && !explicit.isBlank()) {
      return explicit.trim().split("\\s+")[0];
    }
    if (el.tag.equals("input")) {
      String type =
          el.attr("type") == null ? "text" : el.attr("type").toLowerCase(java.util.Locale.ROOT);
      // a password field has no role; hidden ones are never clicked
      return type.equals("password") || type.equals("hidden")
          ? null
          : INPUT_ROLES.getOrDefault(type, "textbox");
    }
    if (el.tag.equals("a")) {
      return el.attr("href") == null ? null : "link";
    }
    if (el.tag.equals("img")) {
      return el.attr("alt") == null || el.attr("alt").isEmpty() ? null : "img";
    }
    if (el.tag.matches("h[4-6]")) {
      return "heading";
    }
    return ROLES.get(el.tag);
  }

  /** aria-label, else a field's label or placeholder, else (for roles named by content) its text. Never a value. */
  private static String accessibleName(Node el, String role, String text, List<Node> tree) {
    String label = el.attr("aria-label");
    if (label != null && !label.isBlank()) {
      return MASKED.matcher(label).find() ? null : clean(label);
    }
    if (isField(el)) {
      String id = el.attr("id");
      for (Node n : tree) {
        if (id != null && n.tag.equals("label") && id.equals(n.attr("for"))) {
          return clean(Dom.textOf(n));
        }
      }
      for (Node up = Dom.parentElement(el); up != null; up = Dom.parentElement(up)) {
        if (up.tag.equals("label")) {
          return clean(Dom.textOf(up));
        }
      }
      String placeholder = el.attr("placeholder");
      return placeholder == null ? null : clean(placeholder);
    }
    if (el.tag.equals("img")) {
      return clean(el.attr("alt"));
    }
    return role != null && NAMED_BY_CONTENT.contains(role) ? text : null;
  }

  /** The element's text, whitespace collapsed; null when empty, masked, or too long to be a name. */
  private static String visibleText(Node el) {
    if (isField(el)) {
      return null;
    }
    return clean(Dom.textOf(el));
  }

  private static String clean(String text) {
    if (text == null) {
      return null;
    }
    String collapsed = text.replaceAll("\\s+", " ").trim();
    if (collapsed.isEmpty()
        || collapsed.length() > MAX_TEXT
        || MASKED.matcher(collapsed).find()) {
      return null;
    }
    return collapsed;
  }

  private static boolean isField(Node el) {
    return el.tag.equals("input") || el.tag.equals("textarea") || el.tag.equals("select");
  }

  /** A double-quoted string for CSS and Playwright selectors. */
  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** CSS.escape for an identifier. */
  static String escapeIdent(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      if (c == 0) {
        out.append('\uFFFD');
      } else if (c < 0x20
          || c == 0x7f
          || (digit && (i == 0 || (i == 1 && value.charAt(0) == '-')))) {
        out.append('\\').append(Integer.toHexString(c)).append(' ');
      } else if (i == 0 && c == '-' && value.length() == 1) {
        out.append("\\-");
      } else if (c >= 0x80
          || c == '-'
          || c == '_'
          || digit
          || (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')) {
        out.append(c);
      } else {
        out.append('\\').append(c);
      }
    }
    return out.toString();
  }
}
