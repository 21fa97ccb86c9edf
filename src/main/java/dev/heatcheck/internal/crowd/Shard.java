package dev.heatcheck.internal.crowd;

import dev.heatcheck.result.HeatcheckException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One contiguous share of a run's visitors ({@code --shard I/N}, 1-based), as Playwright Test splits
 * its tests: shard I of N takes the planned visits from floor((I-1)·T/N) up to floor(I·T/N) of T, so
 * the N shards together hold every visit once.
 */
public record Shard(int index, int count) {
  /** The whole run: one shard of one. */
  public static final Shard WHOLE = new Shard(1, 1);

  private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("shard " + index + "/" + count);
    }
  }

  /** "2/4" is the second shard of four. */
  public static Shard parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (m.matches()) {
      int index = Integer.parseInt(m.group(1));
      int count = Integer.parseInt(m.group(2));
      if (count >= 1 && index >= 1 && index <= count) {
        return new Shard(index, count);
      }
    }
    throw new HeatcheckException(
        "--shard: expected I/N with 1 <= I <= N, such as 2/4, got \"" + text + "\"");
  }

  public boolean isWhole() {
    return count == 1;
  }

  /** The first of {@code total} visits this shard plays (0-based). */
  public int from(int total) {
    return (int) ((long) (index - 1) * total / count);
  }

  /** One past the last of {@code total} visits this shard plays. */
  public int to(int total) {
    return (int) ((long) index * total / count);
  }

  /** This shard's share of {@code all}, in order. */
  public <T> List<T> of(List<T> all) {
    return all.subList(from(all.size()), to(all.size()));
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
