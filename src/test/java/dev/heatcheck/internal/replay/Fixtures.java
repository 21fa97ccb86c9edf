package dev.heatcheck.internal.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The recorded fixtures (src/test/replay-recorder made them) and what tests look for in them. */
final class Fixtures {
  static final Path ROOT = Path.of("src/test/resources/replay");
  static final Path RRWEB = ROOT.resolve("rrweb/session.json");
  static final Path POSTHOG = ROOT.resolve("posthog/session-2023-04-28.json");
  static final Path POSTHOG_COMPRESSED = ROOT.resolve("posthog/session-2023-04-28-compressed.json");
  static final Path POSTHOG_2022 = ROOT.resolve("posthog/session-2022-12-02.json");
  static final Path DEVTOOLS = ROOT.resolve("devtools/shop-flow.json");
  static final Path EVENTS = ROOT.resolve("heatcheck/demo-events.jsonl");

  private Fixtures() {}

  static Path tempDir() {
    try {
      return Files.createTempDirectory("heatcheck-replay-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(String name, String content) {
    try {
      return Files.writeString(tempDir().resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The actions of a kind, in order. */
  static <T extends Action> List<T> of(Visit visit, Class<T> type) {
    return visit.actions().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The clicks whose first locator is {@code selector}. */
  static List<Action.Click> clicksOn(Visit visit, String selector) {
    return of(visit, Action.Click.class).stream()
        .filter(c -> selector.equals(c.target().selector()))
        .toList();
  }
}
