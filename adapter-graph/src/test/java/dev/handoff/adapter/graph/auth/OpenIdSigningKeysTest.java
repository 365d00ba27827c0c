package dev.handoff.adapter.graph.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.handoff.adapter.graph.auth.CallbackAuthenticationException.Reason;
import dev.handoff.adapter.graph.support.LocalServer;
import dev.handoff.adapter.graph.support.LocalServer.Reply;
import dev.handoff.adapter.graph.support.MutableClock;
import dev.handoff.ports.security.SigningKeyRules;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keys from a local OpenID configuration and key set: caching, rotation, outages. */
class OpenIdSigningKeysTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final RSAKey FIRST = Tokens.key("first");
  private static final RSAKey SECOND = Tokens.key("second");

  private final LocalServer keys = LocalServer.start();
  private final MutableClock clock = new MutableClock(NOW);
  private final AtomicReference<JWKSet> published =
      new AtomicReference<>(new JWKSet(FIRST.toPublicJWK()));

  OpenIdSigningKeysTest() {
    keys.handler(
        request -> {
          if (request.path().equals("/v1/.well-known/OpenIdConfiguration")) {
            return Reply.json(
                200,
                "{\"issuer\":\"https://api.botframework.com\",\"jwks_uri\":\""
                    + keys.url("/v1/keys")
                    + "\","
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
          }
          if (request.path().equals("/v1/keys")) {
            return Reply.json(200, published.get().toString());
          }
          return Reply.status(404);
        });
  }

  @AfterEach
  void stop() {
    keys.close();
  }

  private GraphNotificationAuthenticator authenticator() {
    return GraphNotificationAuthenticator.builder(Tokens.APP_ID)
        .openIdConfiguration(keys.url("/v1/.well-known/OpenIdConfiguration"))
        .clock(clock)
        .build();
  }

  private long keySetFetches() {
    return keys.requests().stream().filter(r -> r.path().equals("/v1/keys")).count();
  }

  @Test
  void keysAreFetchedThroughTheOpenIdConfigurationAndCached() {
    GraphNotificationAuthenticator authenticator = authenticator();
    String token = Tokens.sign(FIRST, Tokens.claims(NOW).build());

    assertThat(authenticator.verify("Bearer " + token).tenantId()).isEqualTo(Tokens.TENANT);
    assertThat(authenticator.verify("Bearer " + token).tenantId()).isEqualTo(Tokens.TENANT);

    assertThat(keys.requests())
        .extracting(LocalServer.Recorded::path)
        .containsExactly("/v1/.well-known/OpenIdConfiguration", "/v1/keys");
  }

  @Test
  void anUnknownKeyIdReloadsTheKeysOnceSoRotatedKeysWork() {
    GraphNotificationAuthenticator authenticator = authenticator();
    authenticator.verifyToken(Tokens.sign(FIRST, Tokens.claims(NOW).build()));
    published.set(new JWKSet(java.util.List.of(FIRST.toPublicJWK(), SECOND.toPublicJWK())));
    clock.advance(Duration.ofMinutes(2));

    assertThat(authenticator.verifyToken(Tokens.sign(SECOND, Tokens.claims(NOW).build())).keyId())
        .isEqualTo("second");
    assertThat(keySetFetches()).isEqualTo(2);
  }

  @Test
  void unknownKeyIdsDoNotReloadMoreThanOncePerInterval() {
    GraphNotificationAuthenticator authenticator = authenticator();
    authenticator.verifyToken(Tokens.sign(FIRST, Tokens.claims(NOW).build()));
    RSAKey stranger = Tokens.key("stranger");

    for (int i = 0; i < 5; i++) {
      GraphNotificationAuthenticatorTest.assertRefused(
          () -> authenticator.verifyToken(Tokens.sign(stranger, Tokens.claims(NOW).build())),
          Reason.UNKNOWN_KEY);
    }
    assertThat(keySetFetches()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    GraphNotificationAuthenticatorTest.assertRefused(
        () -> authenticator.verifyToken(Tokens.sign(stranger, Tokens.claims(NOW).build())),
        Reason.UNKNOWN_KEY);
    assertThat(keySetFetches()).isEqualTo(2);
  }

  @Test
  void keysAreReloadedAfterTheirMaximumAge() {
    GraphNotificationAuthenticator authenticator = authenticator();
    authenticator.verifyToken(Tokens.sign(FIRST, Tokens.claims(NOW).build()));
    clock.advance(SigningKeyRules.CACHE_LIFETIME.minusMinutes(1));
    authenticator.verifyToken(Tokens.sign(FIRST, Tokens.claims(clock.instant()).build()));
    assertThat(keySetFetches()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    authenticator.verifyToken(Tokens.sign(FIRST, Tokens.claims(clock.instant()).build()));

    assertThat(keySetFetches()).isEqualTo(2);
  }

  @Test
  void keysAlreadyHeldStayInUseWhenAReloadFails() {
    GraphNotificationAuthenticator authenticator = authenticator();
    authenticator.verifyToken(Tokens.sign(FIRST, Tokens.claims(NOW).build()));
    keys.handler(request -> Reply.status(500));

    clock.advance(Duration.ofHours(3));
    assertThat(
            authenticator
                .verifyToken(Tokens.sign(FIRST, Tokens.claims(clock.instant()).build()))
                .tenantId())
        .isEqualTo(Tokens.TENANT);
  }

  @Test
  void noKeysAtAllIsKeysUnavailable() {
    keys.handler(request -> Reply.status(503));

    GraphNotificationAuthenticatorTest.assertRefused(
        () -> authenticator().verifyToken(Tokens.sign(FIRST, Tokens.claims(NOW).build())),
        Reason.KEYS_UNAVAILABLE);
  }

  @Test
  void aConfigurationWithoutJwksUriIsKeysUnavailable() {
    keys.handler(request -> Reply.json(200, "{\"issuer\":\"x\"}"));

    GraphNotificationAuthenticatorTest.assertRefused(
        () -> authenticator().verifyToken(Tokens.sign(FIRST, Tokens.claims(NOW).build())),
        Reason.KEYS_UNAVAILABLE);
  }

  @Test
  void aPlainHttpKeySetOffLoopbackIsRefused() {
    keys.handler(request -> Reply.json(200, "{\"jwks_uri\":\"http://keys.example/keys\"}"));

    GraphNotificationAuthenticatorTest.assertRefused(
        () -> authenticator().verifyToken(Tokens.sign(FIRST, Tokens.claims(NOW).build())),
        Reason.KEYS_UNAVAILABLE);
  }
}
