package dev.heatcheck.internal.scenario;

import dev.heatcheck.result.HeatcheckException;
import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in the scenario files of one run, so the user can fix them all in one go. */
public final class ScenarioException extends HeatcheckException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ScenarioException(List<Problem> problems) {
    super(joined(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String joined(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs at least one problem");
    }
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
