package dev.heatcheck.internal.crowd;

import dev.heatcheck.internal.drive.Drive;
import dev.heatcheck.internal.drive.Driver;
import dev.heatcheck.internal.drive.PageFailure;
import dev.heatcheck.internal.drive.Played;
import dev.heatcheck.internal.drive.StepFailure;
import dev.heatcheck.internal.drive.VisitorFailure;
import dev.heatcheck.internal.scenario.Scenario;
import dev.heatcheck.internal.scenario.Viewport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Plays a {@link Plan} on several worker threads at once. Playwright for Java is not thread-safe, so
 * each worker makes its own everything on its own thread (a Driver: a Playwright, its browser, a
 * watchdog) and never hands it to another; the workers share only a queue of planned visits, which
 * they take in plan order, one at a time.
 *
 * <p>A scenario's viewport is a group: a visit whose result ends its group (a step that could not be
 * done) skips the group's visits not yet started, and whichever worker ends a group's last visit
 * calls {@link Worker#groupEnded} with the group's results (to shoot its pages). Results come back in
 * plan order whatever the number of workers or who played what, so nothing reported depends on
 * scheduling.
 */
public final class Crowd {
  private Crowd() {}

  /** Plays visits on the one thread that made it, and closes there. */
  public interface Worker<R> extends AutoCloseable {
    R play(Plan.Visit visit);

    /**
     * Once per group, on the thread that ended its last visit.
     *
     * @param results the group's results in plan order; null for a visit skipped
     */
    default void groupEnded(List<Plan.Visit> visits, List<R> results) {}

    @Override
    void close();
  }

  /**
   * What the crowd needs to know of a result.
   *
   * @param endsGroup whether the visits of its group not yet started are skipped
   * @param failed whether it counts as a failure on the progress line
   */
  public record Rules<R>(Predicate<R> endsGroup, Predicate<R> failed) {}

  /**
   * Plays the plan on {@code workers} threads (never more than visits), each with a worker made by
   * {@code newWorker} on that thread. The first worker is made before the others start, so that a
   * browser that cannot start is told once, and what the first worker writes comes first. A worker
   * after the first that cannot start is told on {@code notices} and the others go on without it.
   * Anything else a worker throws stops the crowd (the visits in progress finish) and is thrown here.
   *
   * @return one result per planned visit, in plan order; null for a visit skipped
   */
  public static <R> List<R> run(
      Plan plan,
      int workers,
      Supplier<? extends Worker<R>> newWorker,
      Rules<R> rules,
      Progress progress,
      PrintStream notices) {
    Queue<R> queue = new Queue<>(plan, rules, progress);
    int count = Math.max(1, Math.min(workers, plan.size()));
    if (plan.size() == 0) {
      return List.of();
    }
    progress.start(plan.size(), count);
    List<Thread> threads = new ArrayList<>();
    CountDownLatch first = new CountDownLatch(1);
    for (int n = 1; n <= count; n++) {
      int number = n;
      Thread thread =
          new Thread(() -> queue.work(number, newWorker, first, notices), "heatcheck-worker-" + n);
      threads.add(thread);
      if (n == 1) {
        thread.start();
        awaitUninterruptibly(first);
      } else if (!queue.stopped()) {
        thread.start();
      }
    }
    for (Thread thread : threads) {
      joinUninterruptibly(thread);
    }
    progress.finish();
    queue.rethrow();
    return queue.results();
  }

  /**
   * Drives the plan with one {@link Driver} per worker and gathers what happened into one {@link Drive}
   * per scenario, in plan order: the first step that could not be done of each viewport, then every
   * visitor ended and page failed, in the order of the visitors.
   *
   * @param drivers makes a worker's Driver; called on the worker's thread
   * @param screens where each viewport's pages are shot once its last visitor ended
   */
  public static List<Drive> drive(
      Plan plan,
      int workers,
      Supplier<Driver> drivers,
      Path screens,
      Progress progress,
      PrintStream notices) {
    List<Played> played = run(
        plan,
        workers,
        () -> new DriverWorker(drivers.get(), screens),
        new Rules<>(p -> p.failure() != null, Played::failed),
        progress,
        notices);
    return gather(plan, played);
  }

  /** One Drive per scenario of the plan, in plan order. */
  static List<Drive> gather(Plan plan, List<Played> played) {
    Map<Scenario, Gathered> byScenario = new IdentityHashMap<>();
    List<Gathered> order = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      Plan.Visit visit = plan.visits().get(i);
      Gathered gathered = byScenario.computeIfAbsent(visit.scenario(), s -> {
        Gathered g = new Gathered(s);
        order.add(g);
        return g;
      });
      Played result = played.get(i);
      if (result == null) {
        continue;
      }
      // the visitors of a viewport still in progress when one met a step that cannot be done meet
      // it
      // too: the first in plan order tells it
      if (result.failure() != null && gathered.viewportsFailed.add(visit.viewport())) {
        gathered.failures.add(result.failure());
      }
      if (result.ended() != null) {
        gathered.visitors.add(result.ended());
      }
      gathered.pages.addAll(result.pageFailures());
      gathered.timedOut |= result.timedOut();
    }
    return order.stream()
        .map(g -> new Drive(g.scenario, g.failures, g.visitors, g.pages, g.timedOut))
        .toList();
  }

  private static final class Gathered {
    final Scenario scenario;
    final List<StepFailure> failures = new ArrayList<>();
    final List<VisitorFailure> visitors = new ArrayList<>();
    final List<PageFailure> pages = new ArrayList<>();
    final Set<Viewport> viewportsFailed = new LinkedHashSet<>();
    boolean timedOut;

    Gathered(Scenario scenario) {
      this.scenario = scenario;
    }
  }

  /** A worker's Driver: plays visits, and shoots a viewport's pages when its last visitor ended. */
  private static final class DriverWorker implements Worker<Played> {
    private final Driver driver;
    private final Path screens;

    DriverWorker(Driver driver, Path screens) {
      this.driver = driver;
      this.screens = screens;
    }

    @Override
    public Played play(Plan.Visit visit) {
      return driver.play(visit.scenario(), visit.viewport(), visit.visitor());
    }

    @Override
    public void groupEnded(List<Plan.Visit> visits, List<Played> results) {
      Map<String, String> pages = new LinkedHashMap<>();
      Set<String> selectors = new LinkedHashSet<>();
      for (Played result : results) {
        if (result != null) {
          result.pagesSeen().forEach(pages::putIfAbsent);
          selectors.addAll(result.selectorsClicked());
        }
      }
      Plan.Visit first = visits.get(0);
      driver.shoot(first.scenario(), first.viewport(), pages, selectors, screens);
    }

    @Override
    public void close() {
      driver.close();
    }
  }

  /** The visits still to play, their results, and what stopped the crowd, shared by the workers. */
  private static final class Queue<R> {
    private final List<Plan.Visit> visits;
    private final Rules<R> rules;
    private final Progress progress;
    private final Group[] groupOf;
    private final Object[] results;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Throwable> thrown = new AtomicReference<>();

    Queue(Plan plan, Rules<R> rules, Progress progress) {
      this.visits = plan.visits();
      this.rules = rules;
      this.progress = progress;
      this.groupOf = new Group[visits.size()];
      this.results = new Object[visits.size()];
      Group group = null;
      for (int i = 0; i < visits.size(); i++) {
        Plan.Visit visit = visits.get(i);
        if (group == null
            || visits.get(group.from).scenario() != visit.scenario()
            || !visits.get(group.from).viewport().equals(visit.viewport())) {
          group = new Group(i);
        }
        group.size++;
        groupOf[i] = group;
      }
    }

    /** One worker's thread: make its worker, then play visits until none is left or the crowd stops. */
    void work(
        int number,
        Supplier<? extends Worker<R>> newWorker,
        CountDownLatch first,
        PrintStream notices) {
      Worker<R> worker;
      try {
        worker = newWorker.get();
      } catch (RuntimeException | Error e) {
        if (number == 1) {
          thrown.compareAndSet(null, e);
        } else {
          notices.println("Worker " + number + " could not start its browser (" + firstLine(e)
              + "); the other workers go on");
        }
        return;
      } finally {
        first.countDown();
      }
      try (worker) {
        for (int i = next.getAndIncrement();
            i < visits.size() && thrown.get() == null;
            i = next.getAndIncrement()) {
          playOrSkip(worker, i);
        }
      } catch (RuntimeException | Error e) {
        thrown.compareAndSet(null, e);
      }
    }

    private void playOrSkip(Worker<R> worker, int i) {
      Group group = groupOf[i];
      R result = null;
      if (!group.skipping) {
        result = worker.play(visits.get(i));
        results[i] = result;
        if (rules.endsGroup().test(result)) {
          group.skipping = true;
        }
      }
      progress.ended(result != null && rules.failed().test(result));
      if (group.end()) {
        worker.groupEnded(visits.subList(group.from, group.from + group.size), groupResults(group));
      }
    }

    @SuppressWarnings("unchecked")
    private List<R> groupResults(Group group) {
      List<R> own = new ArrayList<>();
      for (int i = group.from; i < group.from + group.size; i++) {
        own.add((R) results[i]);
      }
      return own;
    }

    boolean stopped() {
      return thrown.get() != null;
    }

    void rethrow() {
      Throwable e = thrown.get();
      if (e instanceof RuntimeException r) {
        throw r;
      } else if (e instanceof Error err) {
        throw err;
      }
    }

    @SuppressWarnings("unchecked")
    List<R> results() {
      List<R> all = new ArrayList<>();
      for (Object result : results) {
        all.add((R) result);
      }
      return all;
    }
  }

  /** A scenario's viewport: contiguous visits of the plan, with how many have not ended yet. */
  private static final class Group {
    final int from;
    int size;
    private int ended;
    volatile boolean skipping;

    Group(int from) {
      this.from = from;
    }

    /** Counts one visit ended; true for the group's last, once. */
    synchronized boolean end() {
      return ++ended == size;
    }
  }

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
