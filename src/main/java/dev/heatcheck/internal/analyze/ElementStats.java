package dev.heatcheck.internal.analyze;

/**
 * Clicks on one element of a page: how many, their share of the page's clicks, and how many of them
 * were dead, in rage bursts, or followed by an error.
 */
public record ElementStats(
    String selector, String text, int clicks, double share, int dead, int rage, int error) {}
