package dev.heatcheck.internal.analyze;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How deep page views got, as counts per depth: as many entries as distinct depths, however many views.
 */
public final class Depths {
  private final TreeMap<Double, Integer> counts = new TreeMap<>();
  private int size;

  void add(double depth) {
    counts.merge(depth, 1, Integer::sum);
    size++;
  }

  public int size() {
    return size;
  }

  /** How many views got to {@code depth} or deeper. */
  public int atLeast(double depth) {
    int reached = 0;
    for (int count : counts.tailMap(depth, true).values()) {
      reached += count;
    }
    return reached;
  }

  /** One entry per view, deepest last: what scroll maps are drawn from. */
  public List<Double> list() {
    List<Double> all = new ArrayList<>(size);
    for (Map.Entry<Double, Integer> entry : counts.entrySet()) {
      all.addAll(Collections.nCopies(entry.getValue(), entry.getKey()));
    }
    return all;
  }
}
