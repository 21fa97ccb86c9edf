package dev.heatcheck.internal.scenario;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A URL path pattern that pages aggregate under: {@code :name} stands for one path segment and a final
 * {@code *} for the rest, so /product/17 and /product/42 both count as {@code /product/:id}.
 */
public final class PagePattern {
  private static final Pattern VALID = Pattern.compile(
      "/([^/*:?#]+|:[A-Za-z_][A-Za-z0-9_]*)?(/([^/*:?#]+|:[A-Za-z_][A-Za-z0-9_]*))*(/\\*)?/?|/\\*");

  private PagePattern() {}

  public static boolean isValid(String pattern) {
    return VALID.matcher(pattern).matches();
  }

  /** The first pattern that matches the path, or the path itself. */
  public static String group(List<String> patterns, String path) {
    for (String pattern : patterns) {
      if (matches(pattern, path)) {
        return pattern;
      }
    }
    return path;
  }

  static boolean matches(String pattern, String path) {
    String[] want = trim(pattern).split("/", -1);
    String[] have = trim(path).split("/", -1);
    for (int i = 0; i < want.length; i++) {
      if (want[i].equals("*")) {
        return true;
      }
      if (i >= have.length
          || !(want[i].startsWith(":") ? !have[i].isEmpty() : want[i].equals(have[i]))) {
        return false;
      }
    }
    return want.length == have.length;
  }

  /** A trailing slash does not make another page. */
  private static String trim(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
