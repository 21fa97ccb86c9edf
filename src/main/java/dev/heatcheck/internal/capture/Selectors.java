package dev.heatcheck.internal.capture;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Finds the element of a recorded selector again. A recorded selector is CSS, where {@code host >> inner}
 * continues inside the open shadow root of {@code host} (Playwright's own chaining, so
 * {@code page.locator(selector)} understands it) and {@code frame >>> inner} continues inside the document
 * of the iframe {@code frame}, e.g. {@code #pay >>> cart-widget >> #submit}.
 */
public final class Selectors {
  /** Between the parts of a selector that lie in different documents (an iframe's). */
  public static final String FRAME = " >>> ";
  /** Between the parts of a selector that lie in different trees of one document (a shadow root's). */
  public static final String SHADOW = " >> ";

  /**
   * A page function for {@code page.evaluate(BOXES, selectors)}: for each selector, the page box
   * [x, y, width, height] of its element in the top document, or null when it is not there or has no
   * size. It reads both separators, so it works on any page, without Playwright's selector engine.
   */
  public static final String BOXES = "selectors => selectors.map(selector => { try {"
      + " let x = 0, y = 0, root = document, el = null;"
      + " for (const inDocument of selector.split(' >>> ')) {"
      + "   if (el) { const r = el.getBoundingClientRect(), s = el.ownerDocument.defaultView.getComputedStyle(el);"
      + "     x += r.left + el.clientLeft + parseFloat(s.paddingLeft); y += r.top + el.clientTop + parseFloat(s.paddingTop);"
      + "     root = el.contentDocument; if (!root) return null; el = null; }"
      + "   for (const part of inDocument.split(' >> ')) { el = (el ? el.shadowRoot : root).querySelector(part); if (!el) return null; }"
      + " }"
      + " const r = el.getBoundingClientRect(); if (r.width === 0 && r.height === 0) return null;"
      + " return [r.left + x + scrollX, r.top + y + scrollY, r.width, r.height].map(v => Math.round(v * 10) / 10);"
      + " } catch (e) { return null; } })";

  private Selectors() {}

  /** A locator for a recorded selector, frames included. */
  public static Locator locate(Page page, String selector) {
    String[] documents = selector.split(FRAME);
    Locator locator = page.locator(documents[0]);
    for (int i = 1; i < documents.length; i++) {
      locator = locator.contentFrame().locator(documents[i]);
    }
    return locator;
  }
}
