package dev.heatcheck.internal.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operating-system side of one launched Chromium: its browser process and the renderers under it.
 * Safe to use from any thread, unlike everything of Playwright's, which is what a watchdog needs: a
 * page whose main thread never yields holds up every Playwright call on the thread that drives it.
 */
final class BrowserProcess implements Halt {
  private final ProcessHandle browser;
  private final Optional<ProcessHandle> driver;

  private BrowserProcess(ProcessHandle browser, Optional<ProcessHandle> driver) {
    this.browser = browser;
    this.driver = driver;
  }

  /**
   * The browser process launched with {@code marker} among this JVM's descendants (Playwright's driver
   * starts it), if it can be found; renderers and helpers carry a {@code --type=} and not the marker.
   * A launcher script that does not exec (Debian's {@code /usr/bin/chromium-headless-shell} runs the
   * browser as its child) carries the marker too: the browser is the innermost process with it, and
   * Playwright's driver the parent of the outermost.
   */
  static Optional<BrowserProcess> find(String marker) {
    List<ProcessHandle> marked = ProcessHandle.current()
        .descendants()
        .filter(p -> {
          String line = commandLine(p);
          return line.contains(marker) && !line.contains("--type=");
        })
        .toList();
    Set<Long> pids = marked.stream().map(ProcessHandle::pid).collect(Collectors.toSet());
    Optional<ProcessHandle> innermost = marked.stream()
        .filter(p -> p.children().noneMatch(child -> pids.contains(child.pid())))
        .findFirst();
    Optional<ProcessHandle> outermost = marked.stream()
        .filter(p -> p.parent().map(parent -> !pids.contains(parent.pid())).orElse(true))
        .findFirst();
    return innermost.map(
        browser -> new BrowserProcess(browser, outermost.flatMap(ProcessHandle::parent)));
  }

  /**
   * Kills every page renderer of this browser. Playwright then fails the calls waiting on those pages
   * ("Target crashed") and the browser lives on. Renderers of the browser's own UI are left alone.
   *
   * @return how many were killed
   */
  int killRenderers() {
    return (int) browser
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

  /** Kills the browser itself: Playwright fails every call waiting on it and reports it disconnected. */
  @Override
  public void kill() {
    browser.destroyForcibly();
  }

  /**
   * Kills Playwright's driver, which launched the browser: every call waiting on it fails ("connection
   * closed"). The very last resort, for a call that a dead browser did not end.
   */
  @Override
  public void killDriver() {
    browser.destroyForcibly();
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
