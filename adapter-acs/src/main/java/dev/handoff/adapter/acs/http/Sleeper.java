package dev.handoff.adapter.acs.http;

import java.time.Duration;

/** Waits between attempts. The default sleeps the thread; tests substitute virtual time. */
@FunctionalInterface
public interface Sleeper {

  /**
   * @param duration how long to wait; zero means not at all
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * @return a sleeper that sleeps the calling thread
   */
  static Sleeper system() {
    return duration -> {
      if (!duration.isZero() && !duration.isNegative()) {
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
      }
    };
  }
}
