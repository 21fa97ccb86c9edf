package dev.heatcheck.assertions;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.CheckReturnValue;
import dev.heatcheck.Result;
import dev.heatcheck.result.PageSummary;
import java.util.Locale;

/**
 * One element's clicks, on one page or across the run. An element the run never clicked (on that
 * page), or a page it never saw, fails, listing what it did see.
 */
public final class ElementAssert {
  private final ResultAssert back;
  private final Result result;
  private final String selector;
  private String page;

  ElementAssert(ResultAssert back, Result result, String selector) {
    this.back = back;
    this.result = result;
    this.selector = selector;
  }

  @CheckReturnValue
  public ElementAssert onPage(String page) {
    this.page = page;
    return this;
  }

  /** The element's share of the clicks on its page (of all clicks when no page is named). */
  @CheckReturnValue
  public ShareAssert clickShare() {
    Seen.check(result, "clicks on " + describe(), page, null, selector);
    int clicks = 0;
    int all = 0;
    String heatmap = null;
    for (PageSummary row : result.pages()) {
      if (page == null || page.equals(row.page())) {
        all += row.clicks();
        for (PageSummary.Element element : row.elements()) {
          if (selector.equals(element.selector())) {
            clicks += element.clicks();
            if (heatmap == null && row.clickMap() != null) {
              heatmap = row.clickMap().toString();
            }
          }
        }
      }
    }
    return new ShareAssert(this, describe(), clicks, all, heatmap);
  }

  @CheckReturnValue
  public ResultAssert returnToResult() {
    return back;
  }

  private String describe() {
    return selector + (page == null ? "" : " on " + page);
  }

  /** An element's share of clicks, checked against a bound. */
  public static final class ShareAssert {
    private final ElementAssert back;
    private final String element;
    private final int clicks;
    private final int all;
    private final String heatmap;

    ShareAssert(ElementAssert back, String element, int clicks, int all, String heatmap) {
      this.back = back;
      this.element = element;
      this.clicks = clicks;
      this.all = all;
      this.heatmap = heatmap;
    }

    @CheckReturnValue
    public double value() {
      return all == 0 ? 0 : (double) clicks / all;
    }

    @CanIgnoreReturnValue
    public ElementAssert isAtLeast(double share) {
      if (value() < share) {
        fail("at least", share);
      }
      return back;
    }

    @CanIgnoreReturnValue
    public ElementAssert isAtMost(double share) {
      if (value() > share) {
        fail("at most", share);
      }
      return back;
    }

    private void fail(String bound, double share) {
      String text = String.format(
          Locale.ROOT,
          "Expecting %s to get %s %.1f%% of the clicks, but it got %.1f%% (%d of %d clicks)",
          element,
          bound,
          share * 100,
          value() * 100,
          clicks,
          all);
      throw new AssertionError(
          heatmap == null ? text : text + System.lineSeparator() + "Heatmap: " + heatmap);
    }
  }
}
