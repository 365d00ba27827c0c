package dev.handoff.app.runtime;

import dev.handoff.ports.warm.WarmHandoffSaga;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Wakes the warm handoffs whose deadline has come: a target that rang too long, an event that did
 * not come, a step a crash interrupted (on any instance: the store's sweep claims keep two
 * instances from taking the same handoff at once).
 */
@ApplicationScoped
public class HandoffSweeper {
  private static final Logger LOG = Logger.getLogger(HandoffSweeper.class);

  private final WarmHandoffSaga saga;

  @Inject
  HandoffSweeper(WarmHandoffSaga saga) {
    this.saga = saga;
  }

  /** Advances every handoff that is due. */
  @Scheduled(
      every = "{handoff.sweep.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void sweep() {
    int due = saga.advanceDueHandoffs();
    if (due > 0) {
      LOG.infof("Sweep: %d warm handoff(s) were due", due);
    }
  }
}
