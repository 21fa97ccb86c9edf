package dev.heatcheck.internal.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A launched Chromium and the Playwright driver behind it; close it to stop both. */
public final class BrowserSession implements AutoCloseable {
  /** Keep Chromium from calling home; this tool's runs must stay on the machine. */
  private static final List<String> QUIET_ARGS = List.of(
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic");

  private final Playwright playwright;
  private final Browser browser;
  private final BrowserChoice choice;
  private final Optional<BrowserProcess> process;
  private volatile boolean driverKilled;

  private BrowserSession(
      Playwright playwright,
      Browser browser,
      BrowserChoice choice,
      Optional<BrowserProcess> process) {
    this.playwright = playwright;
    this.browser = browser;
    this.choice = choice;
    this.process = process;
  }

  /**
   * Finds (or, when allowed and nothing is found, installs) a Chromium and launches it headless.
   *
   * @param explicit a path the user gave, if any
   * @param mayInstall whether to run Playwright's installer when no browser is found
   */
  public static BrowserSession open(
      Optional<Path> explicit, boolean mayInstall, PrintStream progress) {
    Playwright playwright = createPlaywright();
    try {
      BrowserChoice choice = choose(playwright, explicit, mayInstall, progress);
      // a switch Chromium ignores, by which this browser's process is told from others on the
      // machine
      String marker = "--heatcheck-browser=" + UUID.randomUUID();
      Browser browser = launch(playwright, choice, marker);
      return new BrowserSession(playwright, browser, choice, BrowserProcess.find(marker));
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  public Browser browser() {
    return browser;
  }

  public BrowserChoice choice() {
    return choice;
  }

  /** Whether the browser still answers; false once it crashed or was killed. Playwright's thread only. */
  public boolean isAlive() {
    return !driverKilled && browser.isConnected();
  }

  /**
   * Crashes every page of this browser by killing its renderer processes, so that the calls waiting on
   * a page that never yields fail. Safe from any thread. A worker's browser serves one visitor at a
   * time, so its pages are that visitor's.
   *
   * @return false when there was no renderer to kill or the browser process is unknown
   */
  public boolean crashPages() {
    return process.map(BrowserProcess::killRenderers).orElse(0) > 0;
  }

  /** Kills the browser process: the last resort when crashing its pages did not free its thread. Any thread. */
  public void kill() {
    process.ifPresent(BrowserProcess::kill);
  }

  /**
   * Kills the browser and Playwright's driver behind it: a call that even a dead browser did not end
   * (Playwright 1.62 can wait for ever on a page's DevTools session) then fails. This session is dead
   * after it. Any thread.
   */
  public void killDriver() {
    driverKilled = true;
    process.ifPresent(BrowserProcess::killDriver);
  }

  /** e.g. "Chromium 156.0.8078.79". */
  public String description() {
    return "Chromium " + browser.version();
  }

  @Override
  public void close() {
    try {
      if (!driverKilled) {
        browser.close();
      }
    } catch (PlaywrightException e) {
      // it died or was killed: there is nothing left to close but the driver
    } finally {
      try {
        playwright.close();
      } catch (PlaywrightException e) {
        // the driver was killed: its pipe is closed already
      }
    }
  }

  private static Playwright createPlaywright() {
    Map<String, String> env = new HashMap<>(System.getenv());
    // heatcheck finds or installs the browser itself; Playwright must not try to download one on
    // start
    env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    return Playwright.create(new Playwright.CreateOptions().setEnv(env));
  }

  private static BrowserChoice choose(
      Playwright playwright, Optional<Path> explicit, boolean mayInstall, PrintStream progress) {
    BrowserFinder finder = new BrowserFinder(System.getenv(), () -> managedPath(playwright));
    Optional<BrowserChoice> found = finder.find(explicit);
    if (found.isPresent()) {
      return found.get();
    }
    if (!mayInstall) {
      throw new BrowserNotFound(
          "no Chromium found (searched " + finder.searched() + "); " + BrowserInstaller.MANUAL_FIX);
    }
    String failure = BrowserInstaller.install(progress);
    return finder
        .find(Optional.empty())
        .orElseThrow(() -> new BrowserNotFound("no Chromium found and installing one failed ("
            + (failure == null ? "nothing was installed" : failure)
            + "); "
            + BrowserInstaller.MANUAL_FIX));
  }

  private static Optional<Path> managedPath(Playwright playwright) {
    try {
      return Optional.of(Path.of(playwright.chromium().executablePath()));
    } catch (PlaywrightException e) {
      return Optional.empty();
    }
  }

  private static Browser launch(Playwright playwright, BrowserChoice choice, String marker) {
    List<String> args = new java.util.ArrayList<>(QUIET_ARGS);
    args.add(marker);
    if (BrowserInstaller.isRootOnLinux()) {
      args.add("--no-sandbox"); // Chromium refuses to start its sandbox as root
    }
    try {
      return playwright
          .chromium()
          .launch(new BrowserType.LaunchOptions()
              .setExecutablePath(choice.executable())
              .setHeadless(true)
              .setArgs(args));
    } catch (PlaywrightException e) {
      throw new BrowserNotFound(
          "cannot start " + choice + ": " + Reasons.of(e) + "; " + BrowserInstaller.MANUAL_FIX);
    }
  }
}
