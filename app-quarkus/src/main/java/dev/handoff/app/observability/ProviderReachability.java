package dev.handoff.app.observability;

import dev.handoff.app.runtime.ProviderEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the provider answers HTTP at its endpoint (any status counts: reachability, not
 * authorisation). The answer is cached for ten seconds so that probes do not hammer the provider.
 */
@Readiness
@ApplicationScoped
public class ProviderReachability implements HealthCheck {
  private static final Duration CACHE = Duration.ofSeconds(10);
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final ProviderEndpoint endpoint;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private HealthCheckResponse last;
  private Instant checkedAt = Instant.MIN;

  @Inject
  ProviderReachability(ProviderEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public synchronized HealthCheckResponse call() {
    Instant now = Instant.now();
    if (last == null || checkedAt.plus(CACHE).isBefore(now)) {
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
    long started = System.nanoTime();
    try {
      HttpResponse<Void> answer =
          client.send(
              HttpRequest.newBuilder(endpoint.uri()).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response
          .up()
          .withData("status", answer.statusCode())
          .withData("latencyMillis", (System.nanoTime() - started) / 1_000_000)
          .build();
    } catch (IOException unreachable) {
      return response.down().withData("error", unreachable.toString()).build();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return response.down().withData("error", "interrupted").build();
    }
  }
}
