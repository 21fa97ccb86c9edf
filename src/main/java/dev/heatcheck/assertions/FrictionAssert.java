package dev.heatcheck.assertions;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.CheckReturnValue;
import dev.heatcheck.Result;
import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Kind;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dead, rage or error clicks of a run, narrowed to a page, viewport or element. It asserts nothing
 * until {@link #isZero()} or {@link #isAtMost(int)}; a page, viewport or element the run never saw
 * fails there, listing what it did see.
 */
public final class FrictionAssert {
  private final ResultAssert back;
  private final Result result;
  private final Kind kind;
  private String page;
  private String viewport;
  private String selector;

  FrictionAssert(ResultAssert back, Result result, Kind kind) {
    this.back = back;
    this.result = result;
    this.kind = kind;
  }

  /** A page path, or a {@code pages:} pattern the run grouped pages under, e.g. "/product/*". */
  @CheckReturnValue
  public FrictionAssert onPage(String page) {
    this.page = page;
    return this;
  }

  /** An exact viewport, e.g. "390x844". */
  @CheckReturnValue
  public FrictionAssert atViewport(String viewport) {
    this.viewport = viewport;
    return this;
  }

  /** A clicked element's selector, as summary.json writes it. */
  @CheckReturnValue
  public FrictionAssert onElement(String selector) {
    this.selector = selector;
    return this;
  }

  @CanIgnoreReturnValue
  public ResultAssert isZero() {
    return isAtMost(0);
  }

  @CanIgnoreReturnValue
  public ResultAssert isAtMost(int max) {
    Seen.check(result, expected(max), page, viewport, selector);
    List<Finding> found = found();
    int count = found.stream().mapToInt(Finding::count).sum();
    if (count > max) {
      throw new AssertionError(message(max, count, found));
    }
    return back;
  }

  /** How many there are: clicks for dead and error, bursts for rage. */
  @CheckReturnValue
  public int count() {
    Seen.check(result, kind + " clicks" + scope(), page, viewport, selector);
    return found().stream().mapToInt(Finding::count).sum();
  }

  private List<Finding> found() {
    return result.findings().stream()
        .filter(f -> f.kind() == kind
            && (page == null || page.equals(f.page()))
            && (viewport == null || viewport.equals(f.viewport()))
            && (selector == null || selector.equals(f.selector())))
        .toList();
  }

  private String expected(int max) {
    return (max == 0
            ? "no " + kind + " clicks"
            : "at most " + max + " " + kind + (max == 1 ? " click" : " clicks"))
        + scope();
  }

  private String message(int max, int count, List<Finding> found) {
    StringBuilder text = new StringBuilder("Expecting ")
        .append(expected(max))
        .append(", but found ")
        .append(count)
        .append(" on ")
        .append(found.size())
        .append(found.size() == 1 ? " element:" : " elements:");
    Set<Path> heatmaps = new LinkedHashSet<>();
    for (Finding f : found) {
      text.append(String.format(
          Locale.ROOT,
          "%n  %s%s on %s at %s: %d (%s)",
          f.selector(),
          f.text() == null || f.text().isBlank() ? "" : " \"" + f.text() + "\"",
          f.page(),
          f.viewport(),
          f.count(),
          why(f)));
      result.heatmap(f.page(), f.viewport()).ifPresent(heatmaps::add);
    }
    heatmaps.forEach(
        h -> text.append(System.lineSeparator()).append("Heatmap: ").append(h));
    return text.toString();
  }

  private static String why(Finding f) {
    return switch (f.kind()) {
      case DEAD -> "no reaction within the windows";
      case RAGE ->
        f.count() == 1 ? "1 burst of rapid clicks" : f.count() + " bursts of rapid clicks";
      case ERROR -> f.signal() == null ? "an error" : f.signal();
    };
  }

  private String scope() {
    return (selector == null ? "" : " on " + selector)
        + (page == null ? "" : " on " + page)
        + (viewport == null ? "" : " at " + viewport);
  }
}
