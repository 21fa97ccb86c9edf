package dev.heatcheck.internal.crowd;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells how a crowd goes while it runs: visitors done of all, the rate, the time left, the failures. On a
 * terminal one line, rewritten in place; in a log (CI, a file) a plain line every few seconds, since a
 * log cannot rewrite and a line per visitor would bury everything else. A run of one visitor tells
 * nothing: it has no rate to speak of.
 */
public final class Progress {
  /** Tells nothing. */
  public static final Progress NONE = new Progress(null, false, 0);

  static final long LOG_EVERY_MS = 5_000;
  /** In a log, the longest silence while no visitor ends: long visits are not mistaken for a hang. */
  static final long LOG_QUIET_MAX_MS = 30_000;

  private static final long LIVE_EVERY_MS = 1_000;

  private final PrintStream out;
  private final boolean live;
  private final long everyMs;
  private ScheduledExecutorService ticker;
  private long started;
  private int total;
  private int workers;
  private int done;
  private int failed;
  private int shown;
  private int toldDone;
  private long toldAt;

  private Progress(PrintStream out, boolean live, long everyMs) {
    this.out = out;
    this.live = live;
    this.everyMs = everyMs;
  }

  /** On {@code out}: one live line when this process has a terminal, else a line every 5 s. */
  public static Progress on(PrintStream out) {
    boolean terminal = terminal();
    return new Progress(out, terminal, terminal ? LIVE_EVERY_MS : LOG_EVERY_MS);
  }

  /**
   * Whether this process writes to a terminal. Up to Java 21 it has a console only then; from Java 22 a
   * console is there with redirected streams too, and says whether it is a terminal.
   */
  private static boolean terminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException | ClassCastException e) {
      return true;
    }
  }

  /** One line on {@code out}, rewritten at each visit's end and every {@code everyMs}, as on a terminal. */
  static Progress live(PrintStream out, long everyMs) {
    return new Progress(out, true, everyMs);
  }

  /** Plain lines on {@code out} every {@code everyMs}, as in a log. */
  static Progress lines(PrintStream out, long everyMs) {
    return new Progress(out, false, everyMs);
  }

  synchronized void start(int visits, int workerCount) {
    if (out == null || visits <= 1) {
      return;
    }
    total = visits;
    workers = workerCount;
    started = System.currentTimeMillis();
    toldAt = started;
    ticker = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "heatcheck-progress");
      thread.setDaemon(true);
      return thread;
    });
    ticker.scheduleAtFixedRate(this::tell, everyMs, everyMs, TimeUnit.MILLISECONDS);
  }

  /** One visit ended (played or skipped). */
  synchronized void ended(boolean failure) {
    done++;
    failed += failure ? 1 : 0;
    if (live && ticker != null) {
      tell();
    }
  }

  synchronized void finish() {
    if (ticker == null) {
      return;
    }
    ticker.shutdownNow();
    ticker = null;
    String line = line(System.currentTimeMillis());
    out.print(live ? "\r" + padded(line) + System.lineSeparator() : line + System.lineSeparator());
    out.flush();
  }

  private void tell() {
    tell(System.currentTimeMillis());
  }

  /**
   * A terminal's line is rewritten each time; a log gets a line only when visitors ended since the last
   * one, or when it has been quiet for {@link #LOG_QUIET_MAX_MS}: a line repeating "0/200 done" every
   * few seconds while the first visitors play tells nothing.
   */
  synchronized void tell(long now) {
    if (ticker == null) {
      return;
    }
    if (live) {
      out.print("\r" + padded(line(now)));
    } else if (done != toldDone || now - toldAt >= LOG_QUIET_MAX_MS) {
      out.println(line(now));
      toldDone = done;
      toldAt = now;
    }
    out.flush();
  }

  /** Wide enough to cover the line before, which a carriage return does not erase. */
  private String padded(String line) {
    String text = line.length() < shown ? line + " ".repeat(shown - line.length()) : line;
    shown = line.length();
    return text;
  }

  /** e.g. "Visitors 12/40 done on 4 workers, 9.5/min, about 2m 57s left, 1 failed". */
  String line(long now) {
    double minutes = Math.max(1, now - started) / 60_000.0;
    double rate = done / minutes;
    StringBuilder line = new StringBuilder(String.format(
        Locale.ROOT, "Visitors %d/%d done on %d worker(s), %.1f/min", done, total, workers, rate));
    if (done < total) {
      line.append(
          done == 0
              ? ", time left not known yet"
              : ", about " + duration((long) ((total - done) / rate * 60_000)) + " left");
    } else {
      line.append(", in ").append(duration(now - started));
    }
    line.append(", ").append(failed).append(" failed");
    return line.toString();
  }

  static String duration(long ms) {
    long s = Math.round(ms / 1000.0);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + "s";
  }
}
