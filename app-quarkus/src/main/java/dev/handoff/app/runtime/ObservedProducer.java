package dev.handoff.app.runtime;

import dev.handoff.app.observability.ObservedCallControl;
import dev.handoff.ports.out.CallControl;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wraps the configured provider with metrics and tracing. */
@ApplicationScoped
public class ObservedProducer {

  /**
   * @param provider the configured provider
   * @param registry the meter registry
   * @param tracer the tracer
   * @return the provider, observed
   */
  @Produces
  @Singleton
  @Observed
  CallControl observed(CallControl provider, MeterRegistry registry, Tracer tracer) {
    return new ObservedCallControl(provider, registry, tracer);
  }
}
