package dev.heatcheck.internal.replay;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** PostHog's exports of the session, and the gzipped array, read as the bare rrweb array does. */
public class PosthogExportTest {
  private final Visit bare = Recordings.readFile(Fixtures.RRWEB).visits().get(0);

  @DataProvider
  public Object[][] exports() {
    return new Object[][] {
      {Fixtures.POSTHOG, Format.POSTHOG},
      {Fixtures.POSTHOG_COMPRESSED, Format.POSTHOG},
      {Fixtures.POSTHOG_2022, Format.POSTHOG_2022},
    };
  }

  @Test(dataProvider = "exports")
  public void an_export_gives_the_same_visit_as_the_bare_array(Path file, Format format) {
    Recorded recording = Recordings.readFile(file);
    assertEquals(recording.format(), format);
    assertEquals(recording.visits().size(), 1);
    Visit visit = recording.visits().get(0);
    assertEquals(visit.id(), "0190a1f2-replay-window-1");
    assertEquals(visit.startUrl(), bare.startUrl());
    assertEquals(visit.viewport(), bare.viewport());
    assertEquals(visit.startedAt(), bare.startedAt());
    assertEquals(visit.actions(), bare.actions());
  }

  @Test
  public void the_compressed_export_really_is_compressed() {
    String text = Fixtures.read(Fixtures.POSTHOG_COMPRESSED);
    assertTrue(text.contains("\"cv\":\"2024-10\""));
    assertTrue(
        !text.contains("place-order"), "the snapshots' node trees are gzipped, so ids do not show");
  }

  @Test
  public void the_export_id_is_the_title() {
    assertEquals(Recordings.readFile(Fixtures.POSTHOG).title(), "replay-fixture");
  }

  @Test
  public void a_gzipped_array_is_recognised_by_its_bytes_whatever_its_name() throws IOException {
    Path file = Fixtures.tempDir().resolve("session.bin");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(Files.readAllBytes(Fixtures.RRWEB));
    }
    Recorded recording = Recordings.readFile(file);
    assertEquals(recording.format(), Format.RRWEB);
    assertEquals(recording.visits().get(0).actions(), bare.actions());
  }

  @Test
  public void windows_of_one_export_are_visits_of_their_own() {
    String text = Fixtures.read(Fixtures.POSTHOG);
    // the same session again in a second window: two visits, same actions
    String twice = text.replace(
        "\"snapshots\":[",
        "\"snapshots\":["
            + text.substring(text.indexOf("\"snapshots\":[") + 13, text.lastIndexOf("]"))
                .replace("0190a1f2-replay-window-1", "second-window")
            + ",");
    Recorded recording = Recordings.readFile(Fixtures.write("two-windows.json", twice));
    assertEquals(recording.visits().size(), 2);
    assertEquals(recording.visits().get(0).id(), "second-window");
    assertEquals(recording.visits().get(0).actions(), recording.visits().get(1).actions());
  }
}
