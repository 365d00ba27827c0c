package dev.handoff.app.observability;

import dev.handoff.adapter.acs.auth.CallbackAuthenticationException;
import dev.handoff.adapter.graph.auth.SigningKeysUnavailableException;
import dev.handoff.app.config.HandoffConfig;
import dev.handoff.app.runtime.EmbeddedEmulator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the keys that verify the provider's callbacks can be loaded from where the provider
 * publishes them. Without them every callback would be refused and every operation would end
 * UNKNOWN, so the service must not report itself ready. The embedded emulator publishes the keys of
 * the provider it plays. (With ACS's query secret there are no keys to load.) The answer is cached
 * for ten seconds.
 */
@Readiness
@ApplicationScoped
public class CallbackKeysReadiness implements HealthCheck {
  private static final Duration CACHE = Duration.ofSeconds(10);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HandoffConfig config;
  private final EmbeddedEmulator emulator;
  private final Clock clock;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private dev.handoff.adapter.acs.auth.OpenIdSigningKeys acsKeys;
  private dev.handoff.adapter.graph.auth.OpenIdSigningKeys graphKeys;
  private HealthCheckResponse last;
  private long checkedAt;

  @Inject
  CallbackKeysReadiness(HandoffConfig config, EmbeddedEmulator emulator, Clock clock) {
    this.config = config;
    this.emulator = emulator;
    this.clock = clock;
  }

  @Override
  public synchronized HealthCheckResponse call() {
    long now = System.nanoTime();
    if (last == null || now - checkedAt > CACHE.toNanos()) {
      last = probe();
      checkedAt = now;
    }
    return last;
  }

  private HealthCheckResponse probe() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("callback-keys");
    try {
      switch (config.provider()) {
        case GRAPH:
          return graph(response, config.graph().openidConfigurationUrl());
        case ACS:
          if (config.acs().callbackAuth() == HandoffConfig.CallbackAuth.QUERY_SECRET) {
            return response.up().withData("verification", "query-secret").build();
          }
          return acs(response, config.acs().openidConfigurationUrl());
        default:
          if (emulator.graph()) {
            return graph(response, emulator.graphEndpoints().httpOpenIdConfiguration());
          }
          return acs(response, emulator.running().acs().httpOpenIdConfiguration());
      }
    } catch (RuntimeException broken) {
      return response.down().withData("error", String.valueOf(broken.getMessage())).build();
    }
  }

  private HealthCheckResponse acs(HealthCheckResponseBuilder response, URI configuration) {
    response.withData("openidConfiguration", configuration.toString());
    if (acsKeys == null) {
      acsKeys =
          new dev.handoff.adapter.acs.auth.OpenIdSigningKeys(
              configuration, client, TIMEOUT, Duration.ofHours(1), Duration.ofSeconds(30), clock);
    }
    try {
      return response.up().withData("keys", acsKeys.keys(false).getKeys().size()).build();
    } catch (CallbackAuthenticationException unavailable) {
      return response.down().withData("error", unavailable.getMessage()).build();
    }
  }

  private HealthCheckResponse graph(HealthCheckResponseBuilder response, URI configuration) {
    response.withData("openidConfiguration", configuration.toString());
    if (graphKeys == null) {
      graphKeys =
          dev.handoff.adapter.graph.auth.OpenIdSigningKeys.builder(configuration)
              .httpClient(client)
              .clock(clock)
              .timeout(TIMEOUT)
              .build();
    }
    try {
      // Any key id will do: the set must load; an id it lacks only answers empty.
      graphKeys.key("handoff-readiness-probe");
      return response.up().build();
    } catch (SigningKeysUnavailableException unavailable) {
      return response.down().withData("error", unavailable.getMessage()).build();
    }
  }
}
