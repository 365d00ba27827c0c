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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts operations entering each state, by kind, provider, state and failure reason ({@code
 * handoff.operations.transitions}).
 */
@ApplicationScoped
public class OperationMetrics {

  // Registering looks a meter up by its tags, which costs more than counting: each combination is
  // looked up once.
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

  void onStart(@Observes StartupEvent event, OperationChangeBus bus, MeterRegistry registry) {
    bus.subscribeAll(operation -> count(operation, registry));
  }

  private void count(Operation operation, MeterRegistry registry) {
    TimelineEntry last = operation.timeline().get(operation.timeline().size() - 1);
    if (last.disposition() != Disposition.APPLIED) {
      return;
    }
    String kind = operation.kind().name().toLowerCase(Locale.ROOT);
    String provider = operation.provider().value();
    String state = operation.state().name().toLowerCase(Locale.ROOT);
    String reason =
        operation.failure().map(f -> OperationJson.reasonName(f.reason())).orElse("none");
    counters
        .computeIfAbsent(
            List.of(kind, provider, state, reason),
            key ->
                Counter.builder("handoff.operations.transitions")
                    .description("Operations entering a state")
                    .tag("kind", kind)
                    .tag("provider", provider)
                    .tag("state", state)
                    .tag("reason", reason)
                    .register(registry))
        .increment();
  }
}
