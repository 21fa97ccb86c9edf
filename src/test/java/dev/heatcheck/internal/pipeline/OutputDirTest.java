package dev.heatcheck.internal.pipeline;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.testng.annotations.Test;

/** Run folders under reports/: each run its own, however many start at once. */
public class OutputDirTest {
  private static final int RUNS = 64;

  @Test
  public void runs_started_at_once_each_get_a_folder_of_their_own() throws Exception {
    Path root = Files.createTempDirectory("heatcheck-reports").resolve("reports");
    int each =
        8; // one thread's runs one after the other: later ones race the others through the suffixes
    List<Path> dirs = atOnce(() -> {
          List<Path> mine = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            mine.add(OutputDir.timestamped(root));
          }
          return mine;
        })
        .stream()
        .flatMap(List::stream)
        .toList();
    Set<Path> distinct = new HashSet<>(dirs);
    assertEquals(distinct.size(), RUNS * each, "runs shared a folder");
    try (var listed = Files.list(root)) {
      assertEquals(listed.count(), (long) RUNS * each);
    }
  }

  @Test
  public void runs_ending_at_once_leave_latest_a_link_to_one_of_them() throws Exception {
    Path root = Files.createTempDirectory("heatcheck-reports");
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      dirs.add(OutputDir.timestamped(root));
    }
    AtomicInteger next = new AtomicInteger();
    atOnce(() -> {
      Path dir = dirs.get(next.getAndIncrement());
      OutputDir.pointLatest(root, dir);
      return dir;
    });
    Path latest = root.resolve("latest");
    assertTrue(Files.isSymbolicLink(latest));
    assertTrue(dirs.contains(latest.toRealPath()), latest.toRealPath().toString());
    assertFalse(Files.exists(root.resolve("latest.txt")), "no run fell back to latest.txt");
    try (var listed = Files.list(root)) {
      assertEquals(
          listed.count(),
          (long) RUNS + 1,
          "the run folders and latest, no temporary link left behind");
    }
  }

  @Test
  public void a_second_folder_in_the_same_second_gets_a_suffix() throws IOException {
    Path root = Files.createTempDirectory("heatcheck-reports");
    Path first = OutputDir.timestamped(root);
    Path second = OutputDir.timestamped(root);
    // the two calls can straddle a second: then the second has a new stamp and no suffix
    String stamp = first.getFileName().toString();
    assertTrue(
        second.getFileName().toString().equals(stamp + "-2")
            || second.getFileName().toString().compareTo(stamp) > 0,
        first + " then " + second);
  }

  /** Calls {@code run} from {@link #RUNS} threads released together; what each returned. */
  private static <T> List<T> atOnce(Callable<T> run) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(RUNS);
    try {
      CountDownLatch ready = new CountDownLatch(RUNS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        futures.add(threads.submit(() -> {
          ready.countDown();
          go.await();
          return run.call();
        }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
