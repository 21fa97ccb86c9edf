package dev.heatcheck.internal.analyze;

import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups judged clicks into findings as they come: one per kind, scenario, page, viewport and target. */
final class Findings {
  static final Comparator<Finding> ORDER = Comparator.comparing(Finding::kind)
      .thenComparing(Finding::scenario)
      .thenComparing(Finding::page)
      .thenComparing(Finding::viewport)
      .thenComparing(Finding::selector, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final Map<List<Object>, Finding> grouped = new LinkedHashMap<>();

  /** Counts a dead or error click; others are no finding. */
  void judged(JudgedClick click) {
    Kind kind = switch (click.verdict()) {
      case DEAD -> Kind.DEAD;
      case ERROR -> Kind.ERROR;
      default -> null;
    };
    if (kind != null) {
      add(single(kind, click));
    }
  }

  /** Counts a rage burst, by its first click. */
  void rage(JudgedClick first) {
    add(single(Kind.RAGE, first));
  }

  List<Finding> sorted() {
    List<Finding> findings = new ArrayList<>(grouped.values());
    findings.sort(ORDER);
    return findings;
  }

  private void add(Finding one) {
    grouped.merge(key(one), one, Findings::sum);
  }

  private static Finding single(Kind kind, JudgedClick click) {
    String signal = switch (kind) {
      case ERROR -> click.error();
      case DEAD -> "no reaction";
      case RAGE -> null;
    };
    return new Finding(
        kind,
        click.scenario(),
        click.page().page(),
        click.page().viewport(),
        click.click().target() == null ? null : click.click().target().selector(),
        click.click().target() == null ? null : click.click().target().text(),
        1,
        signal);
  }

  private static List<Object> key(Finding f) {
    return List.of(f.kind(), f.scenario(), f.page(), f.viewport(), String.valueOf(f.selector()));
  }

  private static Finding sum(Finding a, Finding b) {
    return new Finding(
        a.kind(),
        a.scenario(),
        a.page(),
        a.viewport(),
        a.selector(),
        a.text(),
        a.count() + b.count(),
        a.signal());
  }
}
