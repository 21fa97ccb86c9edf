package dev.heatcheck.result;

/** The one root of heatcheck's own failures; its message is meant for the user, one line, with the fix. */
public class HeatcheckException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HeatcheckException(String message) {
    super(message);
  }

  public HeatcheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
