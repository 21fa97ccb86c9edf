package dev.heatcheck.internal.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operating-system side of one launched Chromium: its browser process and the renderers under it.
 * Safe to use from any thread, unlike everything of Playwright's, which is what a watchdog needs: a
 * page whose main thread never yields holds up every Playwright call on the thread that drives it.
 */
final class BrowserProcess implements Halt {
  private final ProcessHandle launched;
  private final Optional<ProcessHandle> driver;

  private BrowserProcess(ProcessHandle launched) {
    this.launched = launched;
    this.driver = launched.parent();
  }

  /**
   * The process Playwright's driver launched with {@code marker} among this JVM's descendants, if it
   * can be found: the browser, or a launcher script that runs it as a child without exec (Debian's
   * {@code /usr/bin/chromium-headless-shell} does). Its descendants carry the marker too, and so does
   * a helper the browser has forked but not yet exec'd; only the outermost is sure to be the one
   * launched, so the halts act on its whole tree.
   */
  static Optional<BrowserProcess> find(String marker) {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> isMarked(p, marker))
        .filter(p -> p.parent().map(parent -> !isMarked(parent, marker)).orElse(true))
        .findFirst()
        .map(BrowserProcess::new);
  }

  private static boolean isMarked(ProcessHandle process, String marker) {
    String line = commandLine(process);
    return line.contains(marker) && !line.contains("--type=");
  }

  /**
   * Kills every page renderer of this browser. Playwright then fails the calls waiting on those pages
   * ("Target crashed") and the browser lives on. Renderers of the browser's own UI are left alone.
   *
   * @return how many were killed
   */
  int killRenderers() {
    return (int) launched
        .descendants()
        .filter(p -> {
          String line = commandLine(p);
          return line.contains("--type=renderer")
              && !line.contains("--top-chrome-webui")
              && !line.contains("--extension-process");
        })
        .filter(ProcessHandle::destroyForcibly)
        .count();
  }

  @Override
  public boolean crashPages() {
    return killRenderers() > 0;
  }

  /**
   * Kills the browser, its helpers and any launcher script above it: Playwright fails every call
   * waiting on it and reports it disconnected.
   */
  @Override
  public void kill() {
    Stream.concat(launched.descendants().toList().stream(), Stream.of(launched))
        .forEach(ProcessHandle::destroyForcibly);
  }

  /**
   * Kills Playwright's driver, which launched the browser: every call waiting on it fails ("connection
   * closed"). The very last resort, for a call that a dead browser did not end.
   */
  @Override
  public void killDriver() {
    kill();
    driver
        .filter(d -> !d.equals(ProcessHandle.current()))
        .ifPresent(ProcessHandle::destroyForcibly);
  }

  /**
   * A process's command line. Chromium rewrites its children's process titles, which Java's own
   * reading on Linux turns into the bare executable; /proc keeps the switches.
   */
  static String commandLine(ProcessHandle process) {
    Path proc = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
    try {
      if (Files.isReadable(proc)) {
        return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
      }
    } catch (IOException e) {
      // the process ended meanwhile, or /proc is not what it seems: ask Java
    }
    return process.info().commandLine().orElse("");
  }
}
