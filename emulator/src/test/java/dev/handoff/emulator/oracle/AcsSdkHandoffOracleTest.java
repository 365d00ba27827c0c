package dev.handoff.emulator.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.communication.callautomation.CallAutomationClient;
import com.azure.communication.callautomation.CallAutomationClientBuilder;
import com.azure.communication.callautomation.CallAutomationEventParser;
import com.azure.communication.callautomation.CallConnection;
import com.azure.communication.callautomation.models.CallParticipant;
import com.azure.communication.callautomation.models.RemoveParticipantOptions;
import com.azure.communication.callautomation.models.RemoveParticipantResult;
import com.azure.communication.callautomation.models.events.CallAutomationEventBase;
import com.azure.communication.callautomation.models.events.CallDisconnected;
import com.azure.communication.callautomation.models.events.ParticipantsUpdated;
import com.azure.communication.callautomation.models.events.RemoveParticipantSucceeded;
import com.azure.communication.common.PhoneNumberIdentifier;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.CallbackReceiver;
import io.netty.handler.ssl.SslContextBuilder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official ACS SDK against the emulator's warm-handoff actions that its version knows: listing
 * the participants, removing one, the application hanging up; and the SDK's parser reads the
 * events.
 */
class AcsSdkHandoffOracleTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01).seed(5));

  static CallbackReceiver receiver;

  @BeforeAll
  static void start() {
    receiver = new CallbackReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  /** A client of the official SDK over HTTPS, trusting the emulator's certificate. */
  static CallAutomationClient client(HandoffEmulator emulator) {
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
  void listsRemovesAndHangsUpAndParsesTheEvents(HandoffEmulator emulator) {
    AcsCall call =
        emulator
            .control()
            .createAcsCall(
                AcsCallSpec.group(receiver.url("/roster"), "4:+14255550100", "4:+14255550199"));
    CallConnection connection = client(emulator).getCallConnection(call.callConnectionId());

    List<CallParticipant> participants = connection.listParticipants().stream().toList();
    assertThat(participants)
        .extracting(p -> p.getIdentifier().getRawId())
        .containsExactly("4:+14255550100", "4:+14255550199");

    Response<RemoveParticipantResult> removed =
        connection.removeParticipantWithResponse(
            new RemoveParticipantOptions(new PhoneNumberIdentifier("+14255550199"))
                .setOperationContext("sdk-remove"),
            Context.NONE);
    assertThat(removed.getStatusCode()).isEqualTo(202);
    assertThat(removed.getValue().getOperationContext()).isEqualTo("sdk-remove");
    List<CallAutomationEventBase> events = events("/roster", 2);
    assertThat(events.get(0)).isInstanceOf(RemoveParticipantSucceeded.class);
    assertThat(((RemoveParticipantSucceeded) events.get(0)).getParticipant().getRawId())
        .isEqualTo("4:+14255550199");
    assertThat(events.get(0).getOperationContext()).isEqualTo("sdk-remove");
    assertThat(((ParticipantsUpdated) events.get(1)).getParticipants()).hasSize(1);

    connection.hangUp(false);
    List<CallAutomationEventBase> after = events("/roster", 3);
    assertThat(after.get(2)).isInstanceOf(CallDisconnected.class);
    assertThat(emulator.control().acsCallState(call.callConnectionId())).contains("disconnected");
  }
}
