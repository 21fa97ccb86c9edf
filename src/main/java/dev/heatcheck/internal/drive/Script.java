package dev.heatcheck.internal.drive;

import dev.heatcheck.internal.scenario.ScrollTarget;
import dev.heatcheck.internal.scenario.Step;
import dev.heatcheck.internal.scenario.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One visitor's steps as it plays them: every choose and maybe decided, every pause, scroll depth and
 * feeder value fixed, every click's place on its element drawn. All draws are made here, in step order,
 * before the visit starts, from the visitor's own generator ({@link VisitorRandom}), so what a visitor
 * does depends on nothing the page or the machine does.
 */
final class Script {
  /**
   * A click lands inside this share of the ellipse inscribed in the element's box: inside the element
   * even when its corners are rounded (a round button's box corners are not the button).
   */
  static final double INNER = 0.8;

  private static final int TRIES = 64;

  private Script() {}

  /**
   * One concrete step: no choose or maybe, a pause of one length, a scroll to one depth, a fill with the
   * visitor's value; {@code dx} and {@code dy} are where a click lands from its element's centre, as a
   * share of half its width and height (0 for any other step).
   */
  record Act(Step step, double dx, double dy) {
    static Act of(Step step) {
      return new Act(step, 0, 0);
    }
  }

  /** The steps of visitor {@code visitor} (1-based). */
  static List<Act> draw(List<Step> steps, int visitor, SplittableRandom random) {
    List<Act> acts = new ArrayList<>();
    draw(steps, visitor, random, acts);
    return acts;
  }

  private static void draw(List<Step> steps, int visitor, SplittableRandom random, List<Act> acts) {
    for (Step step : steps) {
      if (step instanceof Step.Choose choose) {
        draw(chosen(choose, random).steps(), visitor, random, acts);
      } else if (step instanceof Step.Maybe maybe) {
        if (random.nextDouble() < maybe.p()) {
          draw(maybe.steps(), visitor, random, acts);
        }
      } else if (step instanceof Step.Click click) {
        acts.add(aim(click, random));
      } else {
        acts.add(Act.of(fixed(step, visitor, random)));
      }
    }
  }

  /** One alternative, each with probability weight / total. */
  static Step.Choose.Option chosen(Step.Choose choose, SplittableRandom random) {
    long total = choose.options().stream().mapToLong(Step.Choose.Option::weight).sum();
    long drawn = random.nextLong(total);
    for (Step.Choose.Option option : choose.options()) {
      drawn -= option.weight();
      if (drawn < 0) {
        return option;
      }
    }
    throw new IllegalStateException("weights sum to " + total);
  }

  private static Step fixed(Step step, int visitor, SplittableRandom random) {
    if (step instanceof Step.Pause pause) {
      long ms = pause.minMs() == pause.maxMs()
          ? pause.minMs()
          : pause.minMs() + random.nextLong(pause.maxMs() - pause.minMs() + 1);
      return new Step.Pause(ms, ms, pause.at());
    } else if (step instanceof Step.Scroll scroll
        && scroll.target() instanceof ScrollTarget.Depth d) {
      double share = d.min() == d.max() ? d.min() : random.nextDouble(d.min(), d.max());
      return new Step.Scroll(new ScrollTarget.Depth(share, share), scroll.at());
    } else if (step instanceof Step.Fill fill && !fill.feed().isEmpty()) {
      return new Step.Fill(fill.selector(), fill.valueFor(visitor), fill.at());
    }
    return step;
  }

  /**
   * Where on its element a click lands: a normal around the centre with the click's spread as its
   * standard deviation, drawn again while it falls outside the inner ellipse (a truncated normal, with
   * no pile of clicks on the edge); a point or a spread of 0 is the exact spot.
   */
  private static Act aim(Step.Click click, SplittableRandom random) {
    if (click.spread() == 0 || click.target() instanceof Target.At) {
      return Act.of(click);
    }
    for (int i = 0; i < TRIES; i++) {
      double dx = random.nextGaussian() * click.spread();
      double dy = random.nextGaussian() * click.spread();
      if (dx * dx + dy * dy <= INNER * INNER) {
        return new Act(click, dx, dy);
      }
    }
    return Act.of(click); // only with a spread far wider than the element: the centre is inside it
  }
}
