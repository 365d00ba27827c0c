package dev.handoff.benchmarks.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a fixed number of tasks with a fixed number of concurrent clients, each client a thread that
 * takes the next task as soon as its previous one is done (a closed system: at most {@code clients}
 * tasks in flight).
 */
public final class Phase {
  private static final int ERRORS_KEPT = 5;

  private Phase() {}

  /**
   * What one task measured.
   *
   * @param firstNanos the time to the first answer (the submission's latency)
   * @param finalNanos the time to the final answer (to a terminal state), or -1 when the task has
   *     no such second step
   * @param outcome how it ended, e.g. {@code COMPLETED} or {@code 200}
   */
  public record Sample(long firstNanos, long finalNanos, String outcome) {}

  /** One task. */
  @FunctionalInterface
  public interface Task {
    /**
     * @param index the task's number, from 0
     * @return what it measured
     * @throws Exception when it failed; counted as an error, the phase goes on
     */
    Sample run(int index) throws Exception;
  }

  /**
   * @param samples every successful task's sample
   * @param wallNanos from the first client's start to the last task's end
   * @param errors how many tasks threw
   * @param firstErrors the first few errors' descriptions
   */
  public record Result(List<Sample> samples, long wallNanos, int errors, List<String> firstErrors) {
    /** Copies. */
    public Result {
      samples = List.copyOf(samples);
      firstErrors = List.copyOf(firstErrors);
    }

    /**
     * @return successful tasks per second of wall time
     */
    public double perSecond() {
      return samples.size() / (wallNanos / 1e9);
    }

    /**
     * @return the statistics of the first answers
     */
    public LatencyStats first() {
      return LatencyStats.of(samples.stream().mapToLong(Sample::firstNanos).toArray());
    }

    /**
     * @return the statistics of the final answers, over the tasks that had one
     */
    public LatencyStats terminal() {
      return LatencyStats.of(
          samples.stream().mapToLong(Sample::finalNanos).filter(n -> n >= 0).toArray());
    }

    /**
     * @return how many tasks ended each way
     */
    public Map<String, Long> outcomes() {
      Map<String, Long> counts = new TreeMap<>();
      samples.forEach(s -> counts.merge(s.outcome(), 1L, Long::sum));
      return counts;
    }
  }

  /**
   * @param clients concurrent clients (threads)
   * @param tasks how many tasks in all
   * @param task the task
   * @return the samples and the wall time
   * @throws InterruptedException when interrupted while waiting for the clients
   */
  public static Result run(int clients, int tasks, Task task) throws InterruptedException {
    if (clients < 1 || tasks < 0) {
      throw new IllegalArgumentException(
          "clients must be at least 1 and tasks not negative, got " + clients + ", " + tasks);
    }
    AtomicInteger next = new AtomicInteger();
    List<Sample> samples = Collections.synchronizedList(new ArrayList<>(tasks));
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errorCount = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                  try {
                    samples.add(task.run(i));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  } catch (Exception e) {
                    if (errorCount.incrementAndGet() <= ERRORS_KEPT) {
                      errors.add("task " + i + ": " + e);
                    }
                  }
                }
              },
              "load-client-" + c);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    long begin = System.nanoTime();
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    long wall = System.nanoTime() - begin;
    return new Result(samples, wall, errorCount.get(), errors);
  }
}
