package dev.heatcheck.internal.scenario;

/**
 * What a scenario asks of the recorder ({@code capture:}).
 *
 * @param maskText record every element's text as {@code ***}, not only inside {@code [data-heatcheck-mask]}
 */
public record CaptureSettings(boolean maskText) {
  private static final CaptureSettings NONE = new CaptureSettings(false);

  public static CaptureSettings none() {
    return NONE;
  }
}
