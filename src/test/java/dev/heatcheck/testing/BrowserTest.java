package dev.heatcheck.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.demo.LocalServer;
import java.util.Optional;
import org.testng.annotations.AfterClass;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The base of the tests that drive a real Chromium: one browser per class, found and launched as heatcheck
 * launches it (no install: a missing browser fails with the command that installs one); one local server
 * per class on 127.0.0.1 and a free port, serving {@code src/test/resources/fixtures} unless the class
 * serves something else; and for each test that asks for them a fresh context and page, closed after it.
 * Its tests are in the {@value #GROUP} group, so {@code mvn test -DexcludedGroups=browser} leaves them out.
 */
@Test(groups = BrowserTest.GROUP)
public abstract class BrowserTest {
  /** The TestNG group of every test that needs a browser. */
  public static final String GROUP = "browser";

  protected Browser browser;
  protected LocalServer server;
  private BrowserSession session;
  private BrowserContext context;
  private Page page;

  /** The class's site; override to serve another classpath folder, or to add routes. */
  protected LocalServer serve() {
    return LocalServer.serve("fixtures");
  }

  /** The options of each test's context, {@link #context()}. */
  protected Browser.NewContextOptions contextOptions() {
    return new Browser.NewContextOptions();
  }

  @BeforeClass(alwaysRun = true)
  public final void startBrowserAndServer() {
    session = BrowserSession.open(Optional.empty(), false, System.err);
    browser = session.browser();
    server = serve();
  }

  @AfterClass(alwaysRun = true)
  public final void stopBrowserAndServer() {
    try {
      if (session != null) {
        session.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  @AfterMethod(alwaysRun = true)
  public final void closeContext() {
    // a test that closed its context itself (Recorder.close waits for the page's last events) is
    // done
    if (context != null) {
      context.close();
    }
    context = null;
    page = null;
  }

  /** This test's context, made on first use with {@link #contextOptions()}. */
  protected final BrowserContext context() {
    if (context == null) {
      context = browser.newContext(contextOptions());
    }
    return context;
  }

  /** This test's page, in {@link #context()}, made on first use. */
  protected final Page page() {
    if (page == null) {
      page = context().newPage();
    }
    return page;
  }

  /** {@code path} on the class's server. */
  protected final String url(String path) {
    return server.baseUrl() + path;
  }
}
