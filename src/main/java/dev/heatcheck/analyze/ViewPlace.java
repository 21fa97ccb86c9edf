package dev.heatcheck.analyze;

/** Where a page view belongs: its map, its exact viewport ("1280x800") and URL path. */
public record ViewPlace(MapKey key, String viewport, String path) {}
