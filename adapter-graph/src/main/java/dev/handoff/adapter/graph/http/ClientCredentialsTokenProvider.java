package dev.handoff.adapter.graph.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.handoff.adapter.graph.wire.GraphJson;
import dev.handoff.adapter.graph.wire.TokenErrorResponse;
import dev.handoff.adapter.graph.wire.TokenResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * OAuth 2.0 client-credentials tokens from Microsoft Entra ID, for application permissions such as
 * {@code Calls.Initiate.All} (scope {@code https://graph.microsoft.com/.default}).
 *
 * <p>The token is cached and refreshed before it expires: from {@link Builder#refreshBefore the
 * refresh margin} before expiry (at most half the token's lifetime) the next caller fetches a new
 * one. Acquisition is single-flight: concurrent callers wait for one request instead of each
 * sending their own. When a refresh fails while the cached token is still valid, the cached token
 * is used and the refresh is tried again on the next call. Thread-safe.
 */
public final class ClientCredentialsTokenProvider implements AccessTokenSupplier {

  /** The Microsoft Graph scope for application permissions in the global cloud. */
  public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,254}");

  private final URI tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final HttpClient http;
  private final Clock clock;
  private final Duration refreshBefore;
  private final Duration requestTimeout;
  private final ReentrantLock fetching = new ReentrantLock();
  private volatile Cached cached;

  /** A token and when to replace it. */
  private record Cached(String token, Instant refreshAt, Instant expiresAt) {}

  private ClientCredentialsTokenProvider(Builder builder) {
    this.tokenEndpoint =
        Endpoints.require(
            builder.tokenEndpoint != null
                ? builder.tokenEndpoint
                : URI.create(builder.authority + "/" + builder.tenantId + "/oauth2/v2.0/token"),
            "tokenEndpoint");
    this.clientId = builder.clientId;
    this.clientSecret = builder.clientSecret;
    this.scope = builder.scope;
    this.http = builder.httpClient != null ? builder.httpClient : HttpClient.newHttpClient();
    this.clock = builder.clock;
    this.refreshBefore = builder.refreshBefore;
    this.requestTimeout = builder.requestTimeout;
  }

  /**
   * @param tenantId the tenant (GUID or domain) whose token endpoint issues the token
   * @param clientId the application (client) id
   * @param clientSecret the client secret
   * @return a builder
   * @throws IllegalArgumentException naming every invalid argument
   */
  public static Builder builder(String tenantId, String clientId, String clientSecret) {
    return new Builder(tenantId, clientId, clientSecret);
  }

  /**
   * @return the token endpoint this provider asks
   */
  public URI tokenEndpoint() {
    return tokenEndpoint;
  }

  /**
   * @return a cached token, or a new one when none is cached or the cached one is due for refresh
   * @throws TokenAcquisitionException when the endpoint refuses or cannot be reached and no valid
   *     token is cached
   */
  @Override
  public String accessToken() {
    Cached current = cached;
    if (current != null && clock.instant().isBefore(current.refreshAt())) {
      return current.token();
    }
    fetching.lock();
    try {
      current = cached;
      Instant now = clock.instant();
      if (current != null && now.isBefore(current.refreshAt())) {
        return current.token();
      }
      try {
        Cached fresh = fetch();
        cached = fresh;
        return fresh.token();
      } catch (TokenAcquisitionException failed) {
        if (current != null && now.isBefore(current.expiresAt())) {
          return current.token();
        }
        throw failed;
      }
    } finally {
      fetching.unlock();
    }
  }

  /** Drops the cached token when it is the refused one, so that the next call fetches anew. */
  @Override
  public void invalidate(String token) {
    fetching.lock();
    try {
      Cached current = cached;
      if (current != null && current.token().equals(token)) {
        cached = null;
      }
    } finally {
      fetching.unlock();
    }
  }

  private Cached fetch() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret);
    form.put("scope", scope);
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .timeout(requestTimeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    Instant sentAt = clock.instant();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TokenAcquisitionException(
          "The token endpoint " + tokenEndpoint + " could not be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenAcquisitionException("Interrupted while fetching a token", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw refusal(response);
    }
    TokenResponse token;
    try {
      token = GraphJson.mapper().readValue(response.body(), TokenResponse.class);
    } catch (JsonProcessingException e) {
      throw invalid(response, "the body is not a token response: " + e.getOriginalMessage());
    }
    if (token.accessToken() == null || token.accessToken().isBlank()) {
      throw invalid(response, "access_token is missing");
    }
    if (token.tokenType() != null && !"bearer".equalsIgnoreCase(token.tokenType())) {
      throw invalid(response, "token_type must be Bearer, was " + token.tokenType());
    }
    if (token.expiresIn() == null || token.expiresIn() <= 0) {
      throw invalid(response, "expires_in must be a positive number of seconds");
    }
    Duration lifetime = Duration.ofSeconds(token.expiresIn());
    Duration margin =
        refreshBefore.compareTo(lifetime.dividedBy(2)) < 0 ? refreshBefore : lifetime.dividedBy(2);
    Instant expiresAt = sentAt.plus(lifetime);
    return new Cached(token.accessToken(), expiresAt.minus(margin), expiresAt);
  }

  private TokenAcquisitionException refusal(HttpResponse<String> response) {
    TokenErrorResponse error = null;
    try {
      error = GraphJson.mapper().readValue(response.body(), TokenErrorResponse.class);
    } catch (JsonProcessingException notJson) {
      // Reported below with the raw status; the body is not Entra's error shape.
    }
    if (error == null || error.error() == null) {
      return new TokenAcquisitionException(
          "The token endpoint refused the request: HTTP "
              + response.statusCode()
              + " without an OAuth error body",
          response.statusCode(),
          null,
          null,
          null,
          null,
          null);
    }
    return new TokenAcquisitionException(
        "The token endpoint refused the request: HTTP "
            + response.statusCode()
            + ", "
            + error.error()
            + (error.errorDescription() == null ? "" : ": " + error.errorDescription()),
        response.statusCode(),
        error.error(),
        error.errorDescription(),
        error.errorCodes(),
        error.traceId(),
        error.correlationId());
  }

  private static TokenAcquisitionException invalid(HttpResponse<String> response, String why) {
    return new TokenAcquisitionException(
        "The token endpoint answered HTTP " + response.statusCode() + " but " + why,
        response.statusCode(),
        null,
        null,
        null,
        null,
        null);
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  @Override
  public String toString() {
    return "ClientCredentialsTokenProvider[endpoint="
        + tokenEndpoint
        + ", clientId="
        + clientId
        + ", scope="
        + scope
        + ", secret=***]";
  }

  /** Builds a {@link ClientCredentialsTokenProvider}. */
  public static final class Builder {
    private final String tenantId;
    private final String clientId;
    private final String clientSecret;
    private String authority = "https://login.microsoftonline.com";
    private URI tokenEndpoint;
    private String scope = GRAPH_SCOPE;
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private Duration refreshBefore = Duration.ofMinutes(5);
    private Duration requestTimeout = Duration.ofSeconds(30);

    private Builder(String tenantId, String clientId, String clientSecret) {
      StringBuilder problems = new StringBuilder();
      if (tenantId == null || !TENANT.matcher(tenantId).matches()) {
        problems.append("tenantId must be a tenant GUID or domain name, was ").append(tenantId);
      }
      if (clientId == null || clientId.isBlank()) {
        problems.append(problems.length() == 0 ? "" : "; ").append("clientId is required");
      }
      if (clientSecret == null || clientSecret.isBlank()) {
        problems.append(problems.length() == 0 ? "" : "; ").append("clientSecret is required");
      }
      if (problems.length() > 0) {
        throw new IllegalArgumentException("Invalid client credentials: " + problems);
      }
      this.tenantId = tenantId;
      this.clientId = clientId;
      this.clientSecret = clientSecret;
    }

    /**
     * @param value the Entra authority host for the default token endpoint, e.g. {@code
     *     https://login.microsoftonline.us} for the US government clouds; default {@code
     *     https://login.microsoftonline.com}
     * @return this builder
     */
    public Builder authority(String value) {
      authority = Objects.requireNonNull(value, "authority");
      return this;
    }

    /**
     * @param value the token endpoint; default {@code <authority>/<tenant>/oauth2/v2.0/token}
     * @return this builder
     */
    public Builder tokenEndpoint(URI value) {
      tokenEndpoint = value;
      return this;
    }

    /**
     * @param value the scope; default {@value #GRAPH_SCOPE}
     * @return this builder
     */
    public Builder scope(String value) {
      scope = Objects.requireNonNull(value, "scope");
      return this;
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
     * @param value the clock deciding expiry
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * @param value how long before expiry a token is replaced (at most half its lifetime); default
     *     5 minutes
     * @return this builder
     */
    public Builder refreshBefore(Duration value) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException("refreshBefore must be zero or positive, was " + value);
      }
      refreshBefore = value;
      return this;
    }

    /**
     * @param value how long one token request may take; default 30 seconds
     * @return this builder
     */
    public Builder requestTimeout(Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive, was " + value);
      }
      requestTimeout = value;
      return this;
    }

    /**
     * @return the provider
     * @throws IllegalArgumentException when the token endpoint breaks the URL rule (https, or http
     *     on loopback)
     */
    public ClientCredentialsTokenProvider build() {
      return new ClientCredentialsTokenProvider(this);
    }
  }
}
