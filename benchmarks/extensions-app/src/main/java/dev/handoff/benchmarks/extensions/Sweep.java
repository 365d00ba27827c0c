package dev.handoff.benchmarks.extensions;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A scheduled job, so that the scheduler starts as it does in the service (which sweeps overdue
 * operations on a schedule); it does nothing.
 */
@ApplicationScoped
public class Sweep {
  /** Does nothing, every second. */
  @Scheduled(every = "1s")
  void sweep() {
    // Only its being scheduled matters here.
  }
}
