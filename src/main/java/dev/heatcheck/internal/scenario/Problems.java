package dev.heatcheck.internal.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems of one file, collected rather than thrown so a user sees all of them at once. */
final class Problems {
  private final List<Problem> found = new ArrayList<>();

  void add(Location at, String message) {
    found.add(new Problem(at, message));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** In file order, as an editor would list them; checks that run late (required keys) still sort into place. */
  List<Problem> inFileOrder() {
    return found.stream()
        .sorted(Comparator.comparingInt((Problem p) -> p.at().line())
            .thenComparingInt(p -> p.at().column()))
        .toList();
  }
}
