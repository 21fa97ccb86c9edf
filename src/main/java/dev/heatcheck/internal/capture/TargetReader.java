package dev.heatcheck.internal.capture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.events.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the page's description of a clicked element into a {@link Target}. The page sends only what
 * needs the live document (selector, text, box, interactive, fixed, ...); what follows from those facts
 * is worked out here, so the in-page script stays small: the implicit ARIA role of the tag, whether the
 * element takes typing, and where in its box the click landed.
 */
final class TargetReader {
  private static final Map<String, String> ROLES = Map.of(
      "a",
      "link",
      "button",
      "button",
      "select",
      "combobox",
      "textarea",
      "textbox",
      "img",
      "img",
      "summary",
      "button");
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
      "slider");
  /** Input types whose clicks are for typing: never judged dead. */
  private static final Set<String> TEXT_INPUTS = Set.of(
      "text",
      "email",
      "password",
      "search",
      "tel",
      "url",
      "number",
      "date",
      "datetime-local",
      "month",
      "time",
      "week");

  private static final Set<String> EDITABLE_TAGS = Set.of("textarea", "select", "canvas");

  private TargetReader() {}

  /**
   * @param page the target as the page sent it, an array (names would be most of recorder.js's message
   *     code): [selector, tag, type, role, text, href, interactive, contentEditable, box, fixed, ignored]
   * @param x the click in page coordinates
   * @param y the click in page coordinates
   */
  static Target read(JsonNode page, double x, double y) {
    String selector = text(page, 0);
    String tag = text(page, 1);
    String type = text(page, 2);
    String href = text(page, 5);
    List<Double> box = box(page);
    return new Target(
        selector,
        tag,
        text(page, 4),
        role(text(page, 3), tag, type, href),
        href,
        page.path(6).asBoolean(),
        editable(tag, type, page.path(7).asBoolean()),
        box,
        box == null ? 0.5 : fraction(x, box.get(0), box.get(2)),
        box == null ? 0.5 : fraction(y, box.get(1), box.get(3)),
        page.path(9).asBoolean(),
        page.path(10).asBoolean(),
        frameOf(selector));
  }

  /** The iframe part of "frame >>> inner": the clicked element is in that frame's document. */
  static String frameOf(String selector) {
    int inner = selector == null ? -1 : selector.indexOf(" >>> ");
    return inner < 0 ? null : selector.substring(0, inner);
  }

  /** The element's page box; null when the page sent none. */
  static List<Double> box(JsonNode page) {
    return Recorder.box(page.path(8));
  }

  private static String text(JsonNode page, int index) {
    return Recorder.text(page.get(index));
  }

  /** The explicit role, else the one the tag (and an input's type) implies; a link needs its href. */
  static String role(String explicit, String tag, String type, String href) {
    if (explicit != null && !explicit.isBlank()) {
      return explicit;
    }
    if ("input".equals(tag)) {
      return INPUT_ROLES.getOrDefault(type, "textbox");
    }
    if ("a".equals(tag) && href == null) {
      return null;
    }
    return tag == null ? null : ROLES.get(tag);
  }

  static boolean editable(String tag, String type, boolean contentEditable) {
    return contentEditable
        || EDITABLE_TAGS.contains(tag)
        || ("input".equals(tag) && TEXT_INPUTS.contains(type));
  }

  /** Where {@code v} lies along the box side from {@code from} of {@code size}, in thousandths; the middle of an empty box. */
  static double fraction(double v, double from, double size) {
    double f = size > 0 ? Math.min(1, Math.max(0, (v - from) / size)) : 0.5;
    return Math.round(f * 1000) / 1000.0;
  }
}
