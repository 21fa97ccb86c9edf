package dev.heatcheck.internal.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads scenario files (YAML, or JSON by extension). Problems of all files are collected before
 * anything is thrown, so one run shows the user everything there is to fix.
 */
public final class ScenarioLoader {
  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");
  private static final String FILE_KINDS = "*.yaml, *.yml or *.json";
  /** A scenario is a few KB; parsing megabytes takes seconds, so a larger file is refused before it is read. */
  static final long MAX_BYTES = 1 << 20;

  private ScenarioLoader() {}

  public static Scenario load(Path file) {
    if (Files.isDirectory(file)) {
      String message = "expected a scenario file (" + FILE_KINDS + "), got a folder";
      throw new ScenarioException(List.of(new Problem(Location.startOf(file), message)));
    }
    return loadAll(List.of(file)).get(0);
  }

  /**
   * The {@code expect:} block of a file that holds only that (heatcheck replay --expect FILE): rules for
   * scenarios made elsewhere. Problems are reported as a scenario's are, file:line:col.
   */
  public static Expectations loadExpect(Path file) {
    Problems problems = new Problems();
    Expectations expect = null;
    String extension = extension(file);
    if (Files.isDirectory(file) || extension == null) {
      problems.add(Location.startOf(file), "expected a YAML or JSON file (" + FILE_KINDS + ")");
    } else if (!Files.exists(file)) {
      problems.add(Location.startOf(file), "no such file");
    } else {
      String text = read(file, problems);
      expect = text == null ? null : expectOf(file, text, problems);
    }
    if (!problems.inFileOrder().isEmpty()) {
      throw new ScenarioException(problems.inFileOrder());
    }
    return expect;
  }

  /**
   * The {@code expect:} block of a file read earlier (recorded in a run's events), its problems and rules
   * pointing at {@code file} as when it was read.
   */
  public static Expectations parseExpect(Path file, String text) {
    Problems problems = new Problems();
    // as read() does: a byte order mark is no part of the content
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Expectations expect = expectOf(file, content, problems);
    if (!problems.inFileOrder().isEmpty()) {
      throw new ScenarioException(problems.inFileOrder());
    }
    return expect;
  }

  private static Expectations expectOf(Path file, String text, Problems problems) {
    Node root = TreeParser.parse(file, text, ".json".equals(extension(file)), problems);
    if (root instanceof Node.MapNode map) {
      Fields fields = new Fields(map, null, List.of("expect"), problems);
      if (fields.has("expect")) {
        return new ExpectReader(problems, new Values(problems)).read(fields.get("expect"));
      }
      problems.add(
          Location.startOf(file), "expect is required, e.g. expect: {divergedActions: {max: 0}}");
    } else if (root != null) {
      problems.add(root.at(), "expected a map with expect:, e.g. expect: {deadClicks: {max: 0}}");
    }
    return null;
  }

  /** Each path is a scenario file, or a folder whose scenario files (not subfolders') load in name order. */
  public static List<Scenario> loadAll(List<Path> paths) {
    List<Problem> problems = new ArrayList<>();
    List<Scenario> scenarios = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path path : paths) {
      for (Path file : filesOf(path, problems)) {
        if (seen.add(file.toAbsolutePath().normalize())) {
          Scenario scenario = loadFile(file, problems);
          if (scenario != null) {
            scenarios.add(scenario);
          }
        }
      }
    }
    checkUniqueNames(scenarios, problems);
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    return List.copyOf(scenarios);
  }

  /**
   * A scenario file kept elsewhere (a shard's copy), read from {@code copy} and named {@code shownAs}, the
   * file the user wrote, so that what it reports (checks, problems) points there.
   */
  public static Scenario loadCopy(Path copy, Path shownAs) {
    Problems found = new Problems();
    String extension = extension(shownAs);
    String text = read(copy, found);
    Node root = text == null || extension == null
        ? null
        : TreeParser.parse(shownAs, text, extension.equals(".json"), found);
    Scenario scenario = root == null ? null : ScenarioReader.read(shownAs, root, found);
    if (scenario == null || !found.inFileOrder().isEmpty()) {
      List<Problem> problems = new ArrayList<>(found.inFileOrder());
      if (problems.isEmpty()) {
        problems.add(new Problem(Location.startOf(copy), "not a scenario file"));
      }
      throw new ScenarioException(problems);
    }
    return scenario;
  }

  private static List<Path> filesOf(Path path, List<Problem> problems) {
    if (!Files.exists(path)) {
      problems.add(new Problem(Location.startOf(path), "no such file or folder"));
      return List.of();
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> children = Files.list(path)) {
      List<Path> files = children
          .filter(ScenarioLoader::isScenarioFile)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
      if (files.isEmpty()) {
        problems.add(new Problem(
            Location.startOf(path), "no scenario files (" + FILE_KINDS + ") in this folder"));
      }
      return files;
    } catch (IOException e) {
      problems.add(new Problem(Location.startOf(path), "cannot list this folder: " + reason(e)));
      return List.of();
    }
  }

  private static boolean isScenarioFile(Path path) {
    return Files.isRegularFile(path) && extension(path) != null;
  }

  private static Scenario loadFile(Path file, List<Problem> problems) {
    Problems found = new Problems();
    Scenario scenario = parse(file, found);
    problems.addAll(found.inFileOrder());
    return scenario;
  }

  private static Scenario parse(Path file, Problems problems) {
    String extension = extension(file);
    if (extension == null) {
      problems.add(Location.startOf(file), "expected a scenario file named " + FILE_KINDS);
      return null;
    }
    String text = read(file, problems);
    Node root =
        text == null ? null : TreeParser.parse(file, text, extension.equals(".json"), problems);
    return root == null ? null : ScenarioReader.read(file, root, problems);
  }

  private static String read(Path file, Problems problems) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        problems.add(
            Location.startOf(file),
            "the file is over 1 MB; a scenario is a few KB, so this is not one");
        return null;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      // a byte order mark is no part of the content, and editors do not count it as a column
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      problems.add(Location.startOf(file), "cannot read this file: " + reason(e));
      return null;
    }
  }

  private static String reason(IOException e) {
    if (e instanceof CharacterCodingException) {
      return "it is not UTF-8 text";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? "input/output error" : e.getMessage();
  }

  private static String extension(Path file) {
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().filter(name::endsWith).findFirst().orElse(null);
  }

  /** Reports and results are kept by scenario name, so two scenarios of one name would overwrite each other. */
  private static void checkUniqueNames(List<Scenario> scenarios, List<Problem> problems) {
    Map<String, Path> firstFile = new HashMap<>();
    for (Scenario scenario : scenarios) {
      Path first = firstFile.putIfAbsent(scenario.name(), scenario.file());
      if (first != null) {
        String message = "scenario name " + Node.Scalar.quoted(scenario.name())
            + " is already used by " + first + "; set a unique name: in one of them";
        problems.add(new Problem(Location.startOf(scenario.file()), message));
      }
    }
  }
}
