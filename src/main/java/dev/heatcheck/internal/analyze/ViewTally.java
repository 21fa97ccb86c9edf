package dev.heatcheck.internal.analyze;

/**
 * The views of one scenario of one page at one viewport, and how deep they got (scroll position +
 * viewport height): what scroll reach checks count, without a list of views.
 */
public record ViewTally(String scenario, MapKey key, String path, String viewport, Depths reach) {}
