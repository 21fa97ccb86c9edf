package dev.heatcheck;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import com.microsoft.playwright.Page;
import dev.heatcheck.internal.demo.DemoSite;
import dev.heatcheck.internal.demo.LocalServer;
import dev.heatcheck.testing.BrowserTest;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The ```java blocks of README's "Java API" section, compiled as written against the project's classes and
 * their dependencies, then run against the bundled demo shop: what a reader copies must work. A block the
 * README follows with a failure message must fail with it.
 */
@Test(groups = BrowserTest.GROUP)
public class ReadmeExamplesTest extends BrowserTest {
  private static final Path README = Path.of("README.md");
  private static final String SECTION = "## Java API";
  /** The base URL the README's examples use for "your site". */
  private static final String EXAMPLE_URL = "http://127.0.0.1:8080";

  private static final Path OUT = Path.of("target", "readme-examples");
  private static final Path REPORTS = Path.of("reports");

  /** One ```java block: its code, the README line of its opening fence, the failure the README shows after it. */
  record Block(int line, List<String> code, String failure) {
    @Override
    public String toString() {
      return "README.md:" + line;
    }
  }

  /** A block as a class: its own imports and those of the blocks before it, its statements in a method. */
  record Unit(String className, String source, int bodyStart, Block block) {}

  private Result previous;

  @Override
  protected LocalServer serve() {
    return DemoSite.start();
  }

  @DataProvider
  public Object[][] blocks() throws IOException {
    return javaBlocks(Files.readAllLines(README)).stream()
        .map(b -> new Object[] {b})
        .toArray(Object[][]::new);
  }

  @Test
  public void the_java_api_section_has_examples() throws IOException {
    assertFalse(
        javaBlocks(Files.readAllLines(README)).isEmpty(), "no ```java block under " + SECTION);
  }

  @Test(dataProvider = "blocks", dependsOnMethods = "the_java_api_section_has_examples")
  public void each_example_compiles_and_runs_as_written(Block block) throws Throwable {
    List<Block> all = javaBlocks(Files.readAllLines(README));
    Unit unit = unit(all, all.indexOf(block), server.baseUrl());
    Method example = compile(unit);
    if (block.failure() == null) {
      previous = runInReportsSandbox(example, unit);
    } else {
      AssertionError error =
          expectThrows(AssertionError.class, () -> runInReportsSandbox(example, unit));
      assertEquals(
          error.getMessage().lines().findFirst().orElse(""),
          block.failure(),
          block
              + ": the failure the README shows after this example, first line; the whole message:\n"
              + error.getMessage());
    }
  }

  /** The test itself fails on a broken example: a misspelt method, with the README line and the compiler's words. */
  @Test
  public void a_broken_example_fails_with_the_readme_line_and_the_diagnostics() {
    Block broken = new Block(
        42, List.of("import dev.heatcheck.Heatcheck;", "", "Heatcheck.runn(null, \"x\");"), null);
    AssertionError error = expectThrows(
        AssertionError.class, () -> compile(unit(List.of(broken), 0, "http://unused")));
    assertTrue(error.getMessage().startsWith("README.md:45: "), error.getMessage());
    assertTrue(error.getMessage().contains("cannot find symbol"), error.getMessage());
    assertTrue(error.getMessage().contains("Heatcheck.runn"), error.getMessage());
  }

  /** The ```java blocks between "## Java API" and the next "## ", each with the failure message shown after it. */
  static List<Block> javaBlocks(List<String> readme) {
    int start = readme.indexOf(SECTION);
    assertTrue(start >= 0, "README.md has no \"" + SECTION + "\" section");
    List<Block> blocks = new ArrayList<>();
    for (int i = start + 1; i < readme.size() && !readme.get(i).startsWith("## "); i++) {
      if (!readme.get(i).startsWith("```")) {
        continue;
      }
      int fence = i;
      int end = fenceEnd(readme, fence);
      if (readme.get(fence).equals("```java")) {
        blocks.add(new Block(fence + 1, readme.subList(fence + 1, end), null));
      } else if (!blocks.isEmpty()
          && blocks.get(blocks.size() - 1).failure() == null
          && followsBlock(readme, blocks.get(blocks.size() - 1), fence)
          && end > fence + 1
          && readme.get(fence + 1).startsWith("Expecting ")) {
        Block last = blocks.remove(blocks.size() - 1);
        blocks.add(new Block(last.line(), last.code(), readme.get(fence + 1)));
      }
      i = end;
    }
    return blocks;
  }

  private static int fenceEnd(List<String> readme, int fence) {
    for (int j = fence + 1; j < readme.size(); j++) {
      if (readme.get(j).equals("```")) {
        return j;
      }
    }
    throw new AssertionError("README.md:" + (fence + 1) + ": a code block that is never closed");
  }

  /** Whether no other code block stands between {@code block} and the fence at {@code fence}. */
  private static boolean followsBlock(List<String> readme, Block block, int fence) {
    int blockEnd = block.line() + block.code().size(); // the 0-based index of its closing fence
    return readme.subList(blockEnd + 1, fence).stream().noneMatch(l -> l.startsWith("```"));
  }

  /**
   * Block {@code index} as a compilation unit: the imports of it and the blocks before it (a reader's file
   * grows block by block), its statements in {@code run(page, result)}, where {@code page} and {@code result}
   * are parameters only when the block uses them without declaring them.
   */
  static Unit unit(List<Block> blocks, int index, String baseUrl) {
    Block block = blocks.get(index);
    Set<String> imports = new LinkedHashSet<>();
    for (int i = 0; i <= index; i++) {
      blocks.get(i).code().stream().filter(l -> l.startsWith("import ")).forEach(imports::add);
    }
    List<String> body = block.code().stream()
        .map(l -> l.startsWith("import ") ? "" : l.replace(EXAMPLE_URL, baseUrl))
        .toList();
    String code = String.join("\n", body);
    List<String> params = new ArrayList<>();
    if (free(code, "page")) {
      params.add("com.microsoft.playwright.Page page");
    }
    if (free(code, "result")) {
      params.add("dev.heatcheck.Result result");
    }
    boolean returnsResult = body.stream().anyMatch(l -> l.startsWith("Result result ="));
    String className = "ReadmeExample" + block.line();
    String header = String.join("\n", imports) + "\n\npublic class " + className + " {\n"
        + "  public static Object run(" + String.join(", ", params) + ") throws Exception {\n";
    String source =
        header + code + "\n" + (returnsResult ? "return result;" : "return null;") + "\n  }\n}\n";
    return new Unit(className, source, (int) header.lines().count(), block);
  }

  private static boolean free(String code, String name) {
    return Pattern.compile("\\b" + name + "\\b").matcher(code).find()
        && !Pattern.compile("\\b(?:[A-Z]\\w*|var)\\s+" + name + "\\s*[=;)]")
            .matcher(code)
            .find();
  }

  /** Compiles the unit against the test classpath (the project's classes and dependencies), or fails. */
  static Method compile(Unit unit) throws IOException, ReflectiveOperationException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertTrue(compiler != null, "no Java compiler: run the tests on a JDK");
    Path classes = Files.createDirectories(OUT.resolve("classes"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject source =
        new SimpleJavaFileObject(
            URI.create("string:///" + unit.className() + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return unit.source();
          }
        };
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
      boolean ok = compiler
          .getTask(out, files, diagnostics, options, null, List.of(source))
          .call();
      if (!ok) {
        throw new AssertionError(describe(unit, diagnostics.getDiagnostics()) + out);
      }
    }
    ClassLoader loader = new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, ReadmeExamplesTest.class.getClassLoader());
    Class<?> compiled = Class.forName(unit.className(), true, loader);
    return Stream.of(compiled.getMethods())
        .filter(m -> m.getName().equals("run"))
        .findFirst()
        .orElseThrow();
  }

  /** Each error at its README line: the block's fence line plus the line within the block. */
  private static String describe(
      Unit unit, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    List<String> source = unit.source().lines().toList();
    return diagnostics.stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> {
          int line = (int) d.getLineNumber();
          String at = line > unit.bodyStart()
                  && line <= unit.bodyStart() + unit.block().code().size()
              ? "README.md:" + (unit.block().line() + line - unit.bodyStart())
              : unit.block() + " (generated line " + line + ")";
          String text =
              line >= 1 && line <= source.size() ? source.get(line - 1).strip() : "";
          return at + ": " + d.getMessage(Locale.ROOT) + "\n    " + text;
        })
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /**
   * Runs the example with this test's page and the previous example's result. An example that writes into
   * reports/ (the default of {@code Heatcheck.run} and {@code record}) runs as written, and its new run folders
   * are moved under target/readme-examples/, so the working tree keeps only what it had.
   */
  private Result runInReportsSandbox(Method example, Unit unit) throws Throwable {
    boolean hadReports = Files.isDirectory(REPORTS);
    Set<Path> before = runFolders();
    List<Object> args = new ArrayList<>();
    for (Class<?> type : example.getParameterTypes()) {
      args.add(type == Page.class ? page() : previous);
    }
    try {
      return (Result) example.invoke(null, args.toArray());
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      Path kept = Files.createDirectories(OUT.resolve("runs").resolve(unit.className()));
      for (Path run : runFolders()) {
        if (!before.contains(run)) {
          Files.move(run, kept.resolve(run.getFileName()));
        }
      }
      if (!hadReports && Files.isDirectory(REPORTS)) {
        try (Stream<Path> left = Files.list(REPORTS)) {
          if (left.findAny().isEmpty()) {
            Files.delete(REPORTS);
          }
        }
      }
    }
  }

  private static Set<Path> runFolders() throws IOException {
    if (!Files.isDirectory(REPORTS)) {
      return Set.of();
    }
    try (Stream<Path> runs = Files.list(REPORTS)) {
      return runs.collect(Collectors.toSet());
    }
  }
}
