package dev.heatcheck.internal.browser;

/** The one line worth showing from a Playwright error, whose text is a multi-line dump. */
public final class Reasons {
  private Reasons() {}

  /** e.g. "net::ERR_CONNECTION_REFUSED at http://127.0.0.1:9/" out of "Error {\n  message='net::ERR…". */
  public static String of(Throwable error) {
    String text = error.getMessage() == null
        ? error.getClass().getSimpleName()
        : error.getMessage().strip();
    int message = text.indexOf("message='");
    if (message >= 0) {
      text = text.substring(message + "message='".length());
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }
}
