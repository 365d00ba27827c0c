package dev.handoff.contract.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.adapter.acs.AcsCallControl;
import dev.handoff.adapter.acs.auth.CallbackAuthenticationException;
import dev.handoff.adapter.acs.auth.CallbackRequest;
import dev.handoff.adapter.acs.auth.JwtCallbackVerifier;
import dev.handoff.adapter.acs.events.AcsEventParser;
import dev.handoff.adapter.graph.GraphCallControl;
import dev.handoff.adapter.graph.auth.GraphNotificationAuthenticator;
import dev.handoff.adapter.graph.auth.VerifiedNotificationToken;
import dev.handoff.adapter.graph.notifications.GraphNotificationParser;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.emulator.AcsEndpoints;
import dev.handoff.emulator.GraphEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.journal.SentCallback;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The emulator's callbacks are authentic in the adapters' eyes: their JWTs verify with the
 * adapters' own verifiers against the emulator's published keys, and their bodies parse into the
 * expected domain events. A verifier configured for another audience refuses them.
 */
class EmulatorCallbacksAuthenticityTest {
  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR = new HandoffEmulatorExtension();

  private static CallbackReceiver receiver;

  @BeforeAll
  static void listen() throws Exception {
    receiver = new CallbackReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static List<SentCallback> callbacksOf(
      HandoffEmulator emulator, String callId, int count) {
    return emulator
        .journal()
        .awaitCallbacks(
            callback -> callId.equals(callback.callId()), count, Duration.ofSeconds(10));
  }

  @Test
  void acsCallbacksVerifyWithTheAcsAdaptersVerifierAndParse() {
    HandoffEmulator emulator = EMULATOR.emulator();
    AcsEndpoints acs = emulator.acs();
    URI callback = receiver.uri("/acs");
    AcsCall call =
        emulator
            .control()
            .createAcsCall(AcsCallSpec.oneToOne(callback.toString(), "4:+14255550100"));
    CallTransfer transfer =
        CallTransfer.builder(call.callConnectionId(), PhoneNumber.of("+14255550123"))
            .operationContext("xfer-" + UUID.randomUUID())
            .build();

    SubmitResult result =
        AcsCallControl.builder()
            .connectionString(acs.httpConnectionString())
            .build()
            .transfer(transfer, SubmitContext.standalone(transfer, Clock.systemUTC()));
    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);

    JwtCallbackVerifier verifier =
        JwtCallbackVerifier.builder()
            .audience(acs.resourceId())
            .issuer(acs.callbackIssuer())
            .openIdConfiguration(acs.httpOpenIdConfiguration())
            .build();
    List<SentCallback> sent = callbacksOf(emulator, call.callConnectionId(), 2);
    for (SentCallback callback1 : sent) {
      verifier.authenticate(CallbackRequest.of(callback1.headers().get("Authorization"), callback));
    }
    List<ProviderEvent> events = AcsEventParser.create().parseEvents(sent.get(0).body());
    assertThat(events)
        .first()
        .isInstanceOfSatisfying(
            OperationUpdate.class,
            update -> {
              assertThat(update.scope()).isEqualTo(OperationKind.TRANSFER);
              assertThat(update.progress()).isEqualTo(Progress.COMPLETED);
              assertThat(update.correlation()).isEqualTo(transfer.operationContext());
            });

    JwtCallbackVerifier otherResource =
        JwtCallbackVerifier.builder()
            .audience("another-resource")
            .issuer(acs.callbackIssuer())
            .openIdConfiguration(acs.httpOpenIdConfiguration())
            .build();
    assertThatThrownBy(
            () ->
                otherResource.authenticate(
                    CallbackRequest.of(sent.get(0).headers().get("Authorization"), callback)))
        .isInstanceOfSatisfying(
            CallbackAuthenticationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(CallbackAuthenticationException.Reason.WRONG_AUDIENCE));
  }

  @Test
  void graphNotificationsVerifyWithTheGraphAdaptersAuthenticatorAndParse() {
    HandoffEmulator emulator = EMULATOR.emulator();
    GraphEndpoints graph = emulator.graph();
    String agent = UUID.randomUUID().toString();
    GraphCall call =
        emulator
            .control()
            .createGraphCall(
                GraphCallSpec.peerToPeer(
                    receiver.uri("/graph").toString(), "user:" + UUID.randomUUID()));
    CallTransfer transfer =
        CallTransfer.builder(call.callId(), TeamsUser.of(agent).withTenantId(graph.tenantId()))
            .build();

    SubmitResult result =
        GraphCallControl.builder()
            .clientCredentials(graph.tenantId(), graph.clientId(), graph.clientSecret())
            .tokenEndpoint(graph.httpTokenEndpoint())
            .baseUrl(graph.httpBaseUrl())
            .build()
            .transfer(transfer, SubmitContext.standalone(transfer, Clock.systemUTC()));
    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);

    GraphNotificationAuthenticator authenticator =
        GraphNotificationAuthenticator.builder(graph.botAppId())
            .openIdConfiguration(graph.httpOpenIdConfiguration())
            .issuers(Set.of(graph.callbackIssuer()))
            .build();
    List<SentCallback> sent = callbacksOf(emulator, call.callId(), 3);
    GraphNotificationParser parser = GraphNotificationParser.builder().build();
    List<Progress> progress =
        sent.stream()
            .peek(
                notification -> {
                  VerifiedNotificationToken token =
                      authenticator.verify(notification.headers().get("Authorization"));
                  assertThat(token.tenantId()).isEqualTo(graph.tenantId());
                })
            .flatMap(notification -> parser.parse(notification.body()).stream())
            .filter(OperationUpdate.class::isInstance)
            .map(OperationUpdate.class::cast)
            .filter(update -> update.scope() == OperationKind.TRANSFER)
            .map(OperationUpdate::progress)
            .collect(Collectors.toList());
    assertThat(progress)
        .containsExactly(Progress.IN_PROGRESS, Progress.ACCEPTED, Progress.COMPLETED);

    GraphNotificationAuthenticator otherBot =
        GraphNotificationAuthenticator.builder("another-bot")
            .openIdConfiguration(graph.httpOpenIdConfiguration())
            .issuers(Set.of(graph.callbackIssuer()))
            .build();
    assertThatThrownBy(() -> otherBot.verify(sent.get(0).headers().get("Authorization")))
        .isInstanceOfSatisfying(
            dev.handoff.adapter.graph.auth.CallbackAuthenticationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(
                        dev.handoff.adapter.graph.auth.CallbackAuthenticationException.Reason
                            .WRONG_AUDIENCE));
  }
}
