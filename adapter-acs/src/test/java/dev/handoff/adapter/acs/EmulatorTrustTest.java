package dev.handoff.adapter.acs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.adapter.acs.auth.CallbackAuthenticationException;
import dev.handoff.adapter.acs.auth.JwtCallbackVerifier;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.emulator.AcsEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.journal.SentCallback;
import dev.handoff.ports.out.SubmitContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the emulator hands out over HTTPS works with the adapter as is, given the emulator's trust
 * in one call; without it the key fetch fails as a library user saw it fail.
 */
class EmulatorTrustTest {
  @Test
  void theHttpsEndpointsWorkWithTheEmulatorsSslContext() {
    try (HandoffEmulator emulator =
        HandoffEmulator.builder().httpPort(0).httpsPort(0).timeScale(0.05).build().start()) {
      AcsEndpoints acs = emulator.acs();
      String callId =
          emulator
              .control()
              .createAcsCall(AcsCallSpec.oneToOne("http://127.0.0.1:9/nowhere", "4:+14255550100"))
              .callConnectionId();
      CallTransfer transfer = CallTransfer.builder(callId, PhoneNumber.of("+14255550123")).build();

      SubmitResult result =
          AcsCallControl.builder()
              .connectionString(acs.connectionString())
              .options(AcsOptions.builder().sslContext(emulator.trust().sslContext()).build())
              .build()
              .transfer(transfer, SubmitContext.standalone(transfer, Clock.systemUTC()));

      assertThat(acs.connectionString()).startsWith("endpoint=https://");
      assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
      List<SentCallback> sent =
          emulator
              .journal()
              .awaitCallbacks(c -> c.callId().equals(callId), 1, Duration.ofSeconds(5));
      String token = sent.get(0).headers().get("Authorization");
      JwtCallbackVerifier trusting =
          JwtCallbackVerifier.builder()
              .audience(acs.resourceId())
              .openIdConfiguration(acs.openIdConfiguration())
              .sslContext(emulator.trust().sslContext())
              .build();
      assertThat(trusting.verify(token).getAudience()).containsExactly(acs.resourceId());
      JwtCallbackVerifier untrusting =
          JwtCallbackVerifier.builder()
              .audience(acs.resourceId())
              .openIdConfiguration(acs.openIdConfiguration())
              .build();
      assertThatThrownBy(() -> untrusting.verify(token))
          .isInstanceOfSatisfying(
              CallbackAuthenticationException.class,
              refused ->
                  assertThat(refused.reason())
                      .isEqualTo(CallbackAuthenticationException.Reason.KEYS_UNAVAILABLE));
    }
  }

  @Test
  void anSslContextAndAnHttpClientTogetherAreRefused() {
    assertThatThrownBy(
            () ->
                AcsOptions.builder()
                    .httpClient(java.net.http.HttpClient.newHttpClient())
                    .sslContext(javax.net.ssl.SSLContext.getDefault())
                    .build())
        .hasMessageContaining("sslContext: set either an httpClient or an sslContext");
  }
}
