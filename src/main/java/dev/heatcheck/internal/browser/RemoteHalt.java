package dev.heatcheck.internal.browser;

import java.util.Optional;

/**
 * Stops a remote browser from here. Nothing here can crash its pages (its processes are elsewhere, and
 * ending a Grid session does not fail the call waiting on a frozen page either), so the local driver
 * process is killed: the connection drops, every call waiting on it fails at once, and a Playwright
 * server closes the browser it launched for that connection. A Grid session is deleted too, which
 * quits its browser and frees its slot (held until the Grid's session timeout otherwise).
 */
final class RemoteHalt implements Halt {
  private final Optional<ProcessHandle> driver;
  private final Grid grid;
  private final String session;

  /** @param grid the Grid and the session's id there, or null on a Playwright server */
  RemoteHalt(Optional<ProcessHandle> driver, Grid grid, String session) {
    this.driver = driver;
    this.grid = grid;
    this.session = session;
  }

  @Override
  public boolean crashPages() {
    return false;
  }

  @Override
  public void kill() {
    killDriver();
  }

  @Override
  public void killDriver() {
    driver.ifPresent(ProcessHandle::destroyForcibly);
    if (grid != null) {
      grid.delete(session);
    }
  }
}
