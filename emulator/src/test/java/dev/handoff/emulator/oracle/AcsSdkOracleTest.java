package dev.handoff.emulator.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.CallAutomationClientBuilder;
import com.azure.communication.callautomation.CallAutomationEventParser;
import com.azure.communication.callautomation.CallConnection;
import com.azure.communication.callautomation.models.AddParticipantOptions;
import com.azure.communication.callautomation.models.AddParticipantResult;
import com.azure.communication.callautomation.models.CallInvite;
import com.azure.communication.callautomation.models.TransferCallResult;
import com.azure.communication.callautomation.models.TransferCallToParticipantOptions;
import com.azure.communication.callautomation.models.events.AddParticipantSucceeded;
import com.azure.communication.callautomation.models.events.CallAutomationEventBase;
import com.azure.communication.callautomation.models.events.CallDisconnected;
import com.azure.communication.callautomation.models.events.CallTransferAccepted;
import com.azure.communication.callautomation.models.events.CallTransferFailed;
import com.azure.communication.callautomation.models.events.ParticipantsUpdated;
import com.azure.communication.common.CommunicationUserIdentifier;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.AcsIncomingCall;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.CallbackReceiver;
import io.netty.handler.ssl.SslContextBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official ACS Call Automation SDK (1.0.4), unchanged, against the emulator over HTTPS: its
 * requests must pass the emulator's HMAC check and validation, and the emulator's responses and
 * events must satisfy the SDK's parsers.
 */
class AcsSdkOracleTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01));

  static CallbackReceiver receiver;

  @BeforeAll
  static void start() {
    receiver = new CallbackReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static CallAutomationClient client(HandoffEmulator emulator) {
    HttpClient http =
        new NettyAsyncHttpClientBuilder(
                reactor.netty.http.client.HttpClient.create()
                    .secure(
                        spec -> {
                          try {
                            spec.sslContext(
                                SslContextBuilder.forClient()
                                    .trustManager(emulator.trust().certificate())
                                    .build());
                          } catch (javax.net.ssl.SSLException e) {
                            throw new IllegalStateException(e);
                          }
                        }))
            .build();
    return new CallAutomationClientBuilder()
        .connectionString(emulator.acs().connectionString())
        .httpClient(http)
        .buildClient();
  }

  private static List<CallAutomationEventBase> events(String path, int count) {
    return receiver.await(path, count).stream()
        .flatMap(r -> CallAutomationEventParser.parseEvents(r.body()).stream())
        .toList();
  }

  @Test
  void transfersAndParsesTheEvents(HandoffEmulator emulator) {
    AcsCall call =
        emulator
            .control()
            .createAcsCall(AcsCallSpec.oneToOne(receiver.url("/transfer"), "4:+14255550100"));
    CallConnection connection = client(emulator).getCallConnection(call.callConnectionId());

    Response<TransferCallResult> response =
        connection.transferCallToParticipantWithResponse(
            new TransferCallToParticipantOptions(new PhoneNumberIdentifier("+14255550123"))
                .setOperationContext("sdk-xfer"),
            Context.NONE);

    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(response.getValue().getOperationContext()).isEqualTo("sdk-xfer");
    List<CallAutomationEventBase> events = events("/transfer", 2);
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(CallTransferAccepted.class);
    CallTransferAccepted accepted = (CallTransferAccepted) events.get(0);
    assertThat(accepted.getCallConnectionId()).isEqualTo(call.callConnectionId());
    assertThat(accepted.getOperationContext()).isEqualTo("sdk-xfer");
    assertThat(accepted.getResultInformation().getCode()).isEqualTo(200);
    assertThat(accepted.getResultInformation().getSubCode()).isEqualTo(7015);
    assertThat(events.get(1)).isInstanceOf(CallDisconnected.class);

    ReceivedRequest request =
        emulator.journal().requests().stream()
            .filter(r -> r.operation().equals("acs.transfer"))
            .findFirst()
            .orElseThrow();
    assertThat(request.query()).isEqualTo("api-version=2023-03-06");
    assertThat(request.scheme()).isEqualTo("https");
    assertThat(request.header("Repeatability-Request-ID")).isNotBlank();
    assertThat(request.body()).doesNotContain("\"kind\"");
  }

  @Test
  void aDeclinedTransferParsesAsCallTransferFailed(HandoffEmulator emulator) {
    AcsCall call =
        emulator
            .control()
            .createAcsCall(AcsCallSpec.oneToOne(receiver.url("/declined"), "4:+14255550100"));
    emulator.control().script("+14255550123", Outcome.decline());
    TransferCallResult result =
        client(emulator)
            .getCallConnection(call.callConnectionId())
            .transferCallToParticipant(new PhoneNumberIdentifier("+14255550123"));
    assertThat(result.getOperationContext()).isNull();
    CallAutomationEventBase event = events("/declined", 1).get(0);
    assertThat(event).isInstanceOf(CallTransferFailed.class);
    assertThat(((CallTransferFailed) event).getResultInformation().getCode()).isEqualTo(603);
  }

  @Test
  void addsAParticipantAndParsesTheEvents(HandoffEmulator emulator) {
    AcsCall call =
        emulator
            .control()
            .createAcsCall(AcsCallSpec.oneToOne(receiver.url("/add"), "4:+14255550100"));
    CallInvite invite =
        new CallInvite(
            new PhoneNumberIdentifier("+14255550199"), new PhoneNumberIdentifier("+18005550100"));
    invite.setSourceDisplayName("Bot");
    Response<AddParticipantResult> response =
        client(emulator)
            .getCallConnection(call.callConnectionId())
            .addParticipantWithResponse(
                new AddParticipantOptions(invite)
                    .setInvitationTimeout(Duration.ofSeconds(30))
                    .setOperationContext("sdk-add"),
                Context.NONE);

    assertThat(response.getStatusCode()).isEqualTo(202);
    AddParticipantResult result = response.getValue();
    assertThat(result.getOperationContext()).isEqualTo("sdk-add");
    assertThat(result.getParticipant().getIdentifier()).isInstanceOf(PhoneNumberIdentifier.class);
    assertThat(((PhoneNumberIdentifier) result.getParticipant().getIdentifier()).getPhoneNumber())
        .isEqualTo("+14255550199");
    assertThat(result.getParticipant().isMuted()).isFalse();

    List<CallAutomationEventBase> events = events("/add", 2);
    assertThat(events.get(0)).isInstanceOf(AddParticipantSucceeded.class);
    assertThat(((AddParticipantSucceeded) events.get(0)).getParticipant().getRawId())
        .isEqualTo("4:+14255550199");
    assertThat(events.get(1)).isInstanceOf(ParticipantsUpdated.class);
    assertThat(((ParticipantsUpdated) events.get(1)).getParticipants()).hasSize(2);
  }

  @Test
  void redirectsAnIncomingCall(HandoffEmulator emulator) {
    emulator.control().eventGridWebhook(receiver.url("/grid"));
    AcsIncomingCall incoming =
        emulator
            .control()
            .createAcsIncomingCall(AcsIncomingCallSpec.of("4:+14255550100", "4:+18005550100"));
    receiver.await("/grid", 2);
    Response<Void> response =
        client(emulator)
            .redirectCallWithResponse(
                new com.azure.communication.callautomation.models.RedirectCallOptions(
                    incoming.incomingCallContext(),
                    new CallInvite(new CommunicationUserIdentifier("8:acs:res_agent"))),
                Context.NONE);
    assertThat(response.getStatusCode()).isEqualTo(204);
    assertThat(emulator.journal().requests())
        .filteredOn(r -> r.operation().equals("acs.redirect"))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(204));
  }

  @Test
  void surfacesTheServiceErrorBody(HandoffEmulator emulator) {
    CallConnection missing = client(emulator).getCallConnection("no-such-call");
    assertThatThrownBy(
            () -> missing.transferCallToParticipant(new PhoneNumberIdentifier("+14255550123")))
        .isInstanceOfSatisfying(
            HttpResponseException.class,
            e -> {
              assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
              assertThat(e.getMessage()).contains("8522").contains("Call not found.");
            });
  }

  @Test
  void retriesADroppedConnectionWithTheSameRepeatabilityIdAndExecutesOnce(
      HandoffEmulator emulator) {
    AcsCall call =
        emulator
            .control()
            .createAcsCall(AcsCallSpec.oneToOne(receiver.url("/retry"), "4:+14255550100"));
    emulator.control().injectFault(FaultRule.once("acs.transfer", new FaultAction.Drop(true)));
    TransferCallResult result =
        client(emulator)
            .getCallConnection(call.callConnectionId())
            .transferCallToParticipant(new PhoneNumberIdentifier("+14255550123"));
    assertThat(result).isNotNull();
    List<ReceivedRequest> attempts =
        emulator.journal().requests().stream()
            .filter(r -> r.operation().equals("acs.transfer"))
            .toList();
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(1).header("Repeatability-Request-ID"))
        .isEqualTo(attempts.get(0).header("Repeatability-Request-ID"));
    assertThat(attempts.get(1).note()).contains("replayed");
    assertThat(events("/retry", 2)).hasSize(2);
    assertThat(emulator.journal().callbacks()).hasSize(2);
  }
}
