package dev.handoff.adapter.acs.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.handoff.adapter.acs.auth.CallbackAuthenticationException.Reason;
import dev.handoff.adapter.acs.http.Endpoints;
import dev.handoff.adapter.acs.wire.AcsJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Reads the signing keys from an OpenID configuration document ({@code jwks_uri}) and caches them.
 *
 * <p>The set is fetched on first use, again when it is older than {@code maxAge}, and again when a
 * token names a key the set does not hold, but not more often than every {@code minRefreshInterval}
 * (so that tokens with made-up key ids cannot make the application hammer the key endpoint). When a
 * fetch fails and a set was fetched before, the old set keeps being used. Thread-safe.
 */
public final class OpenIdSigningKeys implements SigningKeySource {
  private final URI configuration;
  private final HttpClient client;
  private final Duration timeout;
  private final Duration maxAge;
  private final Duration minRefreshInterval;
  private final Clock clock;

  private JWKSet cached;
  private Instant fetchedAt;
  private Instant lastAttempt;

  /**
   * @param configuration the OpenID configuration URL (https, or http to loopback)
   * @param client the HTTP client
   * @param timeout how long one fetch may take
   * @param maxAge how long a fetched set is used before it is fetched again
   * @param minRefreshInterval the least time between two fetches
   * @param clock the clock
   */
  public OpenIdSigningKeys(
      URI configuration,
      HttpClient client,
      Duration timeout,
      Duration maxAge,
      Duration minRefreshInterval,
      Clock clock) {
    this.configuration = Endpoints.requireSecure(configuration, "OpenID configuration URL");
    this.client = Objects.requireNonNull(client, "client");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized JWKSet keys(boolean refresh) {
    Instant now = clock.instant();
    boolean stale = cached == null || !now.isBefore(fetchedAt.plus(maxAge));
    boolean wanted = stale || refresh;
    boolean allowed = lastAttempt == null || !now.isBefore(lastAttempt.plus(minRefreshInterval));
    if (cached != null && (!wanted || !allowed)) {
      return cached;
    }
    lastAttempt = now;
    try {
      cached = fetch();
      fetchedAt = now;
    } catch (CallbackAuthenticationException e) {
      if (cached == null) {
        throw e;
      }
    }
    return cached;
  }

  private JWKSet fetch() {
    JsonNode document =
        document(get(configuration), "the OpenID configuration at " + configuration);
    JsonNode jwksUri = document.get("jwks_uri");
    if (jwksUri == null || !jwksUri.isTextual()) {
      throw new CallbackAuthenticationException(
          Reason.KEYS_UNAVAILABLE,
          "the OpenID configuration at " + configuration + " has no jwks_uri");
    }
    URI keys;
    try {
      keys = Endpoints.requireSecure(configuration.resolve(jwksUri.asText()), "jwks_uri");
    } catch (IllegalArgumentException e) {
      throw new CallbackAuthenticationException(Reason.KEYS_UNAVAILABLE, e.getMessage(), e);
    }
    try {
      return JWKSet.parse(get(keys)).toPublicJWKSet();
    } catch (ParseException e) {
      throw new CallbackAuthenticationException(
          Reason.KEYS_UNAVAILABLE,
          "the key set at " + keys + " is not a JWK set: " + e.getMessage(),
          e);
    }
  }

  private String get(URI uri) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CallbackAuthenticationException(
          Reason.KEYS_UNAVAILABLE, "fetching " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallbackAuthenticationException(
          Reason.KEYS_UNAVAILABLE, "interrupted while fetching " + uri, e);
    }
    if (response.statusCode() != 200) {
      throw new CallbackAuthenticationException(
          Reason.KEYS_UNAVAILABLE, "fetching " + uri + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static JsonNode document(String text, String what) {
    JsonNode node;
    try {
      node = AcsJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new CallbackAuthenticationException(
          Reason.KEYS_UNAVAILABLE, what + " is not JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new CallbackAuthenticationException(
          Reason.KEYS_UNAVAILABLE, what + " is not a JSON object");
    }
    return node;
  }
}
