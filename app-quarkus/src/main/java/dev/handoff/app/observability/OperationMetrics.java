package dev.handoff.app.observability;

import dev.handoff.app.api.json.OperationJson;
import dev.handoff.domain.operation.Disposition;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.TimelineEntry;
import dev.handoff.ports.out.OperationChangeBus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Counts operations entering each state, by kind, provider, state and failure reason ({@code
 * handoff.operations.transitions}).
 */
@ApplicationScoped
public class OperationMetrics {

  void onStart(@Observes StartupEvent event, OperationChangeBus bus, MeterRegistry registry) {
    bus.subscribeAll(operation -> count(operation, registry));
  }

  private static void count(Operation operation, MeterRegistry registry) {
    TimelineEntry last = operation.timeline().get(operation.timeline().size() - 1);
    if (last.disposition() != Disposition.APPLIED) {
      return;
    }
    Counter.builder("handoff.operations.transitions")
        .description("Operations entering a state")
        .tag("kind", operation.kind().name().toLowerCase(Locale.ROOT))
        .tag("provider", operation.provider().value())
        .tag("state", operation.state().name().toLowerCase(Locale.ROOT))
        .tag(
            "reason",
            operation.failure().map(f -> OperationJson.reasonName(f.reason())).orElse("none"))
        .register(registry)
        .increment();
  }
}
