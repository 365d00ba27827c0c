package dev.handoff.app.observability;

import dev.handoff.adapter.postgres.PostgresOperationChangeBus;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.out.OperationChangeBus;
import dev.handoff.ports.out.OperationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the operation store answers a lookup. */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {
  private static final OperationId PROBE = OperationId.of("readiness-probe");

  private final OperationStore store;
  private final OperationChangeBus bus;

  @Inject
  StoreReadiness(OperationStore store, OperationChangeBus bus) {
    this.store = store;
    this.bus = bus;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      store.find(PROBE);
      // Without its listening connection, an instance would miss the other instances' changes.
      boolean listening =
          !(bus instanceof PostgresOperationChangeBus)
              || ((PostgresOperationChangeBus) bus).isListening();
      return HealthCheckResponse.named("operation-store")
          .status(listening)
          .withData("store", store.getClass().getSimpleName())
          .withData("changeBus", bus.getClass().getSimpleName())
          .withData("listening", listening)
          .build();
    } catch (RuntimeException failure) {
      return HealthCheckResponse.named("operation-store")
          .down()
          .withData("error", failure.toString())
          .build();
    }
  }
}
