package dev.handoff.app.observability;

import dev.handoff.adapter.acs.http.ConnectionString;
import dev.handoff.adapter.acs.http.RequestAuthenticator;
import dev.handoff.adapter.graph.http.ClientCredentialsTokenProvider;
import dev.handoff.adapter.graph.http.TokenAcquisitionException;
import dev.handoff.app.config.HandoffConfig;
import dev.handoff.app.runtime.EmbeddedEmulator;
import dev.handoff.app.runtime.ProviderEndpoint;
import dev.handoff.emulator.GraphEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the provider accepts this service's credentials. For ACS (and the embedded emulator
 * playing ACS) an authenticated read of a call that does not exist must not be refused as
 * unauthenticated; for Graph (and the embedded emulator playing Graph) an access token must be
 * granted. The answer is cached for ten seconds so that probes do not hammer the provider.
 */
@Readiness
@ApplicationScoped
public class ProviderReadiness implements HealthCheck {
  private static final Duration CACHE = Duration.ofSeconds(10);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String PROBE_CALL = "handoff-readiness-probe";

  private final HandoffConfig config;
  private final ProviderEndpoint endpoint;
  private final EmbeddedEmulator emulator;
  private final Clock clock;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private ClientCredentialsTokenProvider graphTokens;
  private HealthCheckResponse last;
  private long checkedAt;

  @Inject
  ProviderReadiness(
      HandoffConfig config, ProviderEndpoint endpoint, EmbeddedEmulator emulator, Clock clock) {
    this.config = config;
    this.endpoint = endpoint;
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
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("provider")
            .withData("provider", endpoint.provider())
            .withData("endpoint", endpoint.uri().toString());
    try {
      switch (config.provider()) {
        case GRAPH:
          return graph(response, graphTokens());
        case ACS:
          return acs(response, acsCredentials());
        default:
          if (emulator.graph()) {
            return graph(response, emulatedGraphTokens());
          }
          return acs(response, ConnectionString.parse(emulator.acsConnectionString()));
      }
    } catch (RuntimeException broken) {
      return response.down().withData("error", String.valueOf(broken.getMessage())).build();
    }
  }

  private Object acsCredentials() {
    HandoffConfig.Acs acs = config.acs();
    if (acs.connectionString().isPresent()) {
      return ConnectionString.parse(acs.connectionString().get().reveal());
    }
    return acs.token().orElseThrow();
  }

  private HealthCheckResponse acs(HealthCheckResponseBuilder response, Object credentials) {
    URI base;
    RequestAuthenticator authenticator;
    if (credentials instanceof ConnectionString) {
      ConnectionString hmac = (ConnectionString) credentials;
      base = hmac.endpoint();
      authenticator = RequestAuthenticator.hmac(hmac.accessKey());
    } else {
      base = config.acs().endpoint().orElseThrow();
      authenticator = RequestAuthenticator.bearer(config.acs().token().orElseThrow()::reveal);
    }
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    URI probe =
        URI.create(
            root
                + "calling/callConnections/"
                + PROBE_CALL
                + "?api-version="
                + config.acs().apiVersion());
    HttpRequest.Builder request = HttpRequest.newBuilder(probe).timeout(TIMEOUT).GET();
    authenticator.headers("GET", probe, new byte[0], clock.instant()).forEach(request::header);
    long started = System.nanoTime();
    try {
      int status =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      response
          .withData("status", status)
          .withData("latencyMillis", (System.nanoTime() - started) / 1_000_000);
      if (status == 401 || status == 403) {
        return response.down().withData("error", "the provider refused the credentials").build();
      }
      if (status >= 500) {
        return response.down().withData("error", "the provider answered " + status).build();
      }
      return response.up().build();
    } catch (IOException unreachable) {
      return response.down().withData("error", "unreachable: " + unreachable.getMessage()).build();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return response.down().withData("error", "interrupted").build();
    }
  }

  private ClientCredentialsTokenProvider graphTokens() {
    if (graphTokens == null) {
      HandoffConfig.Graph graph = config.graph();
      ClientCredentialsTokenProvider.Builder builder =
          ClientCredentialsTokenProvider.builder(
                  graph.tenantId().orElseThrow(),
                  graph.clientId().orElseThrow(),
                  graph.clientSecret().orElseThrow().reveal())
              .clock(clock)
              .requestTimeout(TIMEOUT);
      graph.tokenEndpoint().ifPresent(builder::tokenEndpoint);
      graphTokens = builder.build();
    }
    return graphTokens;
  }

  // The embedded emulator playing Graph grants tokens at its own endpoint, to its own client.
  private ClientCredentialsTokenProvider emulatedGraphTokens() {
    if (graphTokens == null) {
      GraphEndpoints graph = emulator.graphEndpoints();
      graphTokens =
          ClientCredentialsTokenProvider.builder(
                  graph.tenantId(), graph.clientId(), graph.clientSecret())
              .tokenEndpoint(graph.httpTokenEndpoint())
              .clock(clock)
              .requestTimeout(TIMEOUT)
              .build();
    }
    return graphTokens;
  }

  private HealthCheckResponse graph(
      HealthCheckResponseBuilder response, ClientCredentialsTokenProvider tokens) {
    try {
      tokens.accessToken();
      return response.up().withData("token", "granted").build();
    } catch (TokenAcquisitionException refused) {
      return response.down().withData("error", "no access token: " + refused.getMessage()).build();
    }
  }
}
