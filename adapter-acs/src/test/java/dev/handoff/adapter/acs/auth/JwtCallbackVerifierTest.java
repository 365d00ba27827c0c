package dev.handoff.adapter.acs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.handoff.adapter.acs.auth.CallbackAuthenticationException.Reason;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Date;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

class JwtCallbackVerifierTest {
  private static final RSAKey ACS_KEY = Tokens.rsaKey("acs-key-1");
  private static final RSAKey FORGER_KEY = Tokens.rsaKey("acs-key-1");

  private final JwtCallbackVerifier verifier =
      JwtCallbackVerifier.builder()
          .audience(Tokens.AUDIENCE)
          .keySource(SigningKeySource.fixed(new JWKSet(ACS_KEY)))
          .clock(Clock.fixed(Tokens.NOW, ZoneOffset.UTC))
          .build();

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  @Test
  void acceptsAGoodToken() {
    JWTClaimsSet claims = verifier.verify(bearer(Tokens.rs256(ACS_KEY, Tokens.claims().build())));

    assertThat(claims.getIssuer()).isEqualTo("https://acscallautomation.communication.azure.com");
    assertThat(claims.getAudience()).containsExactly(Tokens.AUDIENCE);
  }

  @Test
  void acceptsTheSchemeInAnyCaseAndThroughTheCommonInterface() {
    String token = Tokens.rs256(ACS_KEY, Tokens.claims().build());

    verifier.authenticate(
        CallbackRequest.of("bearer  " + token, URI.create("https://app.example/cb")));
    assertThat(verifier.verify("BEARER " + token).getIssuer()).isNotNull();
  }

  @Test
  void rejectsAWrongIssuer() {
    assertRejected(
        () ->
            verifier.verify(
                bearer(
                    Tokens.rs256(ACS_KEY, Tokens.claims().issuer("https://evil.example").build()))),
        Reason.WRONG_ISSUER);
  }

  @Test
  void rejectsAWrongAudience() {
    assertRejected(
        () ->
            verifier.verify(
                bearer(
                    Tokens.rs256(ACS_KEY, Tokens.claims().audience("another-resource").build()))),
        Reason.WRONG_AUDIENCE);
    assertRejected(
        () ->
            verifier.verify(
                bearer(Tokens.rs256(ACS_KEY, Tokens.claims().audience((String) null).build()))),
        Reason.WRONG_AUDIENCE);
  }

  @Test
  void rejectsAForgedSignature() {
    assertRejected(
        () -> verifier.verify(bearer(Tokens.rs256(FORGER_KEY, Tokens.claims().build()))),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsATamperedPayload() {
    String[] parts = Tokens.rs256(ACS_KEY, Tokens.claims().build()).split("\\.");
    String otherPayload =
        Tokens.rs256(ACS_KEY, Tokens.claims().audience("another-resource").build()).split("\\.")[1];

    assertRejected(
        () -> verifier.verify(bearer(parts[0] + "." + otherPayload + "." + parts[2])),
        Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAnExpiredTokenBeyondTheSkew() {
    assertRejected(
        () ->
            verifier.verify(
                bearer(
                    Tokens.rs256(
                        ACS_KEY,
                        Tokens.claims()
                            .expirationTime(Date.from(Tokens.NOW.minusSeconds(61)))
                            .build()))),
        Reason.EXPIRED);
    assertThat(
            verifier.verify(
                bearer(
                    Tokens.rs256(
                        ACS_KEY,
                        Tokens.claims()
                            .expirationTime(Date.from(Tokens.NOW.minusSeconds(59)))
                            .build()))))
        .as("within the 60 s skew")
        .isNotNull();
  }

  @Test
  void rejectsATokenNotValidYet() {
    assertRejected(
        () ->
            verifier.verify(
                bearer(
                    Tokens.rs256(
                        ACS_KEY,
                        Tokens.claims()
                            .notBeforeTime(Date.from(Tokens.NOW.plusSeconds(120)))
                            .build()))),
        Reason.NOT_YET_VALID);
  }

  @Test
  void rejectsAMissingToken() {
    assertRejected(() -> verifier.verify(null), Reason.MISSING_TOKEN);
    assertRejected(() -> verifier.verify("  "), Reason.MISSING_TOKEN);
    assertRejected(
        () -> verifier.authenticate(CallbackRequest.of(null, URI.create("https://app.example/cb"))),
        Reason.MISSING_TOKEN);
  }

  @Test
  void rejectsAMalformedHeaderOrToken() {
    assertRejected(() -> verifier.verify("Basic dXNlcjpwYXNz"), Reason.MALFORMED_HEADER);
    assertRejected(() -> verifier.verify("Bearer"), Reason.MALFORMED_HEADER);
    assertRejected(() -> verifier.verify("Bearer not-a-jwt"), Reason.MALFORMED_TOKEN);
    assertRejected(
        () ->
            verifier.verify(
                bearer(Tokens.rs256(ACS_KEY, Tokens.claims().expirationTime(null).build()))),
        Reason.MALFORMED_TOKEN);
  }

  @Test
  void rejectsUnsignedAndSymmetricTokens() {
    assertRejected(
        () -> verifier.verify(bearer(Tokens.unsigned(Tokens.claims().build()))),
        Reason.UNSUPPORTED_ALGORITHM);
    assertRejected(
        () -> verifier.verify(bearer(Tokens.hs256("acs-key-1", Tokens.claims().build()))),
        Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void rejectsAnUnknownOrMissingKeyId() {
    assertRejected(
        () ->
            verifier.verify(
                bearer(Tokens.rs256(ACS_KEY, "someone-elses-key", Tokens.claims().build()))),
        Reason.UNKNOWN_KEY);
    assertRejected(
        () -> verifier.verify(bearer(Tokens.rs256(ACS_KEY, null, Tokens.claims().build()))),
        Reason.UNKNOWN_KEY);
  }

  @Test
  void needsAnAudienceAndASaneSkew() {
    assertThatThrownBy(() -> JwtCallbackVerifier.builder().build())
        .hasMessageContaining("audience");
    assertThatThrownBy(
            () ->
                JwtCallbackVerifier.builder().audience("a").clockSkew(Duration.ofHours(1)).build())
        .hasMessageContaining("clockSkew");
  }

  private static void assertRejected(ThrowableAssert.ThrowingCallable verification, Reason reason) {
    assertThatThrownBy(verification)
        .isInstanceOf(CallbackAuthenticationException.class)
        .satisfies(
            e -> assertThat(((CallbackAuthenticationException) e).reason()).isEqualTo(reason))
        .hasMessageStartingWith(reason + ": ");
  }
}
