package dev.heatcheck.internal.replay;

/** A viewport size in CSS pixels. */
public record Viewport(int width, int height) {}
