package dev.heatcheck.result;

/**
 * A scenario step that could not be carried out: the site no longer matches the scenario. It fails its
 * scenario like a failed check.
 *
 * @param viewport the viewport the step ran at, e.g. "1280x800"
 * @param message what was asked and what went wrong, e.g. {@code click "#add": no visible element matched within 5000 ms}
 * @param at where the step is written, "file:line:column"
 */
public record FailedStep(String scenario, String viewport, String message, String at) {
  /** The step in one line, read alike everywhere a check is: "step failed at 1280x800: … (file:9:5)". */
  public String line() {
    return "step failed at " + viewport + ": " + message + " (" + at + ")";
  }
}
