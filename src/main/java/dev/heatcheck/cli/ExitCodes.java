package dev.heatcheck.cli;

/** The exit codes scripts rely on; documented in README.md. */
final class ExitCodes {
  static final int PASSED = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int CANNOT_RUN = 3;

  private ExitCodes() {}
}
