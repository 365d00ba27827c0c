package dev.handoff.adapter.graph.http;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How the adapter talks HTTP: timeouts, the bounds of the retries it allows itself, and the
 * injectable pieces (HTTP client, clock, sleeper).
 *
 * <p>Retries happen only where the request certainly did not execute (see the module README, "Retry
 * policy"): a connection that could not be opened, and 429 or 503 answers that carry {@code
 * Retry-After}. Every retry stays within {@link #maxAttempts()} and {@link #overallTimeout()}.
 *
 * @param httpClient the client to use; when empty the adapter builds one with {@link
 *     #connectTimeout()}, no redirects followed
 * @param connectTimeout how long opening a connection may take (used when the adapter builds the
 *     client)
 * @param attemptTimeout how long one attempt may wait for Graph's answer after sending; when it
 *     passes the outcome is unknown and the request is not sent again
 * @param overallTimeout how long one submission may take, retries and waits included
 * @param maxAttempts the most attempts per submission, at least 1 (1 disables retries)
 * @param maxRetryAfter the longest {@code Retry-After} the adapter waits for; a longer one ends the
 *     submission as throttled
 * @param connectRetryDelay the wait before the first retry of a connection that could not be
 *     opened; doubled for each further one
 * @param clock the clock for deadlines and token expiry
 * @param sleeper how to wait between attempts
 */
public record GraphOptions(
    Optional<HttpClient> httpClient,
    Duration connectTimeout,
    Duration attemptTimeout,
    Duration overallTimeout,
    int maxAttempts,
    Duration maxRetryAfter,
    Duration connectRetryDelay,
    Clock clock,
    Sleeper sleeper) {

  /** Most attempts a submission may be configured to make. */
  public static final int MAX_ATTEMPTS_LIMIT = 10;

  /** Validates every setting and reports all that are wrong. */
  public GraphOptions {
    httpClient = httpClient == null ? Optional.empty() : httpClient;
    List<String> problems = new ArrayList<>();
    positive(problems, "connectTimeout", connectTimeout);
    positive(problems, "attemptTimeout", attemptTimeout);
    positive(problems, "overallTimeout", overallTimeout);
    positive(problems, "connectRetryDelay", connectRetryDelay);
    if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
      problems.add("maxRetryAfter must be zero or positive, was " + maxRetryAfter);
    }
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
      problems.add(
          "maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ", was " + maxAttempts);
    }
    if (attemptTimeout != null
        && overallTimeout != null
        && attemptTimeout.compareTo(overallTimeout) > 0) {
      problems.add(
          "attemptTimeout ("
              + attemptTimeout
              + ") must not exceed overallTimeout ("
              + overallTimeout
              + ")");
    }
    if (clock == null) {
      problems.add("clock is required");
    }
    if (sleeper == null) {
      problems.add("sleeper is required");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid GraphOptions: " + String.join("; ", problems));
    }
  }

  private static void positive(List<String> problems, String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      problems.add(name + " must be positive, was " + value);
    }
  }

  /**
   * @return the defaults: connect 10 s, attempt 30 s, overall 60 s, 3 attempts, Retry-After up to
   *     30 s, first connect retry after 500 ms, system UTC clock, real sleeping
   */
  public static GraphOptions defaults() {
    return builder().build();
  }

  /**
   * @return a builder holding the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GraphOptions}; {@link #build()} validates. */
  public static final class Builder {
    private HttpClient httpClient;
    private SSLContext sslContext;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration attemptTimeout = Duration.ofSeconds(30);
    private Duration overallTimeout = Duration.ofSeconds(60);
    private int maxAttempts = 3;
    private Duration maxRetryAfter = Duration.ofSeconds(30);
    private Duration connectRetryDelay = Duration.ofMillis(500);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();

    private Builder() {}

    /**
     * @param value the HTTP client to use (its own connect timeout then applies)
     * @return this builder
     */
    public Builder httpClient(HttpClient value) {
      httpClient = Objects.requireNonNull(value, "httpClient");
      return this;
    }

    /**
     * @param value the TLS context to trust Graph and the token endpoint with, e.g. an emulator's
     *     ({@code emulator.trust().sslContext()}); the default client is then built with it. Not
     *     together with {@link #httpClient}
     * @return this builder
     */
    public Builder sslContext(SSLContext value) {
      sslContext = Objects.requireNonNull(value, "sslContext");
      return this;
    }

    /**
     * @param value how long opening a connection may take
     * @return this builder
     */
    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    /**
     * @param value how long one attempt may wait for the answer
     * @return this builder
     */
    public Builder attemptTimeout(Duration value) {
      attemptTimeout = value;
      return this;
    }

    /**
     * @param value how long a submission may take in all
     * @return this builder
     */
    public Builder overallTimeout(Duration value) {
      overallTimeout = value;
      return this;
    }

    /**
     * @param value the most attempts per submission
     * @return this builder
     */
    public Builder maxAttempts(int value) {
      maxAttempts = value;
      return this;
    }

    /**
     * @param value the longest Retry-After waited for
     * @return this builder
     */
    public Builder maxRetryAfter(Duration value) {
      maxRetryAfter = value;
      return this;
    }

    /**
     * @param value the first wait after a connection could not be opened
     * @return this builder
     */
    public Builder connectRetryDelay(Duration value) {
      connectRetryDelay = value;
      return this;
    }

    /**
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    /**
     * @param value how to wait between attempts
     * @return this builder
     */
    public Builder sleeper(Sleeper value) {
      sleeper = value;
      return this;
    }

    /**
     * @return the validated options
     * @throws IllegalArgumentException naming every invalid setting
     */
    public GraphOptions build() {
      if (sslContext != null && httpClient != null) {
        throw new IllegalArgumentException(
            "sslContext: set either an httpClient or an sslContext, not both");
      }
      HttpClient client =
          sslContext == null
              ? httpClient
              : HttpClient.newBuilder()
                  .connectTimeout(connectTimeout)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .sslContext(sslContext)
                  .build();
      return new GraphOptions(
          Optional.ofNullable(client),
          connectTimeout,
          attemptTimeout,
          overallTimeout,
          maxAttempts,
          maxRetryAfter,
          connectRetryDelay,
          clock,
          sleeper);
    }
  }

  /**
   * @return the configured client, or a new one with {@link #connectTimeout()} that follows no
   *     redirects
   */
  public HttpClient clientOrDefault() {
    return httpClient.orElseGet(
        () ->
            HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
  }
}
