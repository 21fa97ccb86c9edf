package dev.heatcheck.internal.report;

import dev.heatcheck.HeatcheckException;
import dev.heatcheck.internal.check.CheckResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * junit.xml, for CI systems that read JUnit reports: a test suite per scenario and a test case per
 * check, failed checks with their actual value and the file position of the rule.
 */
public final class JUnitXml {
  public static final String NAME = "junit.xml";

  private JUnitXml() {}

  public static Path write(Summary summary, Path dir) {
    Path file = dir.resolve(NAME);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "heatcheck");
      for (Map.Entry<String, List<CheckResult>> scenario : byScenario(summary).entrySet()) {
        suite(xml, scenario.getKey(), scenario.getValue());
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
      return file;
    } catch (IOException | XMLStreamException e) {
      throw new HeatcheckException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, List<CheckResult>> byScenario(Summary summary) {
    Map<String, List<CheckResult>> grouped = new LinkedHashMap<>();
    summary.scenarios().forEach(s -> grouped.put(s.name(), new java.util.ArrayList<>()));
    summary.checks().forEach(c -> grouped.computeIfAbsent(c.scenario(), k -> new java.util.ArrayList<>()).add(c));
    return grouped;
  }

  private static void suite(XMLStreamWriter xml, String scenario, List<CheckResult> checks) throws XMLStreamException {
    long failures = checks.stream().filter(c -> !c.passed()).count();
    long skipped = checks.stream().filter(c -> CheckResult.SKIP.equals(c.level())).count();
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", scenario);
    xml.writeAttribute("tests", String.valueOf(checks.size()));
    xml.writeAttribute("failures", String.valueOf(failures));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", String.valueOf(skipped));
    for (CheckResult check : checks) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", "heatcheck." + scenario);
      xml.writeAttribute("name", check.rule());
      if (!check.passed()) {
        xml.writeStartElement("failure");
        xml.writeAttribute("message", message(check));
        xml.writeAttribute("type", check.rule());
        xml.writeCharacters(message(check));
        xml.writeEndElement();
      } else if (CheckResult.SKIP.equals(check.level())) {
        xml.writeStartElement("skipped");
        xml.writeAttribute("message", String.valueOf(check.actual()));
        xml.writeEndElement();
      } else if (check.warned()) {
        // JUnit has no warnings: the case passes and says so in its output
        xml.writeStartElement("system-out");
        xml.writeCharacters("WARN " + check.rule() + " was " + check.actual() + ", warns above " + check.warn() + " (" + check.at() + ")");
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static String message(CheckResult check) {
    return "steps".equals(check.rule())
        ? String.valueOf(check.actual())
        : check.rule() + " was " + check.actual() + ", limit " + check.limit() + " (" + check.at() + ")";
  }
}
