package dev.heatcheck.internal.pipeline;

import dev.heatcheck.internal.analyze.PageStats;
import dev.heatcheck.internal.browser.BrowserSession;
import dev.heatcheck.internal.drive.Screenshots;
import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventReader;
import dev.heatcheck.internal.events.Route;
import dev.heatcheck.internal.scenario.Viewport;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The screenshots a report draws on: the ones beside its event files, or new ones of the site now. */
final class NewShots {
  private NewShots() {}

  /** Copies the screens/ folders beside the inputs; the first shot of a name wins. */
  static void copyBeside(List<Path> inputs, Path screens) {
    for (Path input : inputs) {
      Path beside = input.toAbsolutePath().getParent().resolve("screens");
      if (!Files.isDirectory(beside)) {
        continue;
      }
      try (Stream<Path> files = Files.list(beside)) {
        Files.createDirectories(screens);
        for (Path file : files.toList()) {
          Path target = screens.resolve(file.getFileName().toString());
          if (!Files.exists(target)) {
            Files.copy(file, target);
          }
        }
      } catch (IOException e) {
        throw new HeatcheckException(
            "cannot copy screenshots from " + beside + ": " + e.getMessage(), e);
      }
    }
  }

  /** Shoots each map's page at its main viewport, from the recorded URL or the same path on baseUrl. */
  static String take(
      List<Path> events,
      List<PageStats> pages,
      ReportOptions options,
      Path screens,
      PrintStream progress) {
    Map<String, String> urls = new HashMap<>();
    Set<String> selectors = new LinkedHashSet<>();
    EventReader.Options reading =
        EventReader.Options.defaults().withSkipBadLines(options.skipBadLines());
    EventReader.read(events, reading.only(Set.of("view", "click")), event -> {
      if (event instanceof Event.View view) {
        urls.putIfAbsent(Route.of(view.url(), view.path()), rebase(view.url(), options.baseUrl()));
      } else if (event instanceof Event.Click click
          && click.target() != null
          && click.target().selector() != null) {
        selectors.add(click.target().selector());
      }
    });
    try (BrowserSession session =
        BrowserSession.open(options.browser(), options.mayInstall(), progress)) {
      for (PageStats page : pages) {
        String url = urls.get(page.mainPath());
        Viewport viewport = Viewport.ofLabel(page.mainViewport());
        if (url != null && viewport != null) {
          progress.println("Screenshot of " + url + " at " + viewport.label());
          Screenshots.shoot(
              session.browser(),
              viewport,
              Map.of(page.mainPath(), url),
              selectors,
              screens,
              progress);
        }
      }
      return session.description();
    }
  }

  private static String rebase(String recorded, String baseUrl) {
    if (baseUrl == null) {
      return recorded;
    }
    URI uri = URI.create(recorded);
    // a hash route is part of the page (#/install); an anchor only scrolls
    String route = Route.of(recorded, uri.getRawPath());
    String hash =
        route != null && route.indexOf('#') >= 0 ? route.substring(route.indexOf('#')) : "";
    String pathAndQuery =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + hash;
    return URI.create(baseUrl).resolve(pathAndQuery).toString();
  }
}
