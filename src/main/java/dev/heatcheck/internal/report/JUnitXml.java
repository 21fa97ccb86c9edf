package dev.heatcheck.internal.report;

import dev.heatcheck.internal.files.AtomicFile;
import dev.heatcheck.result.Check;
import dev.heatcheck.result.FailedStep;
import dev.heatcheck.result.HeatcheckException;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * junit.xml, for CI systems that read JUnit reports: a test suite per scenario and a test case per
 * step that could not be done and per check, failed ones with their actual value and the file position
 * of the step or rule.
 */
public final class JUnitXml {
  public static final String NAME = "junit.xml";

  private JUnitXml() {}

  public static Path write(Summary summary, Path dir) {
    Path file = dir.resolve(NAME);
    try {
      return AtomicFile.write(
          file,
          out -> write(
              summary, new XmlSafeWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new HeatcheckException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Summary summary, Writer out) throws IOException {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "heatcheck");
      for (String scenario : scenarios(summary)) {
        suite(
            xml,
            scenario,
            summary.failedSteps().stream()
                .filter(f -> f.scenario().equals(scenario))
                .toList(),
            summary.checks().stream().filter(c -> c.scenario().equals(scenario)).toList(),
            failureLines(summary, scenario));
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
      out.flush();
    } catch (XMLStreamException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * Passes on what XML 1.0 can hold. A page's text reaches checks (selectors, labels, error messages)
   * and may hold control characters, which XML has no way to write, or half of an emoji cut off by a
   * length limit, which UTF-8 cannot store; either would leave junit.xml unreadable, so each becomes
   * U+FFFD. A pair split across two writes is held back until its second half comes (the document
   * ends with a newline, so nothing is held back at its end).
   */
  static final class XmlSafeWriter extends FilterWriter {
    private char pendingHigh;

    XmlSafeWriter(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      char ch = (char) c;
      if (pendingHigh != 0) {
        char high = pendingHigh;
        pendingHigh = 0;
        if (Character.isLowSurrogate(ch)) {
          out.write(high);
          out.write(ch);
          return;
        }
        out.write(REPLACEMENT);
      }
      if (Character.isHighSurrogate(ch)) {
        pendingHigh = ch;
      } else if (Character.isLowSurrogate(ch)
          || ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r'
          || ch == 0xFFFE
          || ch == 0xFFFF) {
        out.write(REPLACEMENT);
      } else {
        out.write(ch);
      }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      for (int i = offset; i < offset + length; i++) {
        write(chars[i]);
      }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
      for (int i = offset; i < offset + length; i++) {
        write(text.charAt(i));
      }
    }

    private static final char REPLACEMENT = '\uFFFD';
  }

  private static Set<String> scenarios(Summary summary) {
    Set<String> names = new LinkedHashSet<>();
    summary.scenarios().forEach(s -> names.add(s.name()));
    summary.failedSteps().forEach(f -> names.add(f.scenario()));
    summary.checks().forEach(c -> names.add(c.scenario()));
    return names;
  }

  /** For failedVisitors and failedPages checks, who failed and why, one line each, for the failure's text. */
  private static Map<String, String> failureLines(Summary summary, String scenario) {
    StringBuilder visitors = new StringBuilder();
    summary.failedVisitors().stream()
        .filter(v -> v.scenario().equals(scenario))
        .forEach(v -> visitors.append('\n').append(v.line()));
    StringBuilder pages = new StringBuilder();
    summary.failedPages().stream()
        .filter(p -> p.scenario().equals(scenario))
        .forEach(p -> pages
            .append('\n')
            .append(p.url())
            .append(": ")
            .append(p.problem())
            .append(" (")
            .append(p.session())
            .append(", ")
            .append(p.at())
            .append(')'));
    return Map.of("failedVisitors", visitors.toString(), "failedPages", pages.toString());
  }

  private static void suite(
      XMLStreamWriter xml,
      String scenario,
      List<FailedStep> steps,
      List<Check> checks,
      Map<String, String> details)
      throws XMLStreamException {
    long failures = steps.size() + checks.stream().filter(c -> !c.passed()).count();
    long skipped = checks.stream().filter(Check::skipped).count();
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", scenario);
    xml.writeAttribute("tests", String.valueOf(steps.size() + checks.size()));
    xml.writeAttribute("failures", String.valueOf(failures));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", String.valueOf(skipped));
    for (FailedStep step : steps) {
      testcase(xml, scenario, "step at " + step.at());
      failure(xml, "step", step.line(), "");
      xml.writeEndElement();
    }
    for (Check check : checks) {
      testcase(xml, scenario, check.rule());
      if (!check.passed()) {
        failure(xml, check.rule(), check.line(), details.getOrDefault(check.rule(), ""));
      } else if (check.skipped()) {
        xml.writeStartElement("skipped");
        xml.writeAttribute("message", check.line());
        xml.writeEndElement();
      } else if (check.warned()) {
        // JUnit has no warnings: the case passes and says so in its output
        xml.writeStartElement("system-out");
        xml.writeCharacters("WARN " + check.line());
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void testcase(XMLStreamWriter xml, String scenario, String name)
      throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", "heatcheck." + scenario);
    xml.writeAttribute("name", name);
  }

  /** @param details lines after the message in the failure's text, e.g. who failed and why */
  private static void failure(XMLStreamWriter xml, String type, String message, String details)
      throws XMLStreamException {
    xml.writeStartElement("failure");
    xml.writeAttribute("message", message);
    xml.writeAttribute("type", type);
    xml.writeCharacters(message + details);
    xml.writeEndElement();
  }
}
