package dev.handoff.app.runtime;

import dev.handoff.ports.out.IncomingCallStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Forgets the incoming calls whose retention has passed, on the sweeps' schedule, so that a shared
 * PostgreSQL table does not grow (expired calls are never listed either way).
 */
@ApplicationScoped
public class IncomingCallExpiry {
  private final IncomingCallStore incoming;

  @Inject
  IncomingCallExpiry(IncomingCallStore incoming) {
    this.incoming = incoming;
  }

  /** Removes the expired calls. */
  @Scheduled(
      every = "{handoff.sweep.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void forgetExpired() {
    incoming.forgetExpired();
  }
}
