package dev.heatcheck.internal.analyze;

import dev.heatcheck.result.Finding;
import dev.heatcheck.result.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups judged clicks into findings: one per kind, scenario, page, viewport and target. */
final class Findings {
  static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::kind)
          .thenComparing(Finding::scenario)
          .thenComparing(Finding::page)
          .thenComparing(Finding::viewport)
          .thenComparing(Finding::selector, Comparator.nullsFirst(Comparator.naturalOrder()));

  private Findings() {}

  static List<Finding> deadAndError(List<JudgedClick> clicks) {
    Map<List<Object>, Finding> grouped = new LinkedHashMap<>();
    for (JudgedClick click : clicks) {
      Kind kind = kindOf(click.verdict());
      if (kind != null) {
        Finding one = single(kind, click);
        grouped.merge(key(one), one, Findings::sum);
      }
    }
    return new ArrayList<>(grouped.values());
  }

  /** One finding per target with the number of rage bursts on it. */
  static List<Finding> rage(List<JudgedClick> bursts) {
    Map<List<Object>, Finding> grouped = new LinkedHashMap<>();
    for (JudgedClick first : bursts) {
      Finding one = single(Kind.RAGE, first);
      grouped.merge(key(one), one, Findings::sum);
    }
    return new ArrayList<>(grouped.values());
  }

  private static Kind kindOf(Verdict verdict) {
    return switch (verdict) {
      case DEAD -> Kind.DEAD;
      case ERROR -> Kind.ERROR;
      default -> null;
    };
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
    return new Finding(a.kind(), a.scenario(), a.page(), a.viewport(), a.selector(), a.text(), a.count() + b.count(), a.signal());
  }
}
