package dev.handoff.adapter.acs;

import dev.handoff.adapter.acs.http.Sleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Options of the ACS adapter, in the manner of the Azure SDK client options. Every option has a
 * default; build with {@link #builder()} or take {@link #defaults()}.
 *
 * @param apiVersion the Call Automation api-version, {@value #DEFAULT_API_VERSION} by default
 * @param retryPolicy how requests are retried, {@link RetryPolicy#defaults()} by default
 * @param attemptTimeout how long one attempt may wait for its answer, 10 s by default
 * @param overallTimeout how long all attempts of one request may take together, waits included, 30
 *     s by default
 * @param httpClient the HTTP client to use; by default one is created (HTTP/1.1, connect timeout =
 *     attempt timeout, redirects not followed)
 * @param clock the clock for request dates and the overall timeout, UTC system clock by default
 * @param sleeper how to wait between attempts, sleeping the thread by default
 * @param rawIdsInRequests whether typed identifiers carry {@code rawId} in requests, true by
 *     default; see {@link dev.handoff.adapter.acs.mapping.WireStyle}
 */
public record AcsOptions(
    String apiVersion,
    RetryPolicy retryPolicy,
    Duration attemptTimeout,
    Duration overallTimeout,
    Optional<HttpClient> httpClient,
    Clock clock,
    Sleeper sleeper,
    boolean rawIdsInRequests) {

  /** The api-version the adapter is written against. */
  public static final String DEFAULT_API_VERSION = "2026-03-12";

  private static final Pattern API_VERSION =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}(-preview)?");

  /** Validates the options. */
  public AcsOptions {
    Objects.requireNonNull(apiVersion, "apiVersion");
    if (!API_VERSION.matcher(apiVersion).matches()) {
      throw new IllegalArgumentException(
          "apiVersion: must look like 2026-03-12 or 2025-08-15-preview, got '" + apiVersion + "'");
    }
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    requirePositive("attemptTimeout", attemptTimeout);
    requirePositive("overallTimeout", overallTimeout);
    httpClient = httpClient == null ? Optional.empty() : httpClient;
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + ": must be positive, got " + value);
    }
  }

  /**
   * @return the default options
   */
  public static AcsOptions defaults() {
    return builder().build();
  }

  /**
   * @return a builder holding the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder holding these options
   */
  public Builder toBuilder() {
    Builder builder =
        new Builder()
            .apiVersion(apiVersion)
            .retryPolicy(retryPolicy)
            .attemptTimeout(attemptTimeout)
            .overallTimeout(overallTimeout)
            .clock(clock)
            .sleeper(sleeper)
            .rawIdsInRequests(rawIdsInRequests);
    httpClient.ifPresent(builder::httpClient);
    return builder;
  }

  /** Builds {@link AcsOptions}; starts from the defaults. */
  public static final class Builder {
    private String apiVersion = DEFAULT_API_VERSION;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration attemptTimeout = Duration.ofSeconds(10);
    private Duration overallTimeout = Duration.ofSeconds(30);
    private HttpClient httpClient;
    private SSLContext sslContext;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private boolean rawIdsInRequests = true;

    private Builder() {}

    /**
     * @param value the api-version, e.g. {@code 2026-03-12}
     * @return this builder
     */
    public Builder apiVersion(String value) {
      apiVersion = value;
      return this;
    }

    /**
     * @param value the retry policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy value) {
      retryPolicy = value;
      return this;
    }

    /**
     * @param value how long one attempt may wait for its answer
     * @return this builder
     */
    public Builder attemptTimeout(Duration value) {
      attemptTimeout = value;
      return this;
    }

    /**
     * @param value how long all attempts of one request may take together
     * @return this builder
     */
    public Builder overallTimeout(Duration value) {
      overallTimeout = value;
      return this;
    }

    /**
     * @param value the HTTP client to use (its HTTP version is overridden per request: HTTP/1.1)
     * @return this builder
     */
    public Builder httpClient(HttpClient value) {
      httpClient = value;
      return this;
    }

    /**
     * @param value the TLS context to trust the service with, e.g. an emulator's ({@code
     *     emulator.trust().sslContext()}); the default client is then built with it. Not together
     *     with {@link #httpClient}
     * @return this builder
     */
    public Builder sslContext(SSLContext value) {
      sslContext = Objects.requireNonNull(value, "sslContext");
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
     * @param value whether typed identifiers carry {@code rawId} in requests
     * @return this builder
     */
    public Builder rawIdsInRequests(boolean value) {
      rawIdsInRequests = value;
      return this;
    }

    /**
     * @return the validated options
     */
    public AcsOptions build() {
      if (sslContext != null && httpClient != null) {
        throw new IllegalArgumentException(
            "sslContext: set either an httpClient or an sslContext, not both");
      }
      if (sslContext != null) {
        httpClient =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(attemptTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(sslContext)
                .build();
        sslContext = null;
      }
      return new AcsOptions(
          apiVersion,
          retryPolicy,
          attemptTimeout,
          overallTimeout,
          Optional.ofNullable(httpClient),
          clock,
          sleeper,
          rawIdsInRequests);
    }
  }
}
