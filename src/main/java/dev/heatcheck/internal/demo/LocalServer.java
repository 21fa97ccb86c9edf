package dev.heatcheck.internal.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.heatcheck.result.HeatcheckException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;

/**
 * Serves pages from the classpath on 127.0.0.1 and a free port, for the demo shop and for tests.
 *
 * <p>Only loopback is bound, so a demo or fixture is never reachable from the network.
 */
public final class LocalServer implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "json", "application/json; charset=utf-8",
      "svg", "image/svg+xml; charset=utf-8",
      "txt", "text/plain; charset=utf-8",
      "png", "image/png");
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService executor;
  private final ResourceHandler files;

  private LocalServer(HttpServer server, ExecutorService executor, ResourceHandler files) {
    this.server = server;
    this.executor = executor;
    this.files = files;
  }

  /**
   * Starts a server whose "/" serves the classpath resources under {@code classpathRoot}: "/" and
   * directories give index.html, "/x" gives "x" or else "x.html".
   */
  public static LocalServer serve(String classpathRoot) {
    return serve(classpathRoot, 0);
  }

  /** The same on a given port of 127.0.0.1; 0 for any free one. */
  public static LocalServer serve(String classpathRoot, int port) {
    String root = classpathRoot.replaceAll("^/+|/+$", "");
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = LocalServer.class.getClassLoader();
    }
    if (loader.getResource(root.isEmpty() ? "" : root + "/") == null) {
      throw new HeatcheckException("Nothing to serve: classpath root '"
          + root
          + "' not found; put the pages under"
          + " src/main/resources/"
          + root
          + " or src/test/resources/"
          + root);
    }
    HttpServer server;
    try {
      server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    } catch (IOException e) {
      throw new HeatcheckException(
          "Could not start a local HTTP server on 127.0.0.1" + (port == 0 ? "" : ":" + port) + ": "
              + e.getMessage(),
          e);
    }
    // Cached, not fixed: some handlers sleep for seconds and must not hold up page loads.
    ExecutorService executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "heatcheck-http-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    ResourceHandler files = new ResourceHandler(loader, root);
    server.createContext("/", files);
    server.start();
    return new LocalServer(server, executor, files);
  }

  /** Passes every HTML page served from the classpath through {@code filter} (server-side includes). */
  public LocalServer filterPages(UnaryOperator<String> filter) {
    files.pageFilter = filter;
    return this;
  }

  /**
   * Adds a handler for {@code path} and every path under it; the longest registered path wins, so
   * this takes precedence over the classpath files.
   */
  public LocalServer route(String path, HttpHandler handler) {
    server.createContext(path, handler);
    return this;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Sends a complete response with {@code Cache-Control: no-store}; a null body sends none. */
  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    // A page must be fetched anew on every visit, or a second run would see no requests.
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    boolean noBody = body == null || status == 204 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    send(exchange, status, TYPES.get("txt"), text.getBytes(StandardCharsets.UTF_8));
  }

  static String contentType(String name) {
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }

  /** Reads one classpath resource, or returns null when it is missing or not a plain file. */
  static byte[] read(ClassLoader loader, String name) {
    URL url = loader.getResource(name);
    if (url == null || isDirectory(url)) {
      return null;
    }
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // A file: URL to a directory reads as a listing of its files, which must never be served.
  private static boolean isDirectory(URL url) {
    try {
      switch (url.getProtocol()) {
        case "file":
          return Files.isDirectory(Path.of(url.toURI()));
        case "jar":
          JarEntry entry = ((JarURLConnection) url.openConnection()).getJarEntry();
          return entry == null || entry.isDirectory();
        default:
          return false;
      }
    } catch (IOException | URISyntaxException e) {
      return true;
    }
  }

  private static final class ResourceHandler implements HttpHandler {
    private final ClassLoader loader;
    private final String root;
    private volatile UnaryOperator<String> pageFilter = UnaryOperator.identity();

    ResourceHandler(ClassLoader loader, String root) {
      this.loader = loader;
      this.root = root;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
          exchange.getResponseHeaders().set("Allow", "GET, HEAD");
          sendText(exchange, 405, "Method not allowed\n");
          return;
        }
        // getPath() is already percent-decoded, so "%2e%2e" and "..%2f" arrive here as "..".
        String path = exchange.getRequestURI().getPath();
        if (path == null || !path.startsWith("/") || escapesRoot(path)) {
          sendText(exchange, 400, "Bad path\n");
          return;
        }
        String name = path.substring(1);
        for (String candidate : candidates(name)) {
          byte[] body = read(loader, root.isEmpty() ? candidate : root + "/" + candidate);
          if (body != null) {
            if (candidate.endsWith(".html")) {
              body = pageFilter
                  .apply(new String(body, StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8);
            }
            send(exchange, 200, contentType(candidate), body);
            return;
          }
        }
        sendText(exchange, 404, "Not found: " + path + "\n");
      }
    }

    private static boolean escapesRoot(String path) {
      for (String segment : path.split("/", -1)) {
        if (segment.equals("..")
            || segment.equals(".")
            || segment.contains("\\")
            || segment.indexOf('\0') >= 0) {
          return true;
        }
      }
      return false;
    }

    private static String[] candidates(String name) {
      if (name.isEmpty() || name.endsWith("/")) {
        return new String[] {name + "index.html"};
      }
      return new String[] {name, name + ".html", name + "/index.html"};
    }
  }
}
