package dev.handoff.adapter.graph.http;

import java.time.Duration;

/** Waits between attempts. Injectable so that tests of the retry policy need not wait. */
@FunctionalInterface
public interface Sleeper {

  /**
   * @param duration how long to wait
   * @throws InterruptedException when interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * @return a sleeper that blocks the calling thread
   */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
