package dev.handoff.app.observability;

import dev.handoff.domain.operation.OperationId;
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

  @Inject
  StoreReadiness(OperationStore store) {
    this.store = store;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      store.find(PROBE);
      return HealthCheckResponse.named("operation-store")
          .up()
          .withData("store", store.getClass().getSimpleName())
          .build();
    } catch (RuntimeException failure) {
      return HealthCheckResponse.named("operation-store")
          .down()
          .withData("error", failure.toString())
          .build();
    }
  }
}
