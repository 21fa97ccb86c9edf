package dev.heatcheck.internal.events;

import static org.testng.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

public class EventMergeTest {
  private static final Event.View VIEW =
      new Event.View("s1:v", "s1", "shop", "http://x/", "/", 1280, 800, 1280, 900, 1);
  private static final Event.Click CLICK =
      new Event.Click("s1:2", "s1:v", "s1", 10, 5, 5, false, null);
  private static final Event.Move MOVE = new Event.Move("s2:3", "s2:v", "s2", 11, 6, 6);

  @Test
  public void shards_are_joined_with_each_event_once() throws IOException {
    Path dir = Files.createTempDirectory("heatcheck-merge");
    Path a = write(dir.resolve("a.jsonl"), List.of(VIEW, CLICK));
    Path b = write(dir.resolve("b.jsonl"), List.of(CLICK, MOVE));

    List<Event> merged = new ArrayList<>();
    EventReader.read(
        List.of(a, b), EventReader.Options.defaults(), EventMerge.distinct(merged::add));

    assertEquals(merged, List.of(VIEW, CLICK, MOVE));
  }

  private static Path write(Path file, List<Event> events) {
    try (EventLog log = EventLog.create(file)) {
      events.forEach(log::append);
    }
    return file;
  }
}
