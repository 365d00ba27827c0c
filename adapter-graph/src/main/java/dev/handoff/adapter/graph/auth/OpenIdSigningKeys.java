package dev.handoff.adapter.graph.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.handoff.adapter.graph.http.Endpoints;
import dev.handoff.adapter.graph.wire.GraphJson;
import dev.handoff.ports.security.SigningKeyRules;
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
import java.util.Optional;

/**
 * Signing keys read from an OpenID configuration document: its {@code jwks_uri} gives the key set.
 *
 * <p>The keys are cached for {@link Builder#maxAge} (default {@link
 * SigningKeyRules#CACHE_LIFETIME}, as for every adapter). A token whose {@code kid} is not in the
 * cache triggers one reload, at most once per {@link Builder#minRefreshInterval} (default 1 minute)
 * so that tokens with made-up key ids cannot make the adapter hammer the key endpoint. Loading is
 * single-flight. When a reload fails the keys already held stay in use; only when none were ever
 * loaded does {@link #key} throw. Thread-safe.
 */
public final class OpenIdSigningKeys implements SigningKeySource {
  private final URI configuration;
  private final HttpClient http;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration minRefreshInterval;
  private final Duration timeout;
  private JWKSet keys;
  private Instant loadedAt;
  private Instant lastAttempt;

  private OpenIdSigningKeys(Builder builder) {
    this.configuration = Endpoints.require(builder.configuration, "openIdConfiguration");
    this.http = builder.httpClient != null ? builder.httpClient : HttpClient.newHttpClient();
    this.clock = builder.clock;
    this.maxAge = builder.maxAge;
    this.minRefreshInterval = builder.minRefreshInterval;
    this.timeout = builder.timeout;
  }

  /**
   * @param configuration the OpenID configuration document's URL
   * @return a builder
   */
  public static Builder builder(URI configuration) {
    return new Builder(configuration);
  }

  @Override
  public synchronized Optional<JWK> key(String keyId) {
    Instant now = clock.instant();
    if (keys == null || !now.isBefore(loadedAt.plus(maxAge))) {
      reload(now);
    }
    Optional<JWK> found = Optional.ofNullable(keys.getKeyByKeyId(keyId));
    if (found.isEmpty() && !now.isBefore(lastAttempt.plus(minRefreshInterval))) {
      reload(now);
      found = Optional.ofNullable(keys.getKeyByKeyId(keyId));
    }
    return found;
  }

  private void reload(Instant now) {
    lastAttempt = now;
    try {
      JsonNode document = GraphJson.mapper().readTree(get(configuration));
      JsonNode jwksUri = document.get("jwks_uri");
      if (jwksUri == null || !jwksUri.isTextual()) {
        throw new SigningKeysUnavailableException(
            "the OpenID configuration " + configuration + " has no jwks_uri", null);
      }
      URI keySetUri = Endpoints.require(URI.create(jwksUri.asText()), "jwks_uri");
      keys = JWKSet.parse(get(keySetUri));
      loadedAt = now;
    } catch (IOException
        | ParseException
        | IllegalArgumentException
        | SigningKeysUnavailableException e) {
      if (keys == null) {
        throw e instanceof SigningKeysUnavailableException
            ? (SigningKeysUnavailableException) e
            : new SigningKeysUnavailableException(
                "the signing keys could not be loaded from " + configuration + ": " + e, e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (keys == null) {
        throw new SigningKeysUnavailableException("interrupted while loading the signing keys", e);
      }
    }
  }

  private String get(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  /** Builds {@link OpenIdSigningKeys}. */
  public static final class Builder {
    private final URI configuration;
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Duration maxAge = SigningKeyRules.CACHE_LIFETIME;
    private Duration minRefreshInterval = SigningKeyRules.MIN_REFETCH_INTERVAL;
    private Duration timeout = Duration.ofSeconds(10);

    private Builder(URI configuration) {
      this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /**
     * @param value the HTTP client
     * @return this builder
     */
    public Builder httpClient(HttpClient value) {
      httpClient = value;
      return this;
    }

    /**
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * @param value how long loaded keys are used before they are reloaded; default {@link
     *     SigningKeyRules#CACHE_LIFETIME}
     * @return this builder
     */
    public Builder maxAge(Duration value) {
      maxAge = positive(value, "maxAge");
      return this;
    }

    /**
     * @param value the least time between two loads caused by unknown key ids; default 1 minute
     * @return this builder
     */
    public Builder minRefreshInterval(Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException(
            "minRefreshInterval must be zero or positive, was " + value);
      }
      minRefreshInterval = value;
      return this;
    }

    /**
     * @param value how long one request may take; default 10 seconds
     * @return this builder
     */
    public Builder timeout(Duration value) {
      timeout = positive(value, "timeout");
      return this;
    }

    private static Duration positive(Duration value, String name) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }

    /**
     * @return the key source
     * @throws IllegalArgumentException when the configuration URL is not https (or http on
     *     loopback)
     */
    public OpenIdSigningKeys build() {
      return new OpenIdSigningKeys(this);
    }
  }
}
