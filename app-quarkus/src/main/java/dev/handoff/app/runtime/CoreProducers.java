package dev.handoff.app.runtime;

import dev.handoff.app.config.HandoffConfig;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.OperationChangeBus;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.service.DeadlinePolicy;
import dev.handoff.ports.service.HandoffService;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Produces the application service and the outbound ports it runs on. */
@ApplicationScoped
public class CoreProducers {

  /**
   * @return the system UTC clock
   */
  @Produces
  @Singleton
  @DefaultBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * @param config the configuration
   * @param clock the clock
   * @return the in-memory store, the embedded default
   */
  @Produces
  @Singleton
  @DefaultBean
  OperationStore store(HandoffConfig config, Clock clock) {
    return new InMemoryOperationStore(config.store().capacity(), config.store().retention(), clock);
  }

  /**
   * @return the in-process change bus
   */
  @Produces
  @Singleton
  @DefaultBean
  OperationChangeBus bus() {
    return new InMemoryOperationChangeBus();
  }

  /**
   * @param provider the configured provider, observed
   * @param store the store
   * @param bus the bus
   * @param clock the clock
   * @param config the configuration
   * @return the application service, which implements every use case
   */
  @Produces
  @Singleton
  HandoffService service(
      @Observed CallControl provider,
      OperationStore store,
      OperationChangeBus bus,
      Clock clock,
      HandoffConfig config) {
    HandoffConfig.Deadlines d = config.deadlines();
    return HandoffService.builder(provider, store, bus)
        .clock(clock)
        .deadlines(
            new DeadlinePolicy(
                d.transfer(),
                d.addParticipantGrace(),
                d.defaultInvitation(),
                d.cancel(),
                d.redirectGrace(),
                d.defaultRing()))
        .build();
  }
}
