package dev.heatcheck.internal.scenario;

import java.util.List;

/**
 * One action of a scenario. Each step keeps {@code at}, where it is written, so a failure while
 * running it can be reported as "checkout.yaml:12:5: no element matches #add".
 */
public sealed interface Step {
  Location at();

  record Goto(String url, Location at) implements Step {}

  /**
   * @param spread where on an element the click lands: the standard deviation of a normal around its
   *     centre, as a share of half the element's width and height; 0 is the exact centre. Unused for
   *     a click at x and y.
   */
  record Click(Target target, int times, int intervalMs, double spread, Location at)
      implements Step {
    /** A click on the exact centre, as code that builds steps itself asks for. */
    public Click(Target target, int times, int intervalMs, Location at) {
      this(target, times, intervalMs, 0, at);
    }
  }

  /**
   * Types {@code value}, or, when {@code feed} is not empty (a feeder), the visitor's row of it: row
   * (visitor - 1) mod its size.
   */
  record Fill(String selector, String value, List<String> feed, Location at) implements Step {
    public Fill {
      feed = feed == null ? List.of() : List.copyOf(feed);
    }

    public Fill(String selector, String value, Location at) {
      this(selector, value, List.of(), at);
    }

    /** What visitor {@code visitor} (1-based) types. */
    public String valueFor(int visitor) {
      return feed.isEmpty() ? value : feed.get(Math.floorMod(visitor - 1, feed.size()));
    }
  }

  record Hover(String selector, Location at) implements Step {}

  /**
   * A replayed pointer move ({@code hover: {locate: [...]}} or {@code hover: {x, y}}): over a located
   * element, found as a replayed click's is and reported the same way (a miss is a divergence, never a
   * failed step); or to a page point ({@link Target.At}), scrolled into view when it is not, and skipped
   * without a word when it is outside the page.
   */
  record Move(Target target, Location at) implements Step {}

  record Press(String key, Location at) implements Step {}

  record Scroll(ScrollTarget target, Location at) implements Step {}

  /** Waits either {@code ms} milliseconds or, when {@code forSelector} is set, for that element (then ms is 0). */
  record Wait(long ms, String forSelector, Location at) implements Step {}

  /** Think time: each visitor waits a whole number of ms drawn uniformly from [minMs, maxMs]. */
  record Pause(long minMs, long maxMs, Location at) implements Step {}

  /** Weighted alternatives: each visitor plays one of them, drawn with probability weight / total. */
  record Choose(List<Option> options, Location at) implements Step {
    public Choose {
      options = List.copyOf(options);
    }

    public record Option(int weight, List<Step> steps, Location at) {
      public Option {
        steps = List.copyOf(steps);
      }
    }
  }

  /** Optional steps: each visitor plays them with probability {@code p}. */
  record Maybe(double p, List<Step> steps, Location at) implements Step {
    public Maybe {
      steps = List.copyOf(steps);
    }
  }

  /** A double click (replayed recordings): two clicks the page sees as one dblclick. */
  record DoubleClick(Target target, Location at) implements Step {}

  /**
   * A replayed field value: typed text (a select's choice), or a checkbox's {@code checked}. A masked
   * recorded value ({@code masked}) has {@code value} from {@code --input}, or null when none was given
   * (then nothing is typed), and is never written to a scenario file. The value is never shown: not in messages, not by {@link #toString()}.
   */
  record Input(Target.Located target, String value, Boolean checked, boolean masked, Location at)
      implements Step {
    @Override
    public String toString() {
      return "Input[target=" + target + ", value=(not shown), checked=" + checked + ", masked="
          + masked + ", at=" + at + "]";
    }
  }
}
