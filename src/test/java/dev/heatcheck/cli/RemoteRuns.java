package dev.heatcheck.cli;

import static org.testng.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heatcheck.internal.events.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the remote-browser tests share: the servers they start for real on 127.0.0.1 (each a child
 * process, stopped with every process under it), the small crowd they run, and its findings.
 */
final class RemoteRuns {
  /** A dead button clicked once and a working one clicked in a rage burst, by three visitors. */
  static final String CROWD = """
      name: remote-crowd
      url: /
      visitors: 3
      steps:
        - click: "#ok"
        - click: "#dead"
        - click: {selector: "#ok", times: 4, interval: 150}
      """;

  /** Each visitor's second click never returns; the step deadline must end it, and the run. */
  static final String FREEZE = """
      name: remote-freeze
      url: /
      visitors: 2
      timeouts: {step: 5000}
      steps:
        - click: "#ok"
        - click: "#freeze"
      """;

  private RemoteRuns() {}

  record Run(int code, String out, String err, Path dir) {
    JsonNode summary() {
      try {
        return Json.mapper().readTree(dir.resolve("summary.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Each finding as kind, page, viewport, selector and count, in a stable order. */
    List<String> findings() {
      TreeMap<String, String> sorted = new TreeMap<>();
      for (JsonNode f : summary().path("findings")) {
        String key = f.path("kind").asText() + " " + f.path("page").asText() + " "
            + f.path("viewport").asText() + " " + f.path("selector").asText();
        sorted.put(key, key + " x" + f.path("count").asInt());
      }
      return new ArrayList<>(sorted.values());
    }

    @Override
    public String toString() {
      return "exit " + code + "\n" + out + "\n" + err;
    }
  }

  static Run run(Path dir, String name, String scenario, String baseUrl, String... remote)
      throws IOException {
    Path file = Files.writeString(dir.resolve(name + ".yaml"), scenario);
    Path out = dir.resolve(name + "-out");
    List<String> args = new ArrayList<>(
        List.of("run", "--base-url", baseUrl, "--out", out.toString(), "--no-install"));
    args.addAll(List.of(remote));
    args.add(file.toString());
    StringWriter err = new StringWriter();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream before = System.out;
    int code;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    try {
      code = Main.execute(
          args.toArray(String[]::new),
          new PrintWriter(System.out, true),
          new PrintWriter(err, true));
    } finally {
      System.setOut(before);
    }
    return new Run(code, console.toString(StandardCharsets.UTF_8), err.toString(), out);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  /**
   * Starts {@code java -cp <this JVM's class path> mainClass args...}, its output in {@code log},
   * and waits until it listens on {@code port}.
   */
  static Process startJava(Path log, int port, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    // the Playwright server must not try to download browsers; it is told which one to use
    builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    Process process = builder.start();
    long end = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            mainClass + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
        return process;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    stop(process);
    throw new IllegalStateException(
        mainClass + " did not listen on " + port + " within 120 s:\n" + Files.readString(log));
  }

  /**
   * Stops a process and every process under it (killing run-server's java leaves its node child
   * running; a Grid's chromedriver and Chromium are its children too), and waits for them.
   */
  static void stop(Process process) {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : tree) {
      try {
        p.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // checked below
      }
    }
    assertTrue(tree.stream().noneMatch(ProcessHandle::isAlive), "every process stopped: " + tree);
  }

  /** The processes under {@code process} whose command line holds {@code part}. */
  static List<ProcessHandle> under(Process process, String part) {
    return process
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(part) || proc(p).contains(part))
        .toList();
  }

  /** Waits up to 30 s for no process under {@code process} to hold {@code part}; returns those left. */
  static List<ProcessHandle> awaitNone(Process process, String part) throws InterruptedException {
    long end = System.currentTimeMillis() + 30_000;
    List<ProcessHandle> left = under(process, part);
    while (!left.isEmpty() && System.currentTimeMillis() < end) {
      Thread.sleep(200);
      left = under(process, part);
    }
    return left;
  }

  private static String proc(ProcessHandle p) {
    try {
      return new String(
              Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")),
              StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }
}
