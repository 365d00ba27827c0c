package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.graph.auth.GraphNotificationAuthenticator;
import dev.handoff.adapter.graph.http.GraphOptions;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.emulator.GraphEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.journal.SentCallback;
import dev.handoff.ports.out.SubmitContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the emulator hands out works with the adapter as is: its Graph base URL (the root, the
 * adapter adds the version), its authority host, and over HTTPS its trust in one call.
 */
class EmulatorTrustTest {
  @Test
  void theHttpsBaseUrlAndAuthorityHostWorkWithTheEmulatorsSslContext() {
    try (HandoffEmulator emulator =
        HandoffEmulator.builder().httpPort(0).httpsPort(0).timeScale(0.05).build().start()) {
      GraphEndpoints graph = emulator.graph();
      String callId =
          emulator
              .control()
              .createGraphCall(
                  GraphCallSpec.peerToPeer(
                      "http://127.0.0.1:9/nowhere", "user:" + UUID.randomUUID()))
              .callId();
      CallTransfer transfer =
          CallTransfer.builder(
                  callId, TeamsUser.of(UUID.randomUUID().toString()).withTenantId(graph.tenantId()))
              .build();

      SubmitResult result =
          GraphCallControl.builder()
              .clientCredentials(graph.tenantId(), graph.clientId(), graph.clientSecret())
              .authorityHost(graph.authorityHost())
              .baseUrl(graph.baseUrl())
              .options(GraphOptions.builder().sslContext(emulator.trust().sslContext()).build())
              .build()
              .transfer(transfer, SubmitContext.standalone(transfer, Clock.systemUTC()));

      assertThat(graph.baseUrl().getScheme()).isEqualTo("https");
      assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
      assertThat(emulator.journal().requests())
          .anySatisfy(
              request ->
                  assertThat(request.path())
                      .isEqualTo("/v1.0/communications/calls/" + callId + "/transfer"));
      List<SentCallback> sent =
          emulator
              .journal()
              .awaitCallbacks(c -> c.callId().equals(callId), 1, Duration.ofSeconds(5));
      GraphNotificationAuthenticator authenticator =
          GraphNotificationAuthenticator.builder(graph.botAppId())
              .openIdConfiguration(graph.openIdConfiguration())
              .sslContext(emulator.trust().sslContext())
              .build();
      assertThat(authenticator.verify(sent.get(0).headers().get("Authorization")).tenantId())
          .isEqualTo(graph.tenantId());
    }
  }
}
