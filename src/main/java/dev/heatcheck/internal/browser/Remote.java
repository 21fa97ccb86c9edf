package dev.heatcheck.internal.browser;

import dev.heatcheck.result.HeatcheckException;
import java.net.URI;
import java.util.Locale;

/**
 * A browser that runs elsewhere: on a Playwright server ({@code playwright run-server}, browserless,
 * Moon), reached with {@code BrowserType.connect}, or on a Selenium Grid 4, reached through Playwright's
 * Selenium Grid support. Each worker opens its own connection, so each gets its own browser there.
 *
 * @param url as the user gave it: a Playwright server's may carry launch options or a token in its query,
 *     as JSON that need not be URL-encoded
 */
public record Remote(Kind kind, String url) {
  public enum Kind {
    PLAYWRIGHT_SERVER,
    SELENIUM_GRID
  }

  /**
   * A Playwright server's ws:// or wss:// URL, e.g. {@code ws://127.0.0.1:3000/}.
   *
   * @param source the flag or property that gave it, for the message when it is not one
   */
  public static Remote playwrightServer(String url, String source) {
    return new Remote(
        Kind.PLAYWRIGHT_SERVER,
        parse(url, source, "ws", "wss", "a Playwright server's URL such as ws://127.0.0.1:3000/"));
  }

  /** A Selenium Grid's http:// or https:// URL, e.g. {@code http://127.0.0.1:4444}. */
  public static Remote grid(String url, String source) {
    return new Remote(
        Kind.SELENIUM_GRID,
        parse(url, source, "http", "https", "a Selenium Grid's URL such as http://127.0.0.1:4444"));
  }

  /**
   * Where the browser is, for messages and the report: without the query and user info, which may
   * hold a token; e.g. "ws://127.0.0.1:3000/" or "Selenium Grid http://127.0.0.1:4444".
   */
  public String shown() {
    URI url = base(this.url);
    String port = url.getPort() < 0 ? "" : ":" + url.getPort();
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    String bare = url.getScheme() + "://" + url.getHost() + port + path;
    return kind == Kind.SELENIUM_GRID ? "Selenium Grid " + bare : bare;
  }

  private static String parse(
      String url, String source, String scheme, String secureScheme, String expected) {
    String text = url == null ? "" : url.strip();
    try {
      URI uri = base(text);
      String given = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((given.equals(scheme) || given.equals(secureScheme))
          && uri.getHost() != null
          && !uri.getHost().isBlank()) {
        return text;
      }
    } catch (IllegalArgumentException e) {
      // said below, in the same words as any other URL that is not one
    }
    throw new HeatcheckException(source + ": expected " + expected + ", got \"" + text + "\"");
  }

  /** The URL up to its query, which is the server's to read. */
  private static URI base(String url) {
    int query = url.indexOf('?');
    return URI.create(query < 0 ? url : url.substring(0, query));
  }
}
