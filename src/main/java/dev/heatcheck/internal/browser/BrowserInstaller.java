package dev.heatcheck.internal.browser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs Playwright's Chromium the way {@code playwright install --with-deps chromium} does, by running
 * Playwright's own CLI from heatcheck's class path in a child process (it exits the JVM when done).
 */
final class BrowserInstaller {
  static final String MANUAL_FIX =
      "install one and run again: `sudo apt-get install -y chromium-headless-shell` (Debian; or"
          + " `chromium`), or"
          + " `mvn exec:java -Dexec.mainClass=com.microsoft.playwright.CLI -Dexec.args=\"install --with-deps chromium\"`,"
          + " or point heatcheck at a Chrome/Chromium with --browser PATH or "
          + BrowserFinder.ENV
          + "=PATH";

  private BrowserInstaller() {}

  /** Returns null on success, else the reason it failed in one line. */
  static String install(PrintStream progress) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("com.microsoft.playwright.CLI");
    command.add("install");
    if (isRootOnLinux()) {
      command.add("--with-deps");
    }
    command.add("chromium");
    progress.println(
        "heatcheck: no Chromium found; installing Playwright's Chromium (one time, a few minutes)...");
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (!process.waitFor(15, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return "playwright install took longer than 15 minutes";
      }
      return process.exitValue() == 0
          ? null
          : "playwright install exited with " + process.exitValue();
    } catch (IOException e) {
      return "cannot start playwright install: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  static boolean isRootOnLinux() {
    return System.getProperty("os.name", "").toLowerCase().contains("linux")
        && "root".equals(System.getProperty("user.name"));
  }
}
