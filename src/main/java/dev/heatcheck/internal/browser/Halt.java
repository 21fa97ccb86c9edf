package dev.heatcheck.internal.browser;

/**
 * How a session's pages and browser are stopped from outside, from any thread: what a watchdog needs
 * when a page's main thread never yields and every Playwright call on it waits.
 */
interface Halt {
  /** Nothing to stop: a local browser whose process was not found. */
  Halt NONE = new Halt() {
    @Override
    public boolean crashPages() {
      return false;
    }

    @Override
    public void kill() {}

    @Override
    public void killDriver() {}
  };

  /** Ends the pages, so the calls waiting on them fail; false when it could not. */
  boolean crashPages();

  /** Ends the browser: every call waiting on it fails. */
  void kill();

  /** Ends Playwright's driver process too: the last resort, after which the session is dead. */
  void killDriver();
}
