package dev.heatcheck.internal.analyze;

import dev.heatcheck.internal.events.Event;

/**
 * A click with what it was judged to be and why.
 *
 * @param signal the first reaction within its window (e.g. "mutation"), null when none
 * @param delayMs how long after the click that reaction came
 * @param error the error blamed on the click, null when none
 */
public record JudgedClick(
    Event.Click click,
    PageKey page,
    String scenario,
    Verdict verdict,
    String signal,
    long delayMs,
    String error) {}
