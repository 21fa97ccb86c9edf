package dev.heatcheck.cli;

import dev.heatcheck.internal.browser.BrowserNotFound;
import dev.heatcheck.internal.drive.SiteUnreachable;
import dev.heatcheck.internal.events.BadEventsFile;
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
    if (e instanceof UsageProblem || e instanceof BadEventsFile) {
      err.println("heatcheck: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        err.println(outOfMemory());
        return ExitCodes.CANNOT_RUN;
      }
    }
    String full = diskFull(e);
    if (full != null) {
      err.println("heatcheck: cannot run: the disk is full (" + full
          + "); free some space, or give --out a folder on another disk, and run again");
      return ExitCodes.CANNOT_RUN;
    }
    if (e instanceof BrowserNotFound
        || e instanceof SiteUnreachable
        || e instanceof HeatcheckException) {
      err.println("heatcheck: cannot run: " + e.getMessage());
      return ExitCodes.CANNOT_RUN;
    }
    err.println("heatcheck: cannot run: unexpected " + e.getClass().getSimpleName() + ": "
        + oneLine(e.getMessage()) + " (please report this with the command you ran)");
    return ExitCodes.CANNOT_RUN;
  }

  /** What ran out of memory, and how to give heatcheck more: one line, never a stack trace. */
  static String outOfMemory() {
    return String.format(
        java.util.Locale.ROOT,
        "heatcheck: cannot run: out of memory (Java's heap is %d MB); give it more, e.g. JAVA_OPTS=-Xmx4g ./heatcheck ..."
            + " or java -Xmx4g -jar heatcheck.jar ...",
        Runtime.getRuntime().maxMemory() >> 20);
  }

  /** The file a write failed on because the disk is full, or null when that is not what went wrong. */
  static String diskFull(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null
          && (message.contains("No space left on device")
              || message.contains("Disk quota exceeded"))) {
        return cause instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
            ? fs.getFile()
            : oneLine(message);
      }
    }
    return null;
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
