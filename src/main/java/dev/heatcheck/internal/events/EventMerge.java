package dev.heatcheck.internal.events;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Joins event files (CI shards, earlier runs) into one: concatenation, each event once by its id. */
public final class EventMerge {
  private EventMerge() {}

  /** @return how many events were written */
  public static long merge(List<Path> inputs, Path output) {
    Set<String> seen = new HashSet<>();
    try (EventLog log = EventLog.create(output)) {
      for (Path input : inputs) {
        EventReader.read(input, event -> {
          if (seen.add(key(event))) {
            log.append(event);
          }
        });
      }
      return log.count();
    }
  }

  private static String key(Event event) {
    if (event instanceof Event.Run run) {
      return "run:" + run.runId();
    } else if (event instanceof Event.View view) {
      // a view is reported again when its document has loaded; both lines are kept
      return "view:" + view.id() + ":" + view.docH() + ":" + view.t();
    } else if (event instanceof Event.Click e) {
      return e.id();
    } else if (event instanceof Event.Scroll e) {
      return e.id();
    } else if (event instanceof Event.Move e) {
      return e.id();
    } else if (event instanceof Event.Effect e) {
      return e.id();
    } else if (event instanceof Event.PageError e) {
      return e.id();
    } else if (event instanceof Event.Action e) {
      return e.id();
    }
    return String.valueOf(event);
  }
}
