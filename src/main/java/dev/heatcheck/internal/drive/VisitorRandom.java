package dev.heatcheck.internal.drive;

import dev.heatcheck.result.HeatcheckException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a visitor's random draws come from: a generator derived only from the run's seed, the scenario's
 * name, the viewport's label and the visitor's number. Never from its worker, its shard, the order visits
 * are played in or the clock, so the same seed gives every visitor the same choices, pauses and click
 * positions however a crowd is spread over workers and machines.
 */
public final class VisitorRandom {
  /** Picked seeds stay short enough to read back from a report and type after --seed. */
  static final long PICKED_BELOW = 1_000_000_000L;

  /** The largest seed: what JSON numbers and the scenario format hold exactly (2^53 - 1). */
  public static final long MAX_SEED = (1L << 53) - 1;

  /** The system property that sets the seed of runs started from Java or TestNG. */
  public static final String PROPERTY = "heatcheck.seed";

  private VisitorRandom() {}

  /** The seed {@value #PROPERTY} sets, or null when it is not set. */
  public static Long fromProperty() {
    String value = System.getProperty(PROPERTY);
    return value == null || value.isBlank() ? null : parseSeed(value, PROPERTY);
  }

  /**
   * A seed as the user wrote it.
   *
   * @param where what to name in the message, e.g. "heatcheck.seed"
   */
  public static long parseSeed(String text, String where) {
    String value = text.strip();
    if (value.matches("\\d{1,16}")) {
      long seed = Long.parseLong(value);
      if (seed <= MAX_SEED) {
        return seed;
      }
    }
    throw new HeatcheckException(
        where + ": expected an integer from 0 to " + MAX_SEED + ", got \"" + text + "\"");
  }

  /** The generator of one visitor (1-based). */
  public static SplittableRandom of(long seed, String scenario, String viewport, int visitor) {
    return new SplittableRandom(mix(seed, scenario, viewport, visitor));
  }

  /**
   * The generator's own seed: a SHA-256 of the four, each string length-prefixed so that no two
   * different (scenario, viewport) pairs write the same bytes.
   */
  static long mix(long seed, String scenario, String viewport, int visitor) {
    byte[] name = scenario.getBytes(StandardCharsets.UTF_8);
    byte[] label = viewport.getBytes(StandardCharsets.UTF_8);
    ByteBuffer bytes = ByteBuffer.allocate(8 + 4 + name.length + 4 + label.length + 4);
    bytes.putLong(seed).putInt(name.length).put(name).putInt(label.length).put(label);
    bytes.putInt(visitor);
    return ByteBuffer.wrap(sha256(bytes.array())).getLong();
  }

  /** A seed for a run that was given none; the run records it, so it can be played again. */
  public static long pick() {
    return ThreadLocalRandom.current().nextLong(PICKED_BELOW);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
