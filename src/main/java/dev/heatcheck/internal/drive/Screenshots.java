package dev.heatcheck.internal.drive;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import dev.heatcheck.internal.browser.Reasons;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.internal.scenario.Viewport;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Takes the clean screenshots heatmaps are drawn on: each page as it loads, without a recorder. */
public final class Screenshots {
  /** A lock per picture this JVM writes. */
  private static final Map<Path, Object> WRITING = new ConcurrentHashMap<>();

  private static final String LOCATE =
      "selectors => selectors.map(s => { let e = null; try { e = document.querySelector(s); } catch (x) { return null; }"
          + " if (!e) return null; const r = e.getBoundingClientRect(); if (r.width === 0 && r.height === 0) return null;"
          + " return [r.left + scrollX, r.top + scrollY, r.width, r.height].map(v => Math.round(v * 10) / 10); })";

  private Screenshots() {}

  /**
   * Shoots each page (path → URL) at the viewport into {@code dir}, locating the selectors on each.
   * A page that cannot be shot is left out, with a warning line saying why; its clicks are then drawn on
   * a blank page.
   */
  public static Map<String, Shot> shoot(
      Browser browser,
      Viewport viewport,
      Map<String, String> pages,
      Set<String> selectors,
      Path dir,
      PrintStream warnings) {
    return shoot(browser, viewport, pages, selectors, dir, Map.of(), warnings);
  }

  /** As {@link #shoot(Browser, Viewport, Map, Set, Path, PrintStream)}, with the cookies the visitors had (a variant's). */
  public static Map<String, Shot> shoot(
      Browser browser,
      Viewport viewport,
      Map<String, String> pages,
      Set<String> selectors,
      Path dir,
      Map<String, String> cookies,
      PrintStream warnings) {
    Map<String, Shot> shots = new LinkedHashMap<>();
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(viewport.width(), viewport.height())
        .setDeviceScaleFactor(1))) {
      for (String url : pages.values()) {
        if (!cookies.isEmpty()) {
          context.addCookies(cookies.entrySet().stream()
              .map(c -> new Cookie(c.getKey(), c.getValue()).setUrl(url))
              .toList());
        }
      }
      Page page = context.newPage();
      List<String> wanted = new ArrayList<>(selectors);
      for (Map.Entry<String, String> entry : pages.entrySet()) {
        Path image = Screens.file(dir, entry.getKey(), viewport.label());
        try {
          page.navigate(entry.getValue());
          page.waitForLoadState(LoadState.LOAD);
          // several scenarios can shoot one page, on workers of their own at once: one at a time
          // writes its picture and adds to its anchors
          Object lock =
              WRITING.computeIfAbsent(image.toAbsolutePath().normalize(), f -> new Object());
          synchronized (lock) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(image));
            // within a run it is one layout, so their anchors add up
            Map<String, List<Double>> anchors =
                new LinkedHashMap<>(Shot.find(dir, entry.getKey(), viewport.label())
                    .map(Shot::anchors)
                    .orElse(Map.of()));
            anchors.putAll(locate(page, wanted));
            writeAnchors(Shot.anchorsFile(image), anchors);
            shots.put(entry.getKey(), new Shot(image, viewport.label(), anchors));
          }
        } catch (PlaywrightException e) {
          // the events keep everything; only the picture of this page is missing
          warnings.println("warning: no screenshot of " + entry.getKey() + " at " + viewport.label()
              + " (" + entry.getValue() + "): " + Reasons.of(e)
              + "; its clicks are drawn on a blank page");
        }
      }
    }
    return shots;
  }

  private static Map<String, List<Double>> locate(Page page, List<String> selectors) {
    List<?> boxes = (List<?>) page.evaluate(LOCATE, selectors);
    Map<String, List<Double>> anchors = new LinkedHashMap<>();
    for (int i = 0; i < selectors.size(); i++) {
      if (boxes.get(i) instanceof List<?> box) {
        anchors.put(
            selectors.get(i), box.stream().map(v -> ((Number) v).doubleValue()).toList());
      }
    }
    return anchors;
  }

  private static void writeAnchors(Path file, Map<String, List<Double>> anchors) {
    try {
      Files.createDirectories(file.getParent());
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), anchors);
    } catch (IOException e) {
      throw new HeatcheckException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
