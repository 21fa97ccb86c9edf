package dev.heatcheck.scenario;

/** An upper bound on a click count; {@code at} lets a failed check point back at the rule. */
public record Limit(int max, Location at) {}
