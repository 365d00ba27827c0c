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
 * Drives silent operations to a definite state: reconciles overdue ones with the provider's state
 * (settled, asked again later, or UNKNOWN saying why) and finishes submissions a crash interrupted.
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
    int settled = service.expireOverdue();
    int resumed = service.resumeInterrupted(config.sweep().interruptedAfter());
    if (settled + resumed > 0) {
      LOG.infof(
          "Sweep: %d overdue operation(s) settled or moved to UNKNOWN, %d interrupted"
              + " submission(s) finished",
          settled, resumed);
    }
  }
}
