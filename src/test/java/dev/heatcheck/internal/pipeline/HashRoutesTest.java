package dev.heatcheck.internal.pipeline;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.internal.report.Summary;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * A hash-routed docs site (as docsify makes them): each route is a page with its own screenshot and
 * maps, and a selector clicked on one route is located on that route's screenshot; a hash that only
 * scrolls to an anchor is no new page.
 */
public class HashRoutesTest {
  private LocalServer site;
  private Map<String, Summary.PageRow> pages;
  private Path out;

  @BeforeClass
  public void runTheDocs() throws IOException {
    site = LocalServer.serve("fixtures/hashroutes");
    Path dir = Files.createTempDirectory("heatcheck-hash");
    Path scenario = Files.writeString(
        dir.resolve("docs.yaml"),
        "url: /index.html#/install\nsteps:\n"
            + "  - click: \"#main > p:nth-of-type(3)\"\n"
            + "  - click: \"#to-config\"\n"
            + "  - click: \"#main > p:nth-of-type(3)\"\n"
            + "  - click: \"#main > p:nth-of-type(3)\"\n");
    RunResult run = Pipeline.run(
        ScenarioLoader.loadAll(List.of(scenario)),
        new RunOptions(site.baseUrl(), dir.resolve("out"), Optional.empty(), false),
        new PrintStream(OutputStream.nullOutputStream()));
    out = run.dir();
    pages = run.summary().pages().stream().collect(Collectors.toMap(Summary.PageRow::page, p -> p));
  }

  @AfterClass(alwaysRun = true)
  public void stop() {
    if (site != null) {
      site.close();
    }
  }

  @Test
  public void each_route_is_a_page_of_its_own() {
    assertEquals(
        pages.keySet(),
        java.util.Set.of("/index.html#/install", "/index.html#/config"),
        pages.keySet().toString());
  }

  @Test
  public void each_route_is_drawn_on_its_own_screenshot() {
    String install = pages.get("/index.html#/install").screenshot();
    String config = pages.get("/index.html#/config").screenshot();
    assertNotNull(install);
    assertNotNull(config);
    assertNotEquals(install, config);
    assertTrue(
        Files.isRegularFile(out.resolve(install)) && Files.isRegularFile(out.resolve(config)));
    assertTrue(
        Files.isRegularFile(out.resolve(pages.get("/index.html#/config").maps().click())));
  }

  @Test
  public void a_selector_clicked_on_a_route_is_located_on_that_routes_screenshot() {
    Summary.ElementRow onInstall = element("/index.html#/install", "#main > p:nth-of-type(3)");
    Summary.ElementRow onConfig = element("/index.html#/config", "#main > p:nth-of-type(3)");
    assertEquals(onInstall.clicks(), 1);
    assertEquals(onConfig.clicks(), 2);
    // the same selector is a different paragraph on each route: config's third one is under a 400
    // px spacer
    assertTrue(
        onConfig.box().get(1) > onInstall.box().get(1) + 300,
        onInstall.box() + " vs " + onConfig.box());
  }

  private Summary.ElementRow element(String page, String selector) {
    return pages.get(page).elements().stream()
        .filter(e -> selector.equals(e.selector()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(
            selector + " not on " + page + ": " + pages.get(page).elements()));
  }
}
