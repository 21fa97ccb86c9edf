package dev.heatcheck.cli;

import dev.heatcheck.internal.browser.BrowserNotFound;
import dev.heatcheck.internal.drive.SiteUnreachable;
import dev.heatcheck.internal.scenario.Problem;
import dev.heatcheck.internal.scenario.ScenarioException;
import dev.heatcheck.result.HeatcheckException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Turns what went wrong into one line per problem and an exit code; never a stack trace. */
final class Failures {
  private Failures() {}

  static int handle(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    PrintWriter err = command.getErr();
    if (e instanceof ScenarioException bad) {
      for (Problem problem : bad.problems()) {
        err.println(problem);
      }
      return ExitCodes.USAGE;
    }
    if (e instanceof UsageProblem) {
      err.println("heatcheck: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (e instanceof BrowserNotFound || e instanceof SiteUnreachable || e instanceof HeatcheckException) {
      err.println("heatcheck: cannot run: " + e.getMessage());
      return ExitCodes.CANNOT_RUN;
    }
    err.println("heatcheck: cannot run: unexpected " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage())
        + " (please report this with the command you ran)");
    return ExitCodes.CANNOT_RUN;
  }

  static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    String stripped = message.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }

  /** Bad input found after parsing (a bad URL, a relative scenario URL without --base-url). */
  static final class UsageProblem extends HeatcheckException {
    private static final long serialVersionUID = 1L;

    UsageProblem(String message) {
      super(message);
    }
  }
}
