package dev.heatcheck.internal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.events.Json;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * heatmap.js as published on the npm registry, installed with the machine's npm into a cache folder
 * and reused from there on later runs.
 */
final class HeatmapJsPackage {
  static final String NAME = "heatmap.js";
  static final String VERSION = "2.0.5";
  private static final long NPM_TIMEOUT_MINUTES = 5;
  private static final String NPM_FIX =
      "install Node.js with npm (Debian/Ubuntu: sudo apt-get install -y npm) and run again";

  private final Path script;
  private final boolean cached;

  private HeatmapJsPackage(Path script, boolean cached) {
    this.script = script;
    this.cached = cached;
  }

  /** The minified build of heatmap.js 2.0.5 under {@code cache}, installing it there first if needed. */
  static HeatmapJsPackage fetch(Path cache, PrintStream progress) {
    Path packageDir = cache.resolve("node_modules").resolve(NAME);
    Path script = packageDir.resolve("build").resolve("heatmap.min.js");
    if (Files.isRegularFile(script) && VERSION.equals(installedVersion(packageDir))) {
      return new HeatmapJsPackage(script, true);
    }
    progress.println(
        "heatcheck: installing " + NAME + "@" + VERSION + " from the npm registry into " + cache);
    install(cache);
    String installed = installedVersion(packageDir);
    if (!Files.isRegularFile(script) || !VERSION.equals(installed)) {
      throw new HeatcheckException(
          "npm installed " + NAME + " " + installed + " without build/heatmap.min.js into " + cache
              + "; expected version " + VERSION + "; delete that folder and run again");
    }
    return new HeatmapJsPackage(script, false);
  }

  Path script() {
    return script;
  }

  /** Whether an earlier run had installed it already. */
  boolean cached() {
    return cached;
  }

  String source() {
    try {
      return Files.readString(script, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HeatcheckException("cannot read " + script + ": " + e.getMessage(), e);
    }
  }

  private static void install(Path cache) {
    Path log = cache.resolve("npm-install.log");
    List<String> command = List.of(
        npm(),
        "install",
        "--prefix",
        cache.toString(),
        "--no-save",
        "--no-package-lock",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        NAME + "@" + VERSION);
    Process process;
    try {
      Files.createDirectories(cache);
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("Cannot run program")) {
        throw new HeatcheckException("npm not found; the report bench gets " + NAME + " " + VERSION
            + " from the npm registry with it: " + NPM_FIX);
      }
      throw new HeatcheckException(
          "cannot run npm to install " + NAME + " into " + cache + ": " + e.getMessage(), e);
    }
    try {
      if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new HeatcheckException(
            "npm install " + NAME + "@" + VERSION + " took over " + NPM_TIMEOUT_MINUTES
                + " minutes; check the network or the npm registry setting (npm config get registry), see "
                + log);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new HeatcheckException("interrupted while installing " + NAME, e);
    }
    if (process.exitValue() != 0) {
      throw new HeatcheckException(
          "npm install " + NAME + "@" + VERSION + " failed (exit " + process.exitValue()
              + "): " + lastError(log)
              + "; check the network or the npm registry setting (npm config get registry), see "
              + log);
    }
  }

  private static String npm() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
        ? "npm.cmd"
        : "npm";
  }

  private static String installedVersion(Path packageDir) {
    Path manifest = packageDir.resolve("package.json");
    if (!Files.isRegularFile(manifest)) {
      return "(none)";
    }
    try {
      JsonNode json = Json.mapper().readTree(manifest.toFile());
      return json.path("version").asText("(no version)");
    } catch (IOException e) {
      return "(unreadable package.json)";
    }
  }

  /** npm's first two "npm error" lines, which name the code and the cause, or its last line of any kind. */
  private static String lastError(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty())
          .toList();
      List<String> errors = lines.stream()
          .filter(line -> line.startsWith("npm error") || line.startsWith("npm ERR!"))
          .limit(2)
          .toList();
      if (!errors.isEmpty()) {
        return String.join("; ", errors);
      }
      return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    } catch (IOException e) {
      return "no output";
    }
  }
}
