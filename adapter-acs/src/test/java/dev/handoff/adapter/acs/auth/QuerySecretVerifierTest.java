package dev.handoff.adapter.acs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.adapter.acs.auth.CallbackAuthenticationException.Reason;
import java.net.URI;
import org.junit.jupiter.api.Test;

class QuerySecretVerifierTest {
  private final QuerySecretVerifier verifier =
      QuerySecretVerifier.of("secret", "s3cr3t+value/with=chars");

  @Test
  void protectsACallbackUriAndAcceptsItBack() {
    URI protectedUri = verifier.protect(URI.create("https://app.example/acs/events?tenant=7"));

    assertThat(protectedUri.toString())
        .isEqualTo("https://app.example/acs/events?tenant=7&secret=s3cr3t%2Bvalue%2Fwith%3Dchars");
    verifier.verify(protectedUri);
    verifier.authenticate(CallbackRequest.of(null, protectedUri));
    assertThat(verifier.protect(URI.create("https://app.example/cb")).getRawQuery())
        .isEqualTo("secret=s3cr3t%2Bvalue%2Fwith%3Dchars");
  }

  @Test
  void rejectsAMissingRepeatedOrWrongSecret() {
    assertReason(URI.create("https://app.example/cb?tenant=7"), Reason.MISSING_SECRET);
    assertReason(URI.create("https://app.example/cb?secret=guess"), Reason.WRONG_SECRET);
    assertReason(
        URI.create("https://app.example/cb?secret=s3cr3t%2Bvalue%2Fwith%3Dcharz"),
        Reason.WRONG_SECRET);
    assertReason(
        URI.create("https://app.example/cb?secret=s3cr3t%2Bvalue%2Fwith%3Dchars&secret=x"),
        Reason.WRONG_SECRET);
  }

  @Test
  void neverShowsTheSecret() {
    assertThat(verifier.toString()).doesNotContain("s3cr3t");
    assertThatThrownBy(() -> verifier.verify(URI.create("https://app.example/cb?secret=guess")))
        .hasMessageNotContaining("s3cr3t")
        .hasMessageNotContaining("guess");
  }

  @Test
  void refusesShortSecretsAndOddNames() {
    assertThatThrownBy(() -> QuerySecretVerifier.of("secret", "short"))
        .hasMessageContaining("at least 16");
    assertThatThrownBy(() -> QuerySecretVerifier.of("a b", "0123456789abcdef"))
        .hasMessageContaining("parameter");
  }

  private void assertReason(URI uri, Reason reason) {
    assertThatThrownBy(() -> verifier.verify(uri))
        .isInstanceOf(CallbackAuthenticationException.class)
        .satisfies(
            e -> assertThat(((CallbackAuthenticationException) e).reason()).isEqualTo(reason));
  }
}
