package dev.handoff.contract.pact;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.HttpsTestTarget;
import au.com.dius.pact.provider.junit5.TestTarget;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;

/**
 * Targets for provider verification that show each answer exactly as the provider gave it. Pact's
 * default HTTP client (Apache HttpClient 5) retries a 429 or 503 after its {@code Retry-After} and
 * follows redirects, so a throttling interaction would be verified against the retry's answer;
 * these targets do neither.
 */
public final class VerificationTargets {
  private VerificationTargets() {}

  /**
   * @param base the provider's base URL: scheme, host, port and an optional path prefix
   * @return an HTTP or HTTPS target sending each request once, trusting the JDK's certificates
   */
  public static TestTarget of(URI base) {
    return of(base, Optional.empty());
  }

  /**
   * @param base the provider's base URL: scheme, host, port and an optional path prefix
   * @param tls the trust for an https URL; empty for the JDK's
   * @return an HTTP or HTTPS target sending each request once
   */
  public static TestTarget of(URI base, Optional<SSLContext> tls) {
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    boolean https = scheme.equals("https");
    if (!https && !scheme.equals("http")) {
      throw new IllegalArgumentException("base: must be an http or https URL, got " + base);
    }
    int port = base.getPort() != -1 ? base.getPort() : https ? 443 : 80;
    String path =
        base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
    IHttpClientFactory oneAttempt = provider -> client(tls);
    if (https) {
      return new HttpsTestTarget(base.getHost(), port, path, false, () -> oneAttempt);
    }
    return new HttpTestTarget(base.getHost(), port, path, () -> oneAttempt);
  }

  private static org.apache.hc.client5.http.impl.classic.CloseableHttpClient client(
      Optional<SSLContext> tls) {
    HttpClientBuilder builder =
        HttpClients.custom().disableAutomaticRetries().disableRedirectHandling();
    tls.ifPresent(
        context ->
            builder.setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setTlsSocketStrategy(new DefaultClientTlsStrategy(context))
                    .build()));
    return builder.build();
  }
}
