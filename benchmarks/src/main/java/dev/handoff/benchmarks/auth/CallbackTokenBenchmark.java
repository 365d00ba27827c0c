package dev.handoff.benchmarks.auth;

import com.nimbusds.jose.jwk.JWKSet;
import dev.handoff.adapter.acs.auth.JwtCallbackVerifier;
import dev.handoff.adapter.acs.auth.SigningKeySource;
import dev.handoff.emulator.internal.auth.TokenService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The signed token on each callback, both sides of it: signing one as the emulator does for every
 * ACS callback it sends (RS256 with an RSA-2048 key), and verifying one as the service does for
 * every callback it receives (the ACS adapter's {@link JwtCallbackVerifier}: signature, issuer,
 * audience, lifetime). A transfer's outcome arrives in two callbacks, so two of each are part of
 * every transfer; the load harness's CPU figures are read against these.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallbackTokenBenchmark {
  private static final String RESOURCE_ID = "8f3c2a8e-4c0b-4e62-9f58-2b9f7a1e5d10";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

  private TokenService tokens;
  private JwtCallbackVerifier verifier;
  private String authorization;

  /** The emulator's key, a verifier that knows its public half, and one signed token. */
  @Setup
  public void setUp() throws Exception {
    tokens = new TokenService(CLOCK);
    verifier =
        JwtCallbackVerifier.builder()
            .audience(RESOURCE_ID)
            .keySource(SigningKeySource.fixed(JWKSet.parse(tokens.jwks())))
            .clock(CLOCK)
            .build();
    authorization = "Bearer " + tokens.acsCallbackToken(RESOURCE_ID);
  }

  /**
   * @return a freshly signed ACS callback token
   */
  @Benchmark
  public String signAcsCallbackToken() {
    return tokens.acsCallbackToken(RESOURCE_ID);
  }

  /**
   * @return the verified token's issuer
   */
  @Benchmark
  public String verifyAcsCallbackToken() {
    return verifier.verify(authorization).getIssuer();
  }
}
