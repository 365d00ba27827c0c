package dev.handoff.adapter.graph.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.handoff.adapter.graph.auth.CallbackAuthenticationException.Reason;
import dev.handoff.adapter.graph.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Accept and reject cases for notification tokens, offline with generated keys. */
class GraphNotificationAuthenticatorTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final RSAKey KEY = Tokens.key("key-1");
  private static final RSAKey OTHER = Tokens.key("key-1");

  private final MutableClock clock = new MutableClock(NOW);
  private final GraphNotificationAuthenticator authenticator =
      GraphNotificationAuthenticator.builder(Tokens.APP_ID)
          .keySource(SigningKeySource.of(new JWKSet(KEY.toPublicJWK())))
          .clock(clock)
          .build();

  @Test
  void aGenuineTokenIsAcceptedAndItsTenantReturned() {
    String token = Tokens.sign(KEY, Tokens.claims(NOW).build());

    VerifiedNotificationToken verified = authenticator.verify("Bearer " + token);

    assertThat(verified.tenantId()).isEqualTo(Tokens.TENANT);
    assertThat(verified.issuer()).isEqualTo(Tokens.ISSUER);
    assertThat(verified.appId()).isEqualTo(Tokens.APP_ID);
    assertThat(verified.keyId()).isEqualTo("key-1");
    assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(verified.claims()).containsEntry("tid", Tokens.TENANT);
  }

  @Test
  void theGraphIssuerTheBearerSchemeInAnyCaseAndSeveralAudiencesAreAccepted() {
    String token =
        Tokens.sign(
            KEY,
            Tokens.claims(NOW)
                .issuer("https://graph.microsoft.com")
                .audience(List.of("other", Tokens.APP_ID))
                .build());

    assertThat(authenticator.verify("bearer  " + token + " ").issuer())
        .isEqualTo("https://graph.microsoft.com");
  }

  @Test
  void expiryAndNotBeforeAllowTheClockSkew() {
    String expiredALittle =
        Tokens.sign(
            KEY, Tokens.claims(NOW).expirationTime(Date.from(NOW.minusSeconds(240))).build());
    String earlyALittle =
        Tokens.sign(KEY, Tokens.claims(NOW).notBeforeTime(Date.from(NOW.plusSeconds(240))).build());

    assertThat(authenticator.verifyToken(expiredALittle).tenantId()).isEqualTo(Tokens.TENANT);
    assertThat(authenticator.verifyToken(earlyALittle).tenantId()).isEqualTo(Tokens.TENANT);
  }

  @Test
  void rejectsAMissingHeader() {
    assertRefused(() -> authenticator.verify(null), Reason.MISSING_HEADER);
    assertRefused(() -> authenticator.verify("  "), Reason.MISSING_HEADER);
  }

  @Test
  void rejectsAHeaderThatIsNotBearer() {
    String token = Tokens.sign(KEY, Tokens.claims(NOW).build());
    assertRefused(() -> authenticator.verify("Basic " + token), Reason.NOT_BEARER);
    assertRefused(() -> authenticator.verify("Bearer "), Reason.NOT_BEARER);
    assertRefused(() -> authenticator.verify(token), Reason.NOT_BEARER);
  }

  @Test
  void rejectsSomethingThatIsNotAJwt() {
    assertRefused(() -> authenticator.verify("Bearer not-a-jwt"), Reason.MALFORMED_TOKEN);
  }

  @Test
  void rejectsAlgNone() {
    assertRefused(
        () -> authenticator.verifyToken(Tokens.unsigned(Tokens.claims(NOW).build())),
        Reason.UNSIGNED);
  }

  @Test
  void rejectsOtherAlgorithms() {
    assertRefused(
        () -> authenticator.verifyToken(Tokens.hs256("key-1", Tokens.claims(NOW).build())),
        Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void rejectsATokenWithoutKeyId() {
    assertRefused(
        () -> authenticator.verifyToken(Tokens.sign(KEY, null, Tokens.claims(NOW).build())),
        Reason.MISSING_KEY_ID);
  }

  @Test
  void rejectsAnUnknownKeyId() {
    RSAKey stranger = Tokens.key("key-unknown");
    assertRefused(
        () -> authenticator.verifyToken(Tokens.sign(stranger, Tokens.claims(NOW).build())),
        Reason.UNKNOWN_KEY);
  }

  @Test
  void rejectsAKeyPublishedForEncryption() throws Exception {
    RSAKey encryption =
        new RSAKey.Builder(KEY.toRSAPublicKey()).keyID("enc-1").keyUse(KeyUse.ENCRYPTION).build();
    GraphNotificationAuthenticator withEncryptionKey =
        GraphNotificationAuthenticator.builder(Tokens.APP_ID)
            .keySource(SigningKeySource.of(new JWKSet(encryption)))
            .clock(clock)
            .build();

    assertRefused(
        () -> withEncryptionKey.verifyToken(Tokens.sign(KEY, "enc-1", Tokens.claims(NOW).build())),
        Reason.UNKNOWN_KEY);
  }

  @Test
  void rejectsASignatureByAnotherKeyWithTheSameKeyId() {
    assertRefused(
        () -> authenticator.verifyToken(Tokens.sign(OTHER, Tokens.claims(NOW).build())),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsATamperedPayload() {
    String token = Tokens.sign(KEY, Tokens.claims(NOW).build());
    String[] parts = token.split("\\.");
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                Tokens.claims(NOW)
                    .claim("tid", "attacker-tenant")
                    .build()
                    .toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertRefused(
        () -> authenticator.verifyToken(parts[0] + "." + forged + "." + parts[2]),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAWrongIssuer() {
    assertRefused(
        () ->
            authenticator.verifyToken(
                Tokens.sign(KEY, Tokens.claims(NOW).issuer("https://evil.example").build())),
        Reason.WRONG_ISSUER);
    assertRefused(
        () -> authenticator.verifyToken(Tokens.sign(KEY, Tokens.claims(NOW).issuer(null).build())),
        Reason.WRONG_ISSUER);
  }

  @Test
  void configuredIssuersReplaceTheDefaults() {
    GraphNotificationAuthenticator onlyBotFramework =
        GraphNotificationAuthenticator.builder(Tokens.APP_ID)
            .keySource(SigningKeySource.of(new JWKSet(KEY.toPublicJWK())))
            .issuers(Set.of("https://api.botframework.com"))
            .clock(clock)
            .build();

    assertRefused(
        () ->
            onlyBotFramework.verifyToken(
                Tokens.sign(KEY, Tokens.claims(NOW).issuer("https://graph.microsoft.com").build())),
        Reason.WRONG_ISSUER);
  }

  @Test
  void rejectsAWrongAudience() {
    assertRefused(
        () ->
            authenticator.verifyToken(
                Tokens.sign(KEY, Tokens.claims(NOW).audience("another-bot").build())),
        Reason.WRONG_AUDIENCE);
    assertRefused(
        () ->
            authenticator.verifyToken(
                Tokens.sign(KEY, Tokens.claims(NOW).audience((String) null).build())),
        Reason.WRONG_AUDIENCE);
  }

  @Test
  void rejectsAnExpiredToken() {
    String token = Tokens.sign(KEY, Tokens.claims(NOW).build());
    clock.advance(Duration.ofSeconds(3600 + 301));

    assertRefused(() -> authenticator.verifyToken(token), Reason.EXPIRED);
  }

  @Test
  void rejectsATokenWithoutExpiry() {
    assertRefused(
        () ->
            authenticator.verifyToken(
                Tokens.sign(KEY, Tokens.claims(NOW).expirationTime(null).build())),
        Reason.MISSING_EXPIRY);
  }

  @Test
  void rejectsATokenNotYetValid() {
    assertRefused(
        () ->
            authenticator.verifyToken(
                Tokens.sign(
                    KEY,
                    Tokens.claims(NOW).notBeforeTime(Date.from(NOW.plusSeconds(600))).build())),
        Reason.NOT_YET_VALID);
  }

  @Test
  void rejectsATokenWithoutTenant() {
    assertRefused(
        () ->
            authenticator.verifyToken(
                Tokens.sign(KEY, Tokens.claims(NOW).claim("tid", null).build())),
        Reason.MISSING_TENANT);
    assertRefused(
        () ->
            authenticator.verifyToken(
                Tokens.sign(KEY, Tokens.claims(NOW).claim("tid", " ").build())),
        Reason.MISSING_TENANT);
    assertRefused(
        () ->
            authenticator.verifyToken(
                Tokens.sign(KEY, Tokens.claims(NOW).claim("tid", 42).build())),
        Reason.MISSING_TENANT);
  }

  @Test
  void aTokenOfATenantTheBotDoesNotServeIsRefused() {
    GraphNotificationAuthenticator ownTenant =
        GraphNotificationAuthenticator.builder(Tokens.APP_ID)
            .keySource(SigningKeySource.of(new JWKSet(KEY.toPublicJWK())))
            .tenants(Set.of(Tokens.TENANT.toUpperCase(java.util.Locale.ROOT), "second-tenant"))
            .clock(clock)
            .build();
    assertThat(ownTenant.verifyToken(Tokens.sign(KEY, Tokens.claims(NOW).build())).tenantId())
        .isEqualTo(Tokens.TENANT);
    assertThat(
            ownTenant
                .verifyToken(
                    Tokens.sign(KEY, Tokens.claims(NOW).claim("tid", "SECOND-tenant").build()))
                .tenantId())
        .as("a multi-tenant bot lists every tenant it serves")
        .isEqualTo("SECOND-tenant");
    assertRefused(
        () ->
            ownTenant.verifyToken(
                Tokens.sign(KEY, Tokens.claims(NOW).claim("tid", "attacker-tenant").build())),
        Reason.WRONG_TENANT);
    assertThat(
            authenticator
                .verifyToken(
                    Tokens.sign(KEY, Tokens.claims(NOW).claim("tid", "attacker-tenant").build()))
                .tenantId())
        .as("without tenants only the presence of tid is checked")
        .isEqualTo("attacker-tenant");
  }

  @Test
  void theMessageNeverContainsTheToken() {
    String token = Tokens.sign(KEY, Tokens.claims(NOW).audience("another-bot").build());

    assertThatThrownBy(() -> authenticator.verifyToken(token))
        .message()
        .doesNotContain(token)
        .doesNotContain(token.split("\\.")[2]);
  }

  @Test
  void theBuilderValidates() {
    assertThatThrownBy(() -> GraphNotificationAuthenticator.builder(" "))
        .hasMessageContaining("appId");
    assertThatThrownBy(() -> GraphNotificationAuthenticator.builder("a").issuers(Set.of()))
        .hasMessageContaining("issuers");
    assertThatThrownBy(
            () -> GraphNotificationAuthenticator.builder("a").clockSkew(Duration.ofSeconds(-1)))
        .hasMessageContaining("clockSkew");
    assertThatThrownBy(
            () ->
                GraphNotificationAuthenticator.builder("a")
                    .openIdConfiguration(java.net.URI.create("http://keys.example/oidc"))
                    .build())
        .hasMessageContaining("openIdConfiguration must use https");
    assertThat(GraphNotificationAuthenticator.DEFAULT_OPENID_CONFIGURATION)
        .hasToString("https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration");
  }

  static void assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            CallbackAuthenticationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).startsWith(reason + ": ");
            });
  }
}
