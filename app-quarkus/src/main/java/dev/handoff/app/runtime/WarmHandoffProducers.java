package dev.handoff.app.runtime;

import dev.handoff.app.config.HandoffConfig;
import dev.handoff.ports.in.RecordProviderEventsUseCase;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.OperationChangeBus;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.service.DeliveryPolicy;
import dev.handoff.ports.service.HandoffService;
import dev.handoff.ports.warm.HandoffEventRouter;
import dev.handoff.ports.warm.SagaPolicy;
import dev.handoff.ports.warm.WarmHandoffSaga;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Produces the warm handoff saga and the event router that gives the saga its steps' events and the
 * application service every other event.
 */
@ApplicationScoped
public class WarmHandoffProducers {

  /**
   * @param provider the configured provider, observed
   * @param store the store
   * @param bus the bus
   * @param clock the clock
   * @param config the configuration
   * @return the saga, which implements the warm handoff use cases
   */
  @Produces
  @Singleton
  WarmHandoffSaga saga(
      @Observed CallControl provider,
      OperationStore store,
      OperationChangeBus bus,
      Clock clock,
      HandoffConfig config) {
    return WarmHandoffSaga.builder(provider, store, bus)
        .clock(clock)
        .policy(
            new SagaPolicy(
                config.sweep().interruptedAfter(),
                config.warmHandoff().eventGrace(),
                config.warmHandoff().ringGrace()))
        .build();
  }

  /**
   * Where callbacks' events are recorded: chosen over the application service, which records every
   * event but a warm handoff's.
   *
   * @param saga the saga
   * @param service the application service
   * @param policy which deliveries may change which operations, as the service checks them
   * @param provider the configured provider
   * @return the router
   */
  @Produces
  @Singleton
  @Alternative
  @Priority(1)
  @Typed(RecordProviderEventsUseCase.class)
  RecordProviderEventsUseCase events(
      WarmHandoffSaga saga,
      HandoffService service,
      DeliveryPolicy policy,
      @Observed CallControl provider) {
    return new HandoffEventRouter(saga, service, policy, provider::capabilities);
  }
}
