package dev.handoff.emulator.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Callback tokens signed ahead of need are valid, handed out once, and never stale. */
class KeptCallbackTokensTest {
  private static final Instant START = Instant.parse("2026-03-12T09:00:00Z");
  private static final CallbackTokens.Acs ACS = new CallbackTokens.Acs("resource-1");
  private static final CallbackTokens.Graph GRAPH = new CallbackTokens.Graph("bot-1", "tenant-1");

  private final SettableClock clock = new SettableClock(START);
  private final TokenService key = new TokenService(clock);
  private final CallbackTokens tokens = new CallbackTokens(key, clock);

  @AfterEach
  void close() {
    tokens.close();
  }

  @Test
  void aTokenForAnAudienceNoneWasKeptForIsSignedOnTheSpot() throws Exception {
    JWTClaimsSet claims = verified(tokens.take(ACS));

    assertThat(claims.getIssuer()).isEqualTo(TokenService.ACS_CALLBACK_ISSUER);
    assertThat(claims.getAudience()).containsExactly("resource-1");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(START);
    assertThat(tokens.keptFor(ACS)).isZero();
  }

  @Test
  void aStepBeingScheduledTopsUpEveryAudienceTakenFor() throws Exception {
    tokens.take(ACS);
    tokens.take(GRAPH);

    awaitTopUp(ACS);
    awaitTopUp(GRAPH);

    JWTClaimsSet graph = verified(tokens.take(GRAPH));
    assertThat(graph.getIssuer()).isEqualTo(TokenService.GRAPH_CALLBACK_ISSUER);
    assertThat(graph.getAudience()).containsExactly("bot-1");
    assertThat(graph.getStringClaim("tid")).isEqualTo("tenant-1");
    assertThat(verified(tokens.take(ACS)).getAudience()).containsExactly("resource-1");
  }

  @Test
  void noTokenIsHandedOutTwice() throws Exception {
    tokens.take(ACS);
    awaitTopUp(ACS);

    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 3 * CallbackTokens.DEPTH; i++) {
      ids.add(verified(tokens.take(ACS)).getJWTID());
    }

    assertThat(ids).hasSize(3 * CallbackTokens.DEPTH);
  }

  @Test
  void aKeptTokenOlderThanItMayBeIsThrownAwayAndANewOneSigned() throws Exception {
    tokens.take(ACS);
    awaitTopUp(ACS);

    clock.set(START.plus(CallbackTokens.FRESH).plusSeconds(1));

    assertThat(verified(tokens.take(ACS)).getIssueTime().toInstant()).isEqualTo(clock.instant());
    assertThat(tokens.keptFor(ACS)).isZero();
  }

  @Test
  void aKeptTokenSignedAfterWhatTheClockNowSaysIsNotHandedOut() throws Exception {
    clock.set(START.plusSeconds(5));
    tokens.take(ACS);
    awaitTopUp(ACS);

    clock.set(START);

    assertThat(verified(tokens.take(ACS)).getIssueTime().toInstant()).isEqualTo(START);
  }

  @Test
  void onceClosedTokensAreStillSignedOnTheSpot() throws Exception {
    tokens.take(ACS);
    tokens.close();

    tokens.prepare(0);

    assertThat(tokens.keptFor(ACS)).isZero();
    assertThat(verified(tokens.take(ACS)).getAudience()).containsExactly("resource-1");
  }

  /** Schedules a step due now and waits (as long as the signing takes) for the top-up it causes. */
  private void awaitTopUp(CallbackTokens.Audience audience) throws InterruptedException {
    tokens.prepare(0);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (tokens.keptFor(audience) < CallbackTokens.DEPTH && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(tokens.keptFor(audience)).isEqualTo(CallbackTokens.DEPTH);
  }

  private JWTClaimsSet verified(String token) throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    RSAKey publicKey = JWKSet.parse(key.jwks()).getKeys().get(0).toRSAKey();
    assertThat(jwt.verify(new RSASSAVerifier(publicKey))).isTrue();
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.keyId());
    return jwt.getJWTClaimsSet();
  }

  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(Instant value) {
      now = value;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
