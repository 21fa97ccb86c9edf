package dev.heatcheck.result;

/**
 * A page whose document the site answered with an HTTP error, or whose connection broke off.
 *
 * @param status the HTTP status; null when none came
 * @param error the browser's network error, e.g. "net::ERR_CONTENT_LENGTH_MISMATCH"; null with a status alone
 * @param at the step that loaded the page, "file:line:column"
 */
public record FailedPage(
    String scenario,
    String session,
    String viewport,
    String url,
    Integer status,
    String error,
    String at) {
  /**
   * "HTTP 500", "net::ERR_CONTENT_LENGTH_MISMATCH", or both when the connection broke off after the
   * status.
   */
  public String problem() {
    String shown = status == null ? null : "HTTP " + status;
    return error == null ? shown : shown == null ? error : shown + ", then " + error;
  }

  /** e.g. {@code /checkout  HTTP 500  (demo-shop/1280x800/1, shop.yaml:4:3)}. */
  public String line() {
    return url + "  " + problem() + "  (" + session + ", " + at + ")";
  }
}
