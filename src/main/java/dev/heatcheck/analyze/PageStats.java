package dev.heatcheck.analyze;

import java.util.List;

/**
 * Everything seen of one page at one viewport, over all visitors and scenarios.
 *
 * @param points click positions, page coordinates, as [x, y]
 * @param moves pointer positions, page coordinates, as [x, y]
 * @param docHeight the tallest the document was seen
 * @param reach for each view, the deepest point seen (scroll position + viewport height)
 */
public record PageStats(
    PageKey key, int views, List<double[]> points, List<double[]> moves, int docHeight, List<Double> reach) {}
