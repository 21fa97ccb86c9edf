package dev.heatcheck.internal.analyze;

/**
 * The clicks of one scenario on one target of one page at one viewport, and how many were dead or
 * followed by an error: what checks count, without a list of clicks.
 *
 * @param page the page (group) the clicks' view belongs to; "?" when the view is unknown
 * @param path the view's own page (URL path, or route); null when the view is unknown
 * @param viewport the exact viewport ("1280x800"), "?" when the view is unknown
 */
public record ClickTally(
    String scenario,
    String page,
    String path,
    String viewport,
    String selector,
    int clicks,
    int dead,
    int error) {}
