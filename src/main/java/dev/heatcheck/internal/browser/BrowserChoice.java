package dev.heatcheck.internal.browser;

import java.nio.file.Path;

/** The browser heatcheck will drive, and why that one: shown to the user so a surprise is easy to trace. */
public record BrowserChoice(Path executable, String source) {
  @Override
  public String toString() {
    return executable + " (" + source + ")";
  }
}
