package dev.heatcheck.internal.report;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import dev.heatcheck.result.Bound;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.Finding;
import dev.heatcheck.result.HeatcheckException;
import dev.heatcheck.result.Kind;
import dev.heatcheck.result.Level;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.testng.annotations.Test;
import org.w3c.dom.Document;

/** summary.json, junit.xml and index.html are written whole or not at all, whatever text a page had. */
public class OutputFilesTest {
  // a page's text cut after 40 characters in the middle of an emoji, and a bell character
  private static final String PAGE_TEXT = "Buy \u0007now \uD83D";

  @Test
  public void page_text_with_half_an_emoji_and_control_characters_still_gives_readable_files()
      throws Exception {
    Path dir = Files.createTempDirectory("heatcheck-output");
    Summary summary = summary(
        new Check("s", "deadClicks", Level.FAIL, PAGE_TEXT, 0, null, Bound.MAX, "s.yaml:9:3"));

    SummaryFile.write(summary, dir);
    JUnitXml.write(summary, dir);
    HtmlReport.write(summary, dir);

    assertEquals(
        SummaryFile.read(dir.resolve(SummaryFile.NAME)).findings().get(0).text(), PAGE_TEXT);
    Document junit = DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(dir.resolve(JUnitXml.NAME).toFile());
    assertEquals(
        junit.getElementsByTagName("failure").item(0).getTextContent(),
        "deadClicks: Buy \uFFFDnow \uFFFD, limit 0 (s.yaml:9:3)"); // Check.line(): a text actual
    // follows a colon
    String html = StandardCharsets.UTF_8
        .newDecoder()
        .decode(ByteBuffer.wrap(Files.readAllBytes(dir.resolve(HtmlReport.NAME))))
        .toString();
    assertTrue(html.contains("Buy \\u0007now \\ud83d"), "the text as JSON escapes in index.html");
    assertEquals(names(dir), List.of("index.html", "junit.xml", "summary.json"));
  }

  @Test
  public void a_writer_failing_midway_leaves_the_previous_files_and_no_partial_ones()
      throws Exception {
    Path dir = Files.createTempDirectory("heatcheck-output");
    Summary before =
        summary(new Check("s", "deadClicks", Level.PASS, 0, 0, null, Bound.MAX, "s.yaml:9:3"));
    SummaryFile.write(before, dir);
    JUnitXml.write(before, dir);
    String summaryBefore = Files.readString(dir.resolve(SummaryFile.NAME));
    String junitBefore = Files.readString(dir.resolve(JUnitXml.NAME));
    // the first check is written, the second fails as it is written
    Summary failing = summary(
        new Check("s", "deadClicks", Level.PASS, 0, 0, null, Bound.MAX, "s.yaml:9:3"),
        new Check(
            "s", "rageClicks", Level.FAIL, new Unwritable(), 0, null, Bound.MAX, "s.yaml:10:3"));

    expectThrows(HeatcheckException.class, () -> SummaryFile.write(failing, dir));
    expectThrows(RuntimeException.class, () -> JUnitXml.write(failing, dir));

    assertEquals(Files.readString(dir.resolve(SummaryFile.NAME)), summaryBefore);
    assertEquals(Files.readString(dir.resolve(JUnitXml.NAME)), junitBefore);
    assertEquals(names(dir), List.of("junit.xml", "summary.json"));
  }

  /** A value that fails while it is being written, as a full disk or a bug would. */
  public static final class Unwritable {
    public int getCount() {
      throw new IllegalStateException("failed midway");
    }

    @Override
    public String toString() {
      throw new IllegalStateException("failed midway");
    }
  }

  private static Summary summary(Check... checks) {
    return new Summary(
        Summary.VERSION,
        "heatcheck test",
        "run-1",
        "2026-11-23T00:00:00Z",
        null,
        null,
        "Chromium",
        false,
        List.of(new Summary.ScenarioRun("s", "s.yaml", List.of("1280x800"), 1, 3, false)),
        List.of(new Finding(Kind.DEAD, "s", "/", "1280x800", "#buy", PAGE_TEXT, 3, "no reaction")),
        List.of(checks),
        List.of(),
        List.of(),
        "events.jsonl",
        new Summary.Grouping("mobile<768,tablet<1024,desktop", List.of()),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
