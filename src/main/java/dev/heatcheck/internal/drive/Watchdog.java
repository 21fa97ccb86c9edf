package dev.heatcheck.internal.drive;

import dev.heatcheck.internal.browser.BrowserSession;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Holds one worker's visits to their deadlines from a thread of its own. A page whose main thread never
 * yields (an endless loop, an endless alert()) blocks every Playwright call on it, with no timeout of
 * Playwright's to end it, and Playwright's objects may not be touched from another thread. So the
 * deadline acts from outside: it kills the renderers of the worker's browser, which fails the waiting
 * call ("Target crashed"); when even that does not free the worker within {@link #GRACE_MS}, it kills
 * the browser, which the worker replaces, and after another {@link #GRACE_MS} Playwright's driver
 * process (a call on a page's DevTools session can outlive the browser). A worker's browser serves
 * one visitor at a time, so what is killed is that visitor's and no one else's. A remote browser has
 * no process here: on a Selenium Grid its session is ended (the Grid quits that browser), and failing
 * that, or on a Playwright server, the worker's own driver process is killed, which drops the
 * connection (the server closes that browser) and fails the waiting call; the worker then opens a new
 * connection for the visitors after.
 */
final class Watchdog implements AutoCloseable {
  static final long GRACE_MS = 5_000;

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "heatcheck-watchdog");
        thread.setDaemon(true);
        return thread;
      });
  private volatile String fired;

  /** A deadline armed for one phase of a visit; closing it disarms it. */
  interface Deadline extends AutoCloseable {
    @Override
    void close();
  }

  /** Forgets what fired for the previous visitor. */
  void reset() {
    fired = null;
  }

  /** Why the deadline fired during this visitor, or null when none did. */
  String fired() {
    return fired;
  }

  /** Past {@code ms}, records {@code reason} and stops the pages of {@code session}. */
  Deadline arm(BrowserSession session, long ms, String reason) {
    ScheduledFuture<?> stop = timer.schedule(
        () -> {
          fired = reason;
          if (!session.crashPages()) {
            session.kill();
          }
        },
        Math.max(0, ms),
        TimeUnit.MILLISECONDS);
    ScheduledFuture<?> kill = timer.schedule(
        () -> {
          fired = reason;
          session.kill();
        },
        Math.max(0, ms) + GRACE_MS,
        TimeUnit.MILLISECONDS);
    ScheduledFuture<?> killDriver = timer.schedule(
        () -> {
          fired = reason;
          session.killDriver();
        },
        Math.max(0, ms) + 2 * GRACE_MS,
        TimeUnit.MILLISECONDS);
    return () -> {
      stop.cancel(false);
      kill.cancel(false);
      killDriver.cancel(false);
    };
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
