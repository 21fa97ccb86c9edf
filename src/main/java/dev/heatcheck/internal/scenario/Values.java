package dev.heatcheck.internal.scenario;

import dev.heatcheck.internal.scenario.Node.Kind;
import dev.heatcheck.internal.scenario.Node.Scalar;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Typed reads of scalar nodes. A wrong value is reported as "what: expected ..., got ..." at the
 * value and read as null, so the caller can go on and find the file's other problems.
 */
final class Values {
  private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  private final Problems problems;

  Values(Problems problems) {
    this.problems = problems;
  }

  /** A non-blank string: selectors, URLs and names, where a number would be a slip. */
  String string(Node node, String what, String expected) {
    if (node instanceof Scalar scalar && scalar.kind() == Kind.STRING && !scalar.text().isBlank()) {
      return scalar.text();
    }
    return wrong(node, what, expected);
  }

  /** Any scalar as written: text to type or a key to press may well look like a number. */
  String text(Node node, String what, String expected, boolean mayBeEmpty) {
    if (node instanceof Scalar scalar && scalar.kind() != Kind.NULL && (mayBeEmpty || !scalar.text().isBlank())) {
      return scalar.text();
    }
    return wrong(node, what, expected);
  }

  /** A relative URL (resolved against --base-url later) or an absolute http(s) one. */
  String url(Node node, String what, String example) {
    String expected = "a path like " + example + " or an http(s) URL";
    String url = string(node, what, expected);
    if (url != null && HAS_SCHEME.matcher(url).matches() && !isHttpUrl(url)) {
      return wrong(node, what, expected);
    }
    return url;
  }

  Integer integer(Node node, String what, int min) {
    if (node instanceof Scalar scalar && scalar.kind() == Kind.INTEGER) {
      BigInteger value = new BigInteger(scalar.number().toString());
      if (value.compareTo(BigInteger.valueOf(min)) >= 0 && value.bitLength() < Integer.SIZE) {
        return value.intValue();
      }
    }
    return wrong(node, what, "an integer >= " + min);
  }

  /** An integer within [min, max]; the message names the range. */
  Integer integer(Node node, String what, int min, int max) {
    if (node instanceof Scalar scalar && scalar.kind() == Kind.INTEGER) {
      BigInteger value = new BigInteger(scalar.number().toString());
      if (value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0) {
        return value.intValue();
      }
    }
    return wrong(node, what, "an integer from " + min + " to " + max);
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
    if (node instanceof Scalar scalar && (scalar.kind() == Kind.INTEGER || scalar.kind() == Kind.FLOAT)) {
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

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
