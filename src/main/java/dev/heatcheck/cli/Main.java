package dev.heatcheck.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code heatcheck COMMAND}: the entry point of the launcher script and of {@code java -jar}. */
@Command(
    name = "heatcheck",
    mixinStandardHelpOptions = true,
    version = "heatcheck 0.1.0",
    description =
        "Drives Chromium through scenarios, draws click heatmaps and finds dead, rage and error clicks.",
    subcommands = {
      RunCommand.class,
      DemoCommand.class,
      ReportCommand.class,
      MergeCommand.class,
      CompareCommand.class,
      ReplayCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 every expectation held   1 an expectation failed",
      "            2 bad input or usage        3 the run could not complete"
    })
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line as the launcher does and returns its exit code; for tests too. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new Main());
    line.setOut(out);
    line.setErr(err);
    line.setParameterExceptionHandler(Main::usageError);
    line.setExecutionExceptionHandler(Failures::handle);
    try {
      return line.execute(args);
    } catch (OutOfMemoryError e) {
      // what held the memory is garbage now: there is room for one line
      err.println(Failures.outOfMemory());
      return ExitCodes.CANNOT_RUN;
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a command is required: run, replay, demo, report, merge, compare or bench");
  }

  /** One line, with the fix, instead of picocli's whole usage text. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command
        .getErr()
        .println("heatcheck: " + e.getMessage() + " (see: "
            + command.getCommandSpec().qualifiedName() + " --help)");
    return ExitCodes.USAGE;
  }
}
