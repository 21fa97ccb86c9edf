package dev.heatcheck.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** A heatcheck command line run in this JVM: its exit code, what it printed and its errors. */
record Cli(int code, String out, String err) {
  /**
   * Runs the command line. The commands print their reports on System.out, which is caught with what
   * picocli writes, in the order printed.
   */
  static Cli run(String... args) {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream before = System.out;
    int code;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    try {
      code = Main.execute(args, new PrintWriter(System.out, true), new PrintWriter(err, true));
    } finally {
      System.setOut(before);
    }
    return new Cli(code, console.toString(StandardCharsets.UTF_8), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
  }
}
