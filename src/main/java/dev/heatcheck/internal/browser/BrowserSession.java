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
import java.util.stream.Stream;

/**
 * A Chromium and the Playwright driver behind it: launched here, or reached on a Playwright server or a
 * Selenium Grid ({@link Remote}). Close it to stop both (a remote browser is closed by its server).
 */
public final class BrowserSession implements AutoCloseable {
  /** How long a remote browser may take to come. */
  private static final double REMOTE_TIMEOUT_MS = 60_000;

  /** Keep Chromium from calling home; this tool's runs must stay on the machine. */
  private static final List<String> QUIET_ARGS = List.of(
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic");

  /**
   * A Grid's Chrome, headless as Playwright launches one (without scrollbars, with a pointer as a
   * mouse, and without the sandbox, Playwright's default), and as quiet as a local one.
   */
  private static final List<String> GRID_ARGS = Stream.concat(
          Stream.of(
              "--headless",
              "--hide-scrollbars",
              "--mute-audio",
              "--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4",
              "--no-default-browser-check",
              "--no-sandbox"),
          QUIET_ARGS.stream())
      .toList();

  private final Playwright playwright;
  private final Browser browser;
  private final BrowserChoice choice;
  private final Halt halt;
  private final Remote remote;
  private final Runnable afterClose;
  private volatile boolean driverKilled;

  private BrowserSession(
      Playwright playwright,
      Browser browser,
      BrowserChoice choice,
      Halt halt,
      Remote remote,
      Runnable afterClose) {
    this.playwright = playwright;
    this.browser = browser;
    this.choice = choice;
    this.halt = halt;
    this.remote = remote;
    this.afterClose = afterClose;
  }

  /**
   * A browser on {@code remote} when given, else a local one as {@link #open(Optional, boolean,
   * PrintStream)} finds it. Each call opens a connection (and so a browser) of its own.
   */
  public static BrowserSession open(
      Optional<Remote> remote, Optional<Path> explicit, boolean mayInstall, PrintStream progress) {
    return remote.isPresent() ? connect(remote.get()) : open(explicit, mayInstall, progress);
  }

  /**
   * Connects to a Playwright server or asks a Selenium Grid for a browser.
   *
   * @throws RemoteUnreachable when it does not answer or gives no browser, naming it
   */
  public static BrowserSession connect(Remote remote) {
    return remote.kind() == Remote.Kind.SELENIUM_GRID ? onGrid(remote) : onServer(remote);
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
      Halt halt = BrowserProcess.find(marker).<Halt>map(p -> p).orElse(Halt.NONE);
      return new BrowserSession(playwright, browser, choice, halt, null, () -> {});
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  public Browser browser() {
    return browser;
  }

  /** The local browser's executable and why it was chosen; null for a remote browser. */
  public BrowserChoice choice() {
    return choice;
  }

  /** The browser on a server or Grid, or null for a local one. */
  public Remote remote() {
    return remote;
  }

  /** Whether the browser still answers; false once it crashed or was killed. Playwright's thread only. */
  public boolean isAlive() {
    return !driverKilled && browser.isConnected();
  }

  /**
   * Crashes every page of this browser by killing its renderer processes (on a Grid: by ending the
   * Grid's session), so that the calls waiting on a page that never yields fail. Safe from any thread.
   * A worker's browser serves one visitor at a time, so its pages are that visitor's.
   *
   * @return false when there was nothing to kill or the browser process is unknown (always, on a
   *     Playwright server)
   */
  public boolean crashPages() {
    return halt.crashPages();
  }

  /**
   * Kills the browser process: the last resort when crashing its pages did not free its thread. A
   * remote browser has no process here: the local driver is killed instead, which drops the
   * connection; the session is dead after it. Any thread.
   */
  public void kill() {
    if (remote != null) {
      killDriver();
    } else {
      halt.kill();
    }
  }

  /**
   * Kills the browser and Playwright's driver behind it: a call that even a dead browser did not end
   * (Playwright 1.62 can wait for ever on a page's DevTools session) then fails. This session is dead
   * after it. Any thread.
   */
  public void killDriver() {
    driverKilled = true;
    halt.killDriver();
  }

  /** e.g. "Chromium 156.0.8078.79", or "Chromium 156.0.8078.79 on ws://127.0.0.1:3000/". */
  public String description() {
    String version = "Chromium " + browser.version();
    return remote == null ? version : version + " on " + remote.shown();
  }

  /** What a run tells the user about its browser: which one, and where it is or why that one. */
  public String shown() {
    return remote == null ? description() + " at " + choice : description();
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
      afterClose.run();
      try {
        playwright.close();
      } catch (PlaywrightException e) {
        // the driver was killed: its pipe is closed already
      }
    }
  }

  private static BrowserSession onServer(Remote remote) {
    Playwright playwright = createPlaywright();
    try {
      Browser browser = playwright
          .chromium()
          .connect(remote.url(), new BrowserType.ConnectOptions().setTimeout(REMOTE_TIMEOUT_MS));
      Halt halt = new RemoteHalt(DriverProcess.of(playwright), null, null);
      return new BrowserSession(playwright, browser, null, halt, remote, () -> {});
    } catch (PlaywrightException e) {
      playwright.close();
      throw new RemoteUnreachable(
          "cannot use the Playwright server at " + remote.shown() + ": " + Reasons.of(e));
    }
  }

  /**
   * A Chrome session from a Selenium Grid 4, driven over the DevTools protocol the Grid relays: what
   * Playwright's Selenium Grid support does, done here for the reasons {@link Grid} gives.
   */
  private static BrowserSession onGrid(Remote remote) {
    Grid grid = new Grid(remote, System.getenv());
    grid.requireReady();
    Grid.Session session = grid.newSession(GRID_ARGS);
    Playwright playwright = null;
    try {
      playwright = createPlaywright();
      Browser browser = playwright
          .chromium()
          .connectOverCDP(
              session.cdp(), new BrowserType.ConnectOverCDPOptions().setTimeout(REMOTE_TIMEOUT_MS));
      Halt halt = new RemoteHalt(DriverProcess.of(playwright), grid, session.id());
      return new BrowserSession(
          playwright, browser, null, halt, remote, () -> grid.delete(session.id()));
    } catch (RuntimeException e) {
      grid.delete(session.id());
      if (playwright != null) {
        playwright.close();
      }
      throw e instanceof PlaywrightException
          ? new RemoteUnreachable(
              "cannot drive the browser " + remote.shown() + " gave: " + Reasons.of(e))
          : e;
    }
  }

  /**
   * The environment of a Playwright driver: heatcheck finds or installs a local browser itself, and a
   * remote one is named by --browser-url or --grid, never by a SELENIUM_REMOTE_URL left in the
   * environment (a local run stays local).
   */
  private static Map<String, String> driverEnv(Map<String, String> inherited) {
    Map<String, String> env = new HashMap<>(inherited);
    env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    env.remove(Grid.URL_VARIABLE);
    return env;
  }

  private static Playwright createPlaywright() {
    return Playwright.create(new Playwright.CreateOptions().setEnv(driverEnv(System.getenv())));
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
