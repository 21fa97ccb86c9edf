package dev.heatcheck.internal.analyze;

/**
 * Where a page view belongs: its map, its exact viewport ("1280x800"), its page (the URL path, with the
 * hash of a hash-routed app's route) and the scenario that made it.
 */
public record ViewPlace(MapKey key, String viewport, String path, String scenario) {}
