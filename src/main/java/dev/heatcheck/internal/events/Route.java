package dev.heatcheck.internal.events;

/**
 * The page a view shows: its URL path, plus the hash when the hash is a route of a hash-routed app
 * ({@code #/install}, {@code #!/install}). A hash that only scrolls to an anchor ({@code #pricing}) is not
 * a page of its own.
 */
public final class Route {
  private Route() {}

  /** The page of a URL whose path is {@code path}: {@code /index.html#/config}, or the path alone. */
  public static String of(String url, String path) {
    if (path == null || path.indexOf('#') >= 0 || url == null) {
      return path;
    }
    int hash = url.indexOf('#');
    if (hash < 0) {
      return path;
    }
    String fragment = url.substring(hash + 1);
    if (fragment.startsWith("/") || fragment.startsWith("!/")) {
      // the route's own query (#/search?q=…) is the route's state, as a path's query is
      int query = fragment.indexOf('?');
      return path + "#" + (query < 0 ? fragment : fragment.substring(0, query));
    }
    return path;
  }
}
