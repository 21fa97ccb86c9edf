package dev.heatcheck.cli;

import static org.testng.Assert.assertTrue;

import dev.heatcheck.internal.scenario.ScenarioException;
import dev.heatcheck.internal.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

/**
 * Mutated copies of the shipped scenarios and test fixtures, from a fixed seed so a failure can be
 * reproduced: every file either loads, or is refused by {@code heatcheck run} with exit 2 and only
 * {@code file:line:col: message} lines, with no stack trace, no Java type name and no hang. Refused
 * files go to the command line in batches, as a user passes several: starting picocli once per file
 * cost more than all the loading.
 */
public class ScenarioFuzzTest {
  private static final long SEED = 15;
  private static final int FILES = 400;
  private static final long PER_FILE_SECONDS = 10;
  private static final int BATCH = 25;
  private static final Pattern TYPE_NAME =
      Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]\\w+|Exception|at dev\\.|snakeyaml|LinkedHashMap");
  private static final Pattern LINE_COL_MESSAGE = Pattern.compile("\\d+:\\d+: \\S.*");
  private static final List<Path> SOURCES =
      List.of(Path.of("scenarios"), Path.of("src/test/resources"));

  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "fuzz");
    thread.setDaemon(true);
    return thread;
  });

  @AfterClass(alwaysRun = true)
  public void stopWorker() {
    worker.shutdownNow();
  }

  @Test
  public void every_mutated_scenario_loads_or_is_exit_2_with_file_line_col_on_every_line()
      throws Exception {
    List<byte[]> seeds = seeds();
    assertTrue(seeds.size() >= 8, "too few scenario files to mutate: " + seeds.size());
    Random random = new Random(SEED);
    Path dir = Files.createTempDirectory("heatcheck-fuzz");
    List<String> failures = new ArrayList<>();
    List<Path> rejected = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      byte[] seed = seeds.get(random.nextInt(seeds.size()));
      boolean json = seed.length > 0 && seed[0] == '{';
      byte[] mutated = new Mutator(random).mutate(seed);
      Path file = dir.resolve(String.format("fuzz-%03d.%s", i, json ? "json" : "yaml"));
      Files.write(file, mutated);
      String failure = load(file);
      if (failure == REJECTED) {
        rejected.add(file);
      } else if (failure != null) {
        failures.add(file.getFileName() + " (kept in " + dir + "): " + failure);
      }
    }
    for (int from = 0; from < rejected.size(); from += BATCH) {
      List<Path> batch = rejected.subList(from, Math.min(rejected.size(), from + BATCH));
      String failure = throughTheCommandLine(batch);
      if (failure != null) {
        failures.add("files " + batch.get(0).getFileName() + " to "
            + batch.get(batch.size() - 1).getFileName() + " (kept in " + dir + "): " + failure);
      }
    }
    assertTrue(
        failures.isEmpty(),
        failures.size() + " failures in " + FILES + " files:\n" + String.join("\n", failures));
    // the files are kept only when they show a failure
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(dir);
    // the mutations must actually break files, or the test proves nothing
    assertTrue(
        rejected.size() >= FILES / 2,
        "only " + rejected.size() + " of " + FILES + " mutated files were rejected");
    assertTrue(rejected.size() < FILES, "no mutated file loaded; the sources are not scenarios");
  }

  private static final String REJECTED = "rejected";

  /** null when the file loads, REJECTED when the loader refused it as it should, else what went wrong. */
  private String load(Path file) throws Exception {
    Future<String> outcome = worker.submit(() -> {
      try {
        ScenarioLoader.loadAll(List.of(file));
        return null;
      } catch (ScenarioException e) {
        return REJECTED;
      } catch (RuntimeException | StackOverflowError e) {
        return "the loader threw " + e;
      }
    });
    try {
      return outcome.get(PER_FILE_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      outcome.cancel(true);
      return "no answer within " + PER_FILE_SECONDS + " s";
    }
  }

  /** null when {@code heatcheck run} refuses every file with exit 2 and file:line:col lines only, else what went wrong. */
  private String throughTheCommandLine(List<Path> files) throws Exception {
    List<String> args = new ArrayList<>(List.of("run", "--base-url", "http://127.0.0.1:9"));
    files.forEach(file -> args.add(file.toString()));
    StringWriter err = new StringWriter();
    // only refused files get here, so no browser starts; the port is closed anyway
    Future<Integer> run = worker.submit(() -> Main.execute(
        args.toArray(String[]::new),
        new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true)));
    int code;
    try {
      code = run.get(PER_FILE_SECONDS * files.size(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      return "no answer from the command line within " + PER_FILE_SECONDS * files.size() + " s";
    }
    if (code != 2) {
      return "exit " + code + ", stderr: " + err;
    }
    List<String> lines = err.toString().lines().toList();
    for (Path file : files) {
      String prefix = file + ":";
      List<String> own = lines.stream().filter(text -> text.startsWith(prefix)).toList();
      if (own.isEmpty()) {
        return file.getFileName() + " is not named on stderr: " + err;
      }
      for (String text : own) {
        String rest = text.substring(prefix.length());
        if (!LINE_COL_MESSAGE.matcher(rest).matches()) {
          return "a stderr line that is not file:line:col: message: " + text;
        }
        if (TYPE_NAME.matcher(rest).find()) {
          return "a Java type name or stack trace on stderr: " + text;
        }
      }
    }
    long named = lines.stream()
        .filter(text -> files.stream().anyMatch(file -> text.startsWith(file + ":")))
        .count();
    if (named != lines.size()) {
      return "stderr has lines that name none of the files: " + err;
    }
    return null;
  }

  private static List<byte[]> seeds() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (Path source : SOURCES) {
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : files.filter(ScenarioFuzzTest::isScenario).sorted().toList()) {
          seeds.add(Files.readAllBytes(file));
        }
      }
    }
    return seeds;
  }

  private static boolean isScenario(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file)
        && (name.endsWith(".yaml")
            || name.endsWith(".yml")
            || name.endsWith(".json") && file.toString().contains("scenario"));
  }

  /** One to three random edits of the kinds people and tools make, and a few of the kinds attackers make. */
  private static final class Mutator {
    private static final String[] VALUES = {
      "1e999",
      "-1e999",
      "99999999999999999999999999",
      "-0",
      ".nan",
      ".inf",
      "-.inf",
      "0x7fffffff",
      "1_000_000",
      "2147483648",
      "-2147483649",
      "0.0000001",
      "1e-400",
      "~",
      "null",
      "true",
      "no",
      "''",
      "\"\"",
      "[]",
      "{}",
      "[1, 2]",
      "{a: 1}",
      "\"\\uD800\"",
      "\"\\uDFFF\\uD800\"",
      "\"a\\u0000b\"",
      "\"\\x07\"",
      "\"ht tp://x y\"",
      "javascript:alert(1)",
      "\"//\"",
      "\"http://\"",
      "\"/a%zz\"",
      "!!binary aGVsbG8=",
      "!!python/object:x {}",
      "&a 1",
      "*a",
      "*nope",
      "|\n  block",
      ">-\n  folded",
      "'it''s'",
      "\"\\U0001F600\"",
      "8193",
      "199",
      "0",
      "-1",
      "60001",
      "4294967296",
      "1.5",
      "\"\u202Eevil\"",
      "\"\uFFFE\"",
      "\"\uD83D\uDE00\""
    };
    private static final String[] LINES = {
      "? [a, b]\n: 1",
      "? {a: 1}: 2",
      "<<: *a",
      "---",
      "...",
      "%YAML 1.2",
      "%TAG ! tag:x,2000:",
      "\t- click: a",
      "url: /again",
      "steps:",
      "- ",
      ": :",
      "&anchor",
      "*alias: 3",
      "[",
      "]",
      "{",
      "}",
      "\"",
      "'",
      "#",
      "|",
      "viewports: [{width: 99999999, height: 800}]",
      "visitors: 1e400",
      "name: \"\\uD800\"",
      "steps: [click: \"\\uDC00\"]",
      "expect: {deadClicks: {max: .nan}}",
      "judge: {windows: {mutation: 1e99}}"
    };

    private final Random random;

    Mutator(Random random) {
      this.random = random;
    }

    byte[] mutate(byte[] seed) {
      byte[] bytes = seed;
      int edits = 1 + random.nextInt(3);
      for (int i = 0; i < edits; i++) {
        bytes = once(bytes);
      }
      return bytes;
    }

    private byte[] once(byte[] bytes) {
      if (bytes.length == 0) {
        return text(pick(LINES) + "\n");
      }
      return switch (random.nextInt(11)) {
        case 0 -> flipByte(bytes);
        case 1 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
        case 2 -> lines(bytes, Edit.DELETE);
        case 3 -> lines(bytes, Edit.DUPLICATE);
        case 4 -> lines(bytes, Edit.INDENT);
        case 5, 6 -> swapValue(bytes);
        case 7 -> insert(bytes, text(randomUnicode()));
        case 8 -> nest(bytes);
        case 9 -> lines(bytes, Edit.INSERT);
        default ->
          insert(
              bytes,
              new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // a surrogate in raw UTF-8
      };
    }

    private enum Edit {
      DELETE,
      DUPLICATE,
      INDENT,
      INSERT
    }

    private byte[] flipByte(byte[] bytes) {
      byte[] copy = bytes.clone();
      copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
      return copy;
    }

    private byte[] lines(byte[] bytes, Edit edit) {
      List<String> lines =
          new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
      if (lines.isEmpty()) {
        lines.add("");
      }
      int at = random.nextInt(lines.size());
      switch (edit) {
        case DELETE -> lines.remove(at);
        case DUPLICATE -> lines.add(at, lines.get(at));
        case INDENT -> {
          String line = lines.get(at);
          int shift = random.nextInt(7) - 3;
          lines.set(
              at,
              shift >= 0
                  ? " ".repeat(shift) + line
                  : line.replaceFirst("^ {1," + -shift + "}", ""));
          if (lines.size() > 1 && random.nextBoolean()) {
            int other = random.nextInt(lines.size());
            lines.set(other, lines.set(at, lines.get(other)));
          }
        }
        default -> lines.add(at, pick(LINES));
      }
      return text(String.join("\n", lines) + "\n");
    }

    /** A value after a "key: " replaced by one of another type, or a huge or odd one. */
    private byte[] swapValue(byte[] bytes) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      List<int[]> spots = new ArrayList<>();
      var matcher = Pattern.compile("(?m)(:\\s+)([^\\s,}\\]\\[{][^,}\\]\\n]*)").matcher(text);
      while (matcher.find()) {
        spots.add(new int[] {matcher.start(2), matcher.end(2)});
      }
      if (spots.isEmpty()) {
        return insert(bytes, text(pick(VALUES)));
      }
      int[] spot = spots.get(random.nextInt(spots.size()));
      return text(text.substring(0, spot[0]) + pick(VALUES) + text.substring(spot[1]));
    }

    /** Brackets around a value, up to far deeper than any parser limit. */
    private byte[] nest(byte[] bytes) {
      int depth = 1 + random.nextInt(random.nextBoolean() ? 30 : 3000);
      boolean map = random.nextBoolean();
      String open = map ? "{a: " : "[";
      String close = map ? "}" : "]";
      String text = new String(bytes, StandardCharsets.UTF_8);
      int colon = text.indexOf(": ", random.nextInt(Math.max(1, text.length())));
      if (colon < 0) {
        colon = text.indexOf(": ");
      }
      String nested = open.repeat(depth) + "1" + close.repeat(depth);
      if (colon < 0) {
        return text(text + "x: " + nested + "\n");
      }
      int end = text.indexOf('\n', colon);
      end = end < 0 ? text.length() : end;
      return text(text.substring(0, colon + 2) + nested + text.substring(end));
    }

    private String randomUnicode() {
      StringBuilder out = new StringBuilder();
      int count = 1 + random.nextInt(4);
      for (int i = 0; i < count; i++) {
        out.append(
            switch (random.nextInt(6)) {
              case 0 ->
                "\\uD800"; // as an escape: the one way a lone surrogate gets into a parsed string
              case 1 -> "\u0000";
              case 2 -> "\u202E";
              case 3 -> "\uFFFE";
              case 4 -> new String(Character.toChars(0x1F600 + random.nextInt(80)));
              default -> new String(Character.toChars(0x80 + random.nextInt(0x2000)));
            });
      }
      return out.toString();
    }

    private byte[] insert(byte[] bytes, byte[] piece) {
      int at = random.nextInt(bytes.length + 1);
      byte[] out = new byte[bytes.length + piece.length];
      System.arraycopy(bytes, 0, out, 0, at);
      System.arraycopy(piece, 0, out, at, piece.length);
      System.arraycopy(bytes, at, out, at + piece.length, bytes.length - at);
      return out;
    }

    private String pick(String[] options) {
      return options[random.nextInt(options.length)];
    }

    private static byte[] text(String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }
}
