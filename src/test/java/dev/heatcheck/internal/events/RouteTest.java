package dev.heatcheck.internal.events;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

public class RouteTest {
  @Test
  public void a_hash_route_is_part_of_the_page_and_an_anchor_is_not() {
    assertEquals(Route.of("http://x/index.html#/install", "/index.html"), "/index.html#/install");
    assertEquals(Route.of("http://x/#!/config", "/"), "/#!/config");
    assertEquals(Route.of("http://x/#/search?q=1", "/"), "/#/search");
    assertEquals(Route.of("http://x/docs#pricing", "/docs"), "/docs");
    assertEquals(Route.of("http://x/docs", "/docs"), "/docs");
    assertEquals(Route.of("http://x/docs#/a", "/docs#/a"), "/docs#/a");
  }
}
