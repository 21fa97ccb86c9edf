package dev.heatcheck.internal.bench;

import dev.heatcheck.internal.events.Event;
import dev.heatcheck.internal.events.EventLog;
import dev.heatcheck.internal.events.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a repeatable events.jsonl of many visitors on a small site, as a crowd run writes it: visitors
 * overlap in time and their lines interleave in time order. Each visitor (a session) sees the landing
 * page "/" at a desktop or a phone viewport, clicks its buttons (each with its own behaviour: answered
 * with a DOM mutation, dead, or followed by an error), sometimes rage-clicks the dead one, moves the
 * pointer, scrolls, and may follow the pricing link to "/pricing" and click there. The same seed and
 * count always give the same file, and {@link #write} returns what it planted: clicks, dead, error and
 * rage clicks per page, bucket and element, which the analysis must find exactly.
 */
public final class ClickGenerator {
  static final long SEED = 20_260_101L;
  private static final long START_MS = 1_767_225_600_000L;
  /** Clicks a visitor makes, on average; 1,000,000 clicks come from about 77,000 visitors. */
  static final int CLICKS_PER_VISIT = 13;
  /** A new visitor every this many ms: with visits of ~50 s, about 20 are on the site at once. */
  private static final int ARRIVAL_MS = 2_500;
  /** Clicks between other clicks are this far apart: every window (2.5 s at most) closes in between. */
  private static final int CLICK_GAP_MS = 3_200;

  private static final String SCENARIO = "crowd";

  private final int width;
  private final int height;

  /** @param width the landing page's width on a desktop, @param height its height */
  public ClickGenerator(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** What a click on an element does. */
  enum Behaviour {
    /** The page mutates 120 ms later. */
    ALIVE,
    /** Nothing happens; a third of the time, the visitor clicks it 3 to 5 times in a row (rage). */
    DEAD,
    /** An error 40 ms later. */
    ERROR,
    /** A link to /pricing: not judged; the next view is /pricing. */
    LINK
  }

  /**
   * What was planted, per "page bucket selector": clicks, dead clicks, error clicks, rage bursts.
   *
   * @param sessions how many visitors
   * @param events how many lines
   */
  public record Planted(long clicks, long sessions, long events, Map<String, long[]> elements) {
    public static String key(String page, String bucket, String selector) {
      return page + " " + bucket + " " + selector;
    }
  }

  /** An element of a page: where it is (as fractions of the page), how big, its share of clicks, what clicking does. */
  private record Spot(
      String selector,
      String tag,
      String text,
      double fx,
      double fy,
      double w,
      double h,
      double weight,
      Behaviour behaviour) {}

  private static final List<Spot> LANDING = List.of(
      new Spot(
          "#hero .cta-primary",
          "button",
          "Start free trial",
          0.50,
          0.13,
          240,
          56,
          0.30,
          Behaviour.ALIVE),
      new Spot("#hero img.screenshot", "img", "", 0.50, 0.24, 600, 300, 0.12, Behaviour.DEAD),
      new Spot(
          "#features [role=tab]:nth-of-type(3)",
          "button",
          "Integrations",
          0.35,
          0.38,
          160,
          44,
          0.14,
          Behaviour.ALIVE),
      new Spot(
          "#plan-pro button", "button", "Choose Pro", 0.50, 0.62, 200, 48, 0.16, Behaviour.ERROR),
      new Spot(
          "#faq details:nth-of-type(2) > summary",
          "summary",
          "Can I cancel anytime?",
          0.50,
          0.80,
          600,
          56,
          0.20,
          Behaviour.ALIVE),
      new Spot(
          "nav a[href=\"/pricing\"]", "a", "Pricing", 0.66, 0.01, 80, 24, 0.08, Behaviour.LINK));
  private static final List<Spot> PRICING = List.of(
      new Spot(
          "#compare .toggle", "button", "Compare plans", 0.30, 0.20, 180, 40, 0.5, Behaviour.ALIVE),
      new Spot(
          "#pricing .coupon", "span", "Have a coupon?", 0.70, 0.55, 140, 24, 0.5, Behaviour.DEAD));

  /** Writes visitors until {@code clicks} clicks are written; returns what was planted. */
  public Planted write(Path file, long clicks) {
    Random random = new Random(SEED);
    Map<String, long[]> planted = new TreeMap<>();
    long written = 0;
    long sessions = 0;
    long[] lines = {0};
    // each visitor's lines are made whole, then all are written in time order
    PriorityQueue<Visit> open =
        new PriorityQueue<>((a, b) -> Long.compare(a.nextTime(), b.nextTime()));
    try (EventLog log = EventLog.create(file)) {
      long arrival = START_MS;
      while (written < clicks || !open.isEmpty()) {
        if (written < clicks && (open.isEmpty() || arrival <= open.peek().nextTime())) {
          sessions++;
          Visit visit = visit(
              random,
              sessions,
              arrival,
              Math.min(clicks - written, CLICKS_PER_VISIT * 2L),
              planted);
          written += visit.clicks;
          open.add(visit);
          arrival += 1 + random.nextInt(2 * ARRIVAL_MS);
          continue;
        }
        Visit next = open.poll();
        log.append(next.events.get(next.at++));
        lines[0]++;
        if (next.at < next.events.size()) {
          open.add(next);
        }
      }
    }
    return new Planted(written, sessions, lines[0], planted);
  }

  /** One visitor's events, written in order as the file's time reaches them. */
  private static final class Visit {
    final List<Event> events = new ArrayList<>();
    int at;
    long clicks;

    long nextTime() {
      return time(events.get(at));
    }
  }

  private Visit visit(
      Random random, long number, long start, long maxClicks, Map<String, long[]> planted) {
    boolean phone = random.nextInt(4) == 0;
    int vw = phone ? 390 : 1440;
    int vh = phone ? 844 : 900;
    String bucket = phone ? "mobile" : "desktop";
    String session = SCENARIO + "/" + vw + "x" + vh + "/" + number;
    Visit visit = new Visit();
    Page page = new Page("/", phone ? vw : width, phone ? (int) (height * 1.8) : height, LANDING);
    String view = session + ":v1";
    long t = start;
    int ids = 0;
    visit.events.add(new Event.View(
        view, session, SCENARIO, "http://127.0.0.1/", "/", vw, vh, page.width, page.height, t));
    long wanted = Math.max(
        1, Math.min(maxClicks, CLICKS_PER_VISIT / 2 + random.nextInt(CLICKS_PER_VISIT + 1)));
    double scrollY = 0;
    while (visit.clicks < wanted) {
      t += CLICK_GAP_MS + random.nextInt(1_500);
      Spot spot = page.pick(random);
      double[] centre = page.centre(spot);
      // the pointer travels there, and the page scrolls to it if needed
      for (int step = 1; step <= 3; step++) {
        visit.events.add(new Event.Move(
            session + ":" + ++ids,
            view,
            session,
            t - 400 + 100 * step,
            centre[0] - 60 + 20 * step,
            centre[1] - 30 + 10 * step));
      }
      double top = Math.max(0, Math.min(page.height - vh, centre[1] - vh / 2.0));
      if (top > scrollY) {
        scrollY = top;
        visit.events.add(new Event.Scroll(
            session + ":" + ++ids, view, session, t - 500, Math.round(scrollY), page.height));
      }
      // a third of the clicks on a dead element come 3 to 5 in a row, 150 ms and 1 px apart: a rage
      // click
      int times =
          spot.behaviour == Behaviour.DEAD && random.nextInt(3) == 0 ? 3 + random.nextInt(3) : 1;
      times = (int) Math.min(times, wanted - visit.clicks);
      long[] counts =
          planted.computeIfAbsent(Planted.key(page.path, bucket, spot.selector), k -> new long[4]);
      double baseX = Math.round(centre[0] + random.nextGaussian() * spot.w / 8);
      double baseY = Math.round(centre[1] + random.nextGaussian() * spot.h / 8);
      for (int i = 0; i < times; i++) {
        double x = baseX + i;
        double y = baseY;
        long at = t + 150L * i;
        visit.events.add(new Event.Click(
            session + ":" + ++ids,
            view,
            session,
            at,
            x,
            y,
            false,
            page.target(spot, x, y),
            x,
            y - scrollY,
            null));
        visit.clicks++;
        counts[0]++;
        switch (spot.behaviour) {
          case ALIVE ->
            visit.events.add(
                new Event.Effect(session + ":" + ++ids, view, session, at + 120, "mutation", null));
          case ERROR -> {
            visit.events.add(new Event.PageError(
                session + ":" + ++ids, view, session, at + 40, "TypeError: plan is undefined"));
            counts[2]++;
          }
          case DEAD -> counts[1]++;
          case LINK -> {}
        }
      }
      counts[3] += times >= 3 ? 1 : 0;
      if (spot.behaviour == Behaviour.LINK) {
        visit.events.add(
            new Event.Effect(session + ":" + ++ids, view, session, t + 30, "navigation", null));
        view = session + ":v" + (visit.events.size());
        page = new Page("/pricing", phone ? vw : width, phone ? 2_400 : 1_800, PRICING);
        scrollY = 0;
        visit.events.add(new Event.View(
            view,
            session,
            SCENARIO,
            "http://127.0.0.1/pricing",
            "/pricing",
            vw,
            vh,
            page.width,
            page.height,
            t + 200));
      }
    }
    visit.events.sort((a, b) -> Long.compare(time(a), time(b)));
    return visit;
  }

  /** A page of the site as one viewport lays it out. */
  private record Page(String path, int width, int height, List<Spot> spots) {
    Spot pick(Random random) {
      double u = random.nextDouble();
      double sum = 0;
      for (Spot spot : spots) {
        sum += spot.weight;
        if (u < sum) {
          return spot;
        }
      }
      return spots.get(spots.size() - 1);
    }

    double[] centre(Spot spot) {
      return new double[] {Math.round(spot.fx * width), Math.max(12, Math.round(spot.fy * height))};
    }

    Target target(Spot spot, double x, double y) {
      double[] centre = centre(spot);
      double w = Math.min(spot.w, width - 20);
      double left = centre[0] - w / 2;
      double top = centre[1] - spot.h / 2;
      String href = spot.behaviour == Behaviour.LINK ? "/pricing" : null;
      return new Target(
          spot.selector,
          spot.tag,
          spot.text,
          spot.tag.equals("a") ? "link" : "button",
          href,
          !spot.tag.equals("img"),
          false,
          List.of(left, top, w, spot.h),
          fraction(x, left, w),
          fraction(y, top, spot.h));
    }
  }

  private static double fraction(double value, double start, double length) {
    return length <= 0 ? 0 : Math.round((value - start) / length * 1000) / 1000.0;
  }

  private static long time(Event event) {
    if (event instanceof Event.View e) {
      return e.t();
    } else if (event instanceof Event.Click e) {
      return e.t();
    } else if (event instanceof Event.Move e) {
      return e.t();
    } else if (event instanceof Event.Scroll e) {
      return e.t();
    } else if (event instanceof Event.Effect e) {
      return e.t();
    } else if (event instanceof Event.PageError e) {
      return e.t();
    }
    return 0;
  }
}
