package dev.handoff.app.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Keeps exported spans in memory, for {@link TracingProfile}. */
@ApplicationScoped
public class InMemorySpans {
  /**
   * @return the exporter the SDK sends spans to when the exporter is {@code cdi}
   */
  @Produces
  @Singleton
  @Unremovable
  InMemorySpanExporter exporter() {
    return InMemorySpanExporter.create();
  }
}
