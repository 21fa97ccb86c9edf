package dev.heatcheck.assertions;

import dev.heatcheck.Result;
import dev.heatcheck.result.PageSummary;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a run saw: its pages, their viewports and the elements clicked there. An assertion narrowed to
 * a page, viewport or element the run never saw fails here, so a typo cannot make it pass.
 */
final class Seen {
  private static final String NL = System.lineSeparator();

  private Seen() {}

  /**
   * Fails unless the run had page views on {@code page} at {@code viewport} and a click on
   * {@code selector} there; null narrows nothing.
   *
   * @param asked what the assertion expects, e.g. "dead clicks on #buy on /checkout", for the message
   */
  static void check(Result result, String asked, String page, String viewport, String selector) {
    Set<String> pages = new TreeSet<>();
    result.pages().forEach(p -> pages.add(p.page()));
    if (page != null && !pages.contains(page)) {
      throw new AssertionError(
          message(asked, "the run has no page views of " + page + "; the pages it saw:", pages));
    }
    Predicate<PageSummary> onPage = p -> page == null || p.page().equals(page);
    if (viewport != null) {
      Set<String> viewports = new TreeSet<>();
      result.pages().stream()
          .filter(onPage)
          .forEach(p -> viewports.addAll(p.viewports().keySet()));
      if (!viewports.contains(viewport)) {
        throw new AssertionError(message(
            asked,
            page == null
                ? "the run has no page views at " + viewport + "; the viewports it saw:"
                : "the run has no page views of " + page + " at " + viewport
                    + "; the viewports it saw there:",
            viewports));
      }
    }
    if (selector != null) {
      Set<String> clicked = new TreeSet<>();
      result.pages().stream()
          .filter(onPage.and(p -> viewport == null || p.viewports().containsKey(viewport)))
          .flatMap(p -> p.elements().stream())
          .filter(e -> e.selector() != null) // clicks on no element
          .forEach(e -> clicked.add(e.selector()));
      if (!clicked.contains(selector)) {
        String where =
            (page == null ? "" : " on " + page) + (viewport == null ? "" : " at " + viewport);
        throw new AssertionError(message(
            asked,
            where.isEmpty()
                ? "no click of the run was on " + selector + "; the elements clicked:"
                : "no click" + where + " was on " + selector + "; the elements clicked there:",
            clicked));
      }
    }
  }

  private static String message(String asked, String but, Set<String> seen) {
    StringBuilder text = new StringBuilder("Expecting ")
        .append(asked)
        .append(',')
        .append(NL)
        .append("but ")
        .append(but);
    List<String> lines = seen.isEmpty() ? List.of("(none)") : List.copyOf(seen);
    lines.forEach(line -> text.append(NL).append("  ").append(line));
    return text.toString();
  }
}
