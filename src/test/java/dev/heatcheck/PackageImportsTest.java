package dev.heatcheck;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Dependencies point one way: read every main source file's package and imports, and fail on any
 * package that imports a package that imports it back, directly or through others.
 */
public class PackageImportsTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern IMPORT = Pattern.compile(
      "(?m)^import\\s+(?:static\\s+)?(dev\\.heatcheck[\\w.]*?)(?:\\.[A-Z][\\w.]*|\\.\\*)\\s*;");

  /** Package → the heatcheck packages its files import. */
  private final Map<String, Set<String>> imports = new TreeMap<>();

  @BeforeClass
  public void readSources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        Matcher pkg = PACKAGE.matcher(source);
        assertTrue(pkg.find(), file + " has no package line");
        Set<String> own = imports.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
        Matcher imported = IMPORT.matcher(source);
        while (imported.find()) {
          if (!imported.group(1).equals(pkg.group(1))) {
            own.add(imported.group(1));
          }
        }
      }
    }
  }

  @Test
  public void the_sources_are_read_with_their_imports() {
    assertTrue(imports.size() > 15, imports.keySet().toString());
    assertTrue(
        imports.get("dev.heatcheck.internal.pipeline").contains("dev.heatcheck.internal.analyze"),
        imports.toString());
    assertTrue(
        imports.get("dev.heatcheck.internal.analyze").contains("dev.heatcheck.result"),
        imports.toString());
  }

  @Test
  public void no_package_imports_a_package_that_imports_it_back() {
    List<String> cycles = new ArrayList<>();
    for (String from : imports.keySet()) {
      List<String> path = pathBack(from);
      if (path != null) {
        cycles.add(String.join(" -> ", path));
      }
    }
    assertEquals(cycles, List.of());
  }

  @Test
  public void the_result_package_is_a_leaf() {
    assertEquals(imports.get("dev.heatcheck.result"), Set.of());
  }

  @Test
  public void no_internal_package_imports_the_public_facade() {
    imports.forEach((from, to) -> {
      if (from.startsWith("dev.heatcheck.internal.")) {
        to.forEach(p -> assertTrue(
            p.startsWith("dev.heatcheck.internal.") || p.equals("dev.heatcheck.result"),
            from + " imports " + p));
      }
    });
  }

  @Test
  public void check_and_report_are_apart_and_drive_does_not_reach_into_analyze() {
    assertTrue(
        !imports.get("dev.heatcheck.internal.check").contains("dev.heatcheck.internal.report"));
    assertTrue(
        !imports.get("dev.heatcheck.internal.report").contains("dev.heatcheck.internal.check"));
    assertTrue(
        !imports.get("dev.heatcheck.internal.drive").contains("dev.heatcheck.internal.analyze"));
  }

  @Test
  public void a_cycle_is_found_when_there_is_one() {
    imports.computeIfAbsent("dev.heatcheck.result", p -> new TreeSet<>()).add("dev.heatcheck");
    try {
      assertEquals(
          pathBack("dev.heatcheck"),
          List.of("dev.heatcheck", "dev.heatcheck.result", "dev.heatcheck"));
    } finally {
      imports.get("dev.heatcheck.result").remove("dev.heatcheck");
    }
  }

  /** The shortest chain of imports from {@code start} back to it, or null when there is none. */
  private List<String> pathBack(String start) {
    Map<String, String> cameFrom = new TreeMap<>();
    List<String> queue = new ArrayList<>(List.of(start));
    for (int i = 0; i < queue.size(); i++) {
      String at = queue.get(i);
      for (String next : imports.getOrDefault(at, Set.of())) {
        if (next.equals(start)) {
          List<String> path = new ArrayList<>(List.of(start));
          for (String step = at; step != null && !step.equals(start); step = cameFrom.get(step)) {
            path.add(1, step);
          }
          path.add(start);
          return path;
        }
        if (!cameFrom.containsKey(next)) {
          cameFrom.put(next, at);
          queue.add(next);
        }
      }
    }
    return null;
  }
}
