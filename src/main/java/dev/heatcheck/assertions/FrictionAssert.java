package dev.heatcheck.assertions;

import dev.heatcheck.Result;
import dev.heatcheck.internal.report.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Dead, rage or error clicks of a run, narrowed to a page, viewport or element. */
public final class FrictionAssert {
  private final ResultAssert back;
  private final Result result;
  private final String kind;
  private String page;
  private String viewport;
  private String selector;

  FrictionAssert(ResultAssert back, Result result, String kind) {
    this.back = back;
    this.result = result;
    this.kind = kind;
  }

  public FrictionAssert onPage(String page) {
    this.page = page;
    return this;
  }

  /** e.g. "390x844". */
  public FrictionAssert atViewport(String viewport) {
    this.viewport = viewport;
    return this;
  }

  public FrictionAssert onElement(String selector) {
    this.selector = selector;
    return this;
  }

  public ResultAssert isZero() {
    return isAtMost(0);
  }

  public ResultAssert isAtMost(int max) {
    List<Summary.FindingRow> found = found();
    int count = found.stream().mapToInt(Summary.FindingRow::count).sum();
    if (count > max) {
      throw new AssertionError(message(max, count, found));
    }
    return back;
  }

  /** How many there are: clicks for dead and error, bursts for rage. */
  public int count() {
    return found().stream().mapToInt(Summary.FindingRow::count).sum();
  }

  private List<Summary.FindingRow> found() {
    List<Summary.FindingRow> found = new ArrayList<>();
    for (Summary.FindingRow f : result.summary().findings()) {
      if (f.kind().equals(kind)
          && (page == null || page.equals(f.page()))
          && (viewport == null || viewport.equals(f.viewport()))
          && (selector == null || selector.equals(f.selector()))) {
        found.add(f);
      }
    }
    return found;
  }

  private String message(int max, int count, List<Summary.FindingRow> found) {
    StringBuilder text = new StringBuilder("Expecting ")
        .append(max == 0 ? "no " + kind + " clicks" : "at most " + max + " " + kind + (max == 1 ? " click" : " clicks"))
        .append(scope())
        .append(", but found ").append(count).append(" on ").append(found.size())
        .append(found.size() == 1 ? " element:" : " elements:");
    Set<Path> heatmaps = new LinkedHashSet<>();
    for (Summary.FindingRow f : found) {
      text.append(String.format(Locale.ROOT, "%n  %s%s on %s at %s: %d (%s)", f.selector(),
          f.text() == null || f.text().isBlank() ? "" : " \"" + f.text() + "\"", f.page(), f.viewport(), f.count(), why(f)));
      result.heatmap(f.page(), f.viewport()).ifPresent(heatmaps::add);
    }
    heatmaps.forEach(h -> text.append(System.lineSeparator()).append("Heatmap: ").append(h));
    return text.toString();
  }

  private String why(Summary.FindingRow f) {
    return switch (kind) {
      case "dead" -> "no reaction within the windows";
      case "rage" -> f.count() == 1 ? "1 burst of rapid clicks" : f.count() + " bursts of rapid clicks";
      default -> f.signal() == null ? "an error" : f.signal();
    };
  }

  private String scope() {
    StringBuilder scope = new StringBuilder();
    if (selector != null) {
      scope.append(" on ").append(selector);
    }
    if (page != null) {
      scope.append(" on ").append(page);
    }
    if (viewport != null) {
      scope.append(" at ").append(viewport);
    }
    return scope.toString();
  }
}
