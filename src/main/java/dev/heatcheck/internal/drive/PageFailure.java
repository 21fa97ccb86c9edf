package dev.heatcheck.internal.drive;

/**
 * A page the site failed to serve to a visitor: its document was answered with an HTTP error status,
 * or its connection broke off (a network error such as {@code net::ERR_CONTENT_LENGTH_MISMATCH}).
 * Subresources (pictures, scripts, API calls) are not pages; their failures show as error clicks.
 *
 * @param url the document's URL without query or fragment (they may hold what a visitor typed)
 * @param status the HTTP status, or 0 when the connection failed before or while it was answered
 * @param error the browser's network error, or null when the document came with an error status
 * @param at the step that loaded it, "file:line:column" (or "file (url)" for the start URL)
 */
public record PageFailure(
    String scenario,
    String session,
    String viewport,
    String url,
    int status,
    String error,
    String at) {
  @Override
  public String toString() {
    return url + ": " + (error != null ? error : "HTTP " + status) + " (" + session + ", " + at
        + ")";
  }
}
