package dev.heatcheck.result;

/**
 * Friction on one target: how many dead or error clicks it got, or how many rage clicks (bursts).
 *
 * @param viewport the exact viewport, e.g. "1280x800"
 * @param selector the target's selector; null when the click had no target
 * @param text the target's short text, to recognise it by in a report
 * @param count clicks for dead and error, bursts for rage
 * @param signal what was missing or what happened (e.g. the error message), for the report
 */
public record Finding(
    Kind kind,
    String scenario,
    String page,
    String viewport,
    String selector,
    String text,
    int count,
    String signal) {}
