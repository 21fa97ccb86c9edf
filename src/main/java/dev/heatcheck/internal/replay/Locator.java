package dev.heatcheck.internal.replay;

/**
 * One way to find a recorded element on a live page.
 *
 * @param selector a Playwright selector; {@code host >> inner} continues inside the open shadow root of
 *     {@code host} and {@code frame >>> inner} continues inside the document of the iframe {@code frame}, as
 *     heatcheck's recorder writes them ({@code dev.heatcheck.internal.capture.Selectors#locate} reads both)
 */
public record Locator(Strategy strategy, String selector) {
  /** What a locator relies on, from the most to the least stable as heatcheck orders them. */
  public enum Strategy {
    /** The element's own id: {@code #place-order}. */
    ID,
    /** data-testid, data-test or data-qa: {@code button[data-testid="save"]}. */
    TEST_ID,
    /** aria-label: {@code button[aria-label="Close"]}. */
    LABEL,
    /** Role and accessible name: {@code role=button[name="Place order"]}. */
    ROLE,
    /** The visible text: {@code text="Place order"}. */
    TEXT,
    /** A CSS path, as heatcheck's recorder names elements: {@code #reviews > li:nth-of-type(3)}. */
    CSS,
    /** An XPath from a DevTools flow: {@code xpath=//*[@id="x"]}. */
    XPATH
  }
}
