package dev.heatcheck.internal.analyze;

/**
 * Where a page view belongs: its map, its exact viewport ("1280x800") and URL path, the scenario that
 * made it, and the deepest point it saw (scroll position + viewport height).
 */
public record ViewPlace(MapKey key, String viewport, String path, String scenario, double reach) {}
