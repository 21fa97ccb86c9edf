package dev.heatcheck.internal.scenario;

import dev.heatcheck.internal.scenario.Node.Entry;
import dev.heatcheck.internal.scenario.Node.MapNode;
import java.util.List;

/** One map of the file read against the keys it may have; unknown keys are reported where they are written. */
final class Fields {
  private final MapNode map;

  /** {@code section} prefixes messages ("click: unknown key ..."); null for the top level. */
  Fields(MapNode map, String section, List<String> allowed, Problems problems) {
    this.map = map;
    String prefix = section == null ? "" : section + ": ";
    for (Entry entry : map.entries()) {
      if (!allowed.contains(entry.key())) {
        problems.add(
            entry.keyAt(),
            prefix + "unknown key " + Node.Scalar.quoted(entry.key()) + "; expected one of: "
                + String.join(", ", allowed));
      }
    }
  }

  boolean has(String key) {
    return entry(key) != null;
  }

  /** The value, or null when the key is absent. */
  Node get(String key) {
    Entry entry = entry(key);
    return entry == null ? null : entry.value();
  }

  Location keyAt(String key) {
    return entry(key).keyAt();
  }

  Location at() {
    return map.at();
  }

  private Entry entry(String key) {
    return map.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
  }
}
