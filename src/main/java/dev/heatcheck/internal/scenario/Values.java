package dev.heatcheck.internal.scenario;

import dev.heatcheck.internal.scenario.Node.Kind;
import dev.heatcheck.internal.scenario.Node.Scalar;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Typed reads of scalar nodes. A wrong value is reported as "what: expected ..., got ..." at the
 * value and read as null, so the caller can go on and find the file's other problems.
 */
final class Values {
  private final Problems problems;

  Values(Problems problems) {
    this.problems = problems;
  }

  /** A non-blank string: selectors, URLs and names, where a number would be a slip. */
  String string(Node node, String what, String expected) {
    if (node instanceof Scalar scalar
        && scalar.kind() == Kind.STRING
        && !scalar.text().isBlank()) {
      return scalar.text();
    }
    return wrong(node, what, expected);
  }

  /** Any scalar as written: text to type or a key to press may well look like a number. */
  String text(Node node, String what, String expected, boolean mayBeEmpty) {
    if (node instanceof Scalar scalar
        && scalar.kind() != Kind.NULL
        && (mayBeEmpty || !scalar.text().isBlank())) {
      return scalar.text();
    }
    return wrong(node, what, expected);
  }

  /**
   * A relative URL (resolved against --base-url later) or an absolute http(s) one. It is parsed here,
   * as the browser side will parse it, so a URL that cannot be opened is a problem at its line, not a
   * failed run.
   */
  String url(Node node, String what, String example) {
    String expected = "a path like " + example + " or an http(s) URL";
    String url = string(node, what, expected);
    if (url == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      problems.add(
          node.at(),
          what + ": " + node.shown() + " is not a URL: " + notAllowed(url, e.getIndex()));
      return null;
    }
    if (uri.getScheme() != null && !isHttp(uri)) {
      return wrong(node, what, expected);
    }
    return url;
  }

  private static String notAllowed(String url, int index) {
    if (index < 0 || index >= url.length()) {
      return "it ends too early";
    }
    int c = url.codePointAt(index);
    String shown = c == ' '
        ? "a space"
        : Character.isISOControl(c) ? "a control character" : "\"" + Character.toString(c) + "\"";
    return shown + " at character " + (index + 1)
        + " is not allowed there; percent-encode it (a space is %20)";
  }

  /** An integer within [min, max]; the message names the range. */
  Integer integer(Node node, String what, int min, int max) {
    if (node instanceof Scalar scalar && scalar.kind() == Kind.INTEGER) {
      BigInteger value = new BigInteger(scalar.number().toString());
      if (value.compareTo(BigInteger.valueOf(min)) >= 0
          && value.compareTo(BigInteger.valueOf(max)) <= 0) {
        return value.intValue();
      }
    }
    return wrong(node, what, "an integer from " + min + " to " + max);
  }

  /** A whole number within [min, max] that may pass int's range (a seed). */
  Long whole(Node node, String what, long min, long max) {
    if (node instanceof Scalar scalar && scalar.kind() == Kind.INTEGER) {
      BigInteger value = new BigInteger(scalar.number().toString());
      if (value.compareTo(BigInteger.valueOf(min)) >= 0
          && value.compareTo(BigInteger.valueOf(max)) <= 0) {
        return value.longValue();
      }
    }
    return wrong(node, what, "an integer from " + min + " to " + max);
  }

  /** A finite number within [min, max]; the message names the range. */
  Double number(Node node, String what, long min, long max) {
    if (node instanceof Scalar scalar
        && (scalar.kind() == Kind.INTEGER || scalar.kind() == Kind.FLOAT)) {
      double value = scalar.number().doubleValue();
      if (Double.isFinite(value) && value >= min && value <= max) {
        return value;
      }
    }
    return wrong(node, what, "a number from " + min + " to " + max);
  }

  /** true or false, unquoted. */
  Boolean bool(Node node, String what) {
    if (node instanceof Scalar scalar && scalar.kind() == Kind.BOOLEAN) {
      return Boolean.parseBoolean(scalar.text());
    }
    return wrong(node, what, "true or false");
  }

  /** Any finite number; {@code min} is null when negative numbers are fine. */
  Double number(Node node, String what, Integer min) {
    if (node instanceof Scalar scalar
        && (scalar.kind() == Kind.INTEGER || scalar.kind() == Kind.FLOAT)) {
      double value = scalar.number().doubleValue();
      if (Double.isFinite(value) && (min == null || value >= min)) {
        return value;
      }
    }
    return wrong(node, what, min == null ? "a number" : "a number >= " + min);
  }

  <T> T wrong(Node node, String what, String expected) {
    problems.add(node.at(), what + ": expected " + expected + ", got " + node.shown());
    return null;
  }

  private static boolean isHttp(URI uri) {
    String scheme = uri.getScheme();
    return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        && uri.getHost() != null;
  }
}
