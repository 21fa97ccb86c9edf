package dev.heatcheck.internal.scenario;

import dev.heatcheck.internal.scenario.Node.ListNode;
import dev.heatcheck.internal.scenario.Node.MapNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code variants:}, a list of at least two, e.g.
 * {@code [{name: A}, {name: B, query: {layout: b}}, {name: C, url: /checkout-v2, cookie: {ab: c}}]}.
 */
final class VariantReader {
  private static final String EXAMPLE = "a list like [{name: A}, {name: B, query: {layout: b}}]";

  private final Problems problems;
  private final Values values;

  VariantReader(Problems problems, Values values) {
    this.problems = problems;
    this.values = values;
  }

  List<Variant> read(Node node) {
    if (!(node instanceof ListNode list) || list.items().size() < 2) {
      return values.wrong(node, "variants", "at least two variants, " + EXAMPLE);
    }
    List<Variant> variants = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node item : list.items()) {
      Variant variant = variant(item);
      if (variant != null && !names.add(variant.name())) {
        problems.add(
            item.at(),
            "variants: the name \"" + variant.name()
                + "\" is used twice; give each variant its own");
      } else if (variant != null) {
        variants.add(variant);
      }
    }
    return variants;
  }

  private Variant variant(Node node) {
    if (!(node instanceof MapNode map)) {
      return values.wrong(node, "variants", "a map like {name: B, query: {layout: b}}");
    }
    Fields fields =
        new Fields(map, "variants", List.of("name", "url", "query", "cookie"), problems);
    if (!fields.has("name")) {
      problems.add(fields.at(), "variants: name is required, e.g. {name: B, query: {layout: b}}");
      return null;
    }
    String name = values.string(fields.get("name"), "variants.name", "a short name like B");
    if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
      problems.add(
          fields.get("name").at(),
          "variants.name: use letters, digits, - and _ (it names a folder), got "
              + fields.get("name").shown());
      return null;
    }
    String url =
        fields.has("url") ? values.url(fields.get("url"), "variants.url", "/checkout-v2") : null;
    Map<String, String> query =
        fields.has("query") ? pairs(fields.get("query"), "variants.query") : Map.of();
    Map<String, String> cookies = fields.has("cookie") ? cookies(fields.get("cookie")) : Map.of();
    return name == null ? null : new Variant(name, url, query, cookies, fields.at());
  }

  /** Cookies as Chromium takes them: what it refuses would otherwise fail the run, not the file. */
  private Map<String, String> cookies(Node node) {
    Map<String, String> cookies = pairs(node, "variants.cookie");
    if (!(node instanceof MapNode map)) {
      return cookies;
    }
    for (Node.Entry entry : map.entries()) {
      String value = cookies.get(entry.key());
      if (unfit(entry.key(), "=") != null) {
        problems.add(
            entry.keyAt(),
            "variants.cookie: " + Node.Scalar.quoted(entry.key())
                + " cannot be a cookie name: it holds " + unfit(entry.key(), "=")
                + "; a name takes no ; = tab or control character");
      } else if (value != null && unfit(value, "") != null) {
        problems.add(
            entry.value().at(),
            "variants.cookie." + entry.key() + ": " + entry.value().shown()
                + " cannot be a cookie value: it holds " + unfit(value, "")
                + "; percent-encode it");
      }
    }
    return cookies;
  }

  /** What makes text unfit for a cookie, or null: ; and control characters anywhere, or spaces at either end. */
  private static String unfit(String text, String alsoRefused) {
    for (char c : text.toCharArray()) {
      if (c == ';' || alsoRefused.indexOf(c) >= 0) {
        return "\"" + c + "\"";
      }
      if (Character.isISOControl(c)) {
        return "a control character";
      }
    }
    return text.isEmpty() || text.strip().equals(text) ? null : "a space at its start or end";
  }

  private Map<String, String> pairs(Node node, String what) {
    if (!(node instanceof MapNode map)) {
      return values.wrong(node, what, "a map of names to values, like {layout: b}");
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    for (Node.Entry entry : map.entries()) {
      String value = values.text(entry.value(), what + "." + entry.key(), "a value", true);
      if (value != null) {
        pairs.put(entry.key(), value);
      }
    }
    return pairs;
  }
}
