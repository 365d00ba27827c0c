package dev.handoff.app.runtime;

import dev.handoff.app.config.HandoffConfig;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.service.HandoffService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Drives silent operations to a definite state: moves overdue ones to UNKNOWN and finishes
 * submissions a crash interrupted.
 */
@ApplicationScoped
public class Sweeper {
  private static final Logger LOG = Logger.getLogger(Sweeper.class);

  private final HandoffService service;
  private final HandoffConfig config;
  private final OperationStore store;
  private final Clock clock;

  @Inject
  Sweeper(HandoffService service, HandoffConfig config, OperationStore store, Clock clock) {
    this.service = service;
    this.config = config;
    this.store = store;
    this.clock = clock;
  }

  /** Runs both sweeps. */
  @Scheduled(
      every = "{handoff.sweep.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void sweep() {
    int expired = service.expireOverdue();
    int resumed = service.resumeInterrupted(config.sweep().interruptedAfter());
    if (expired + resumed > 0) {
      LOG.infof(
          "Sweep: %d operation(s) moved to UNKNOWN, %d interrupted submission(s) finished",
          expired, resumed);
    }
  }
}
