package dev.handoff.emulator.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.microsoft.graph.communications.calls.item.participants.invite.InvitePostRequestBody;
import com.microsoft.graph.communications.calls.item.transfer.TransferPostRequestBody;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.models.Identity;
import com.microsoft.graph.models.IdentitySet;
import com.microsoft.graph.models.InvitationParticipantInfo;
import com.microsoft.graph.models.InviteParticipantsOperation;
import com.microsoft.graph.models.OperationStatus;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.EmulatorHttp;
import java.time.OffsetDateTime;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/**
 * The official Microsoft Graph SDK (6.69.0), unchanged, against the emulator over HTTPS with a
 * token from the emulator's own client-credentials endpoint.
 */
class GraphSdkOracleTest {

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

  /** A client of the official SDK over HTTPS, with a token from the emulator's endpoint. */
  static GraphServiceClient client(HandoffEmulator emulator) throws Exception {
    EmulatorHttp http = new EmulatorHttp(emulator, true);
    TokenCredential credential =
        request ->
            Mono.fromCallable(
                () -> new AccessToken(http.graphToken(), OffsetDateTime.now().plusMinutes(59)));
    AzureIdentityAuthenticationProvider auth =
        new AzureIdentityAuthenticationProvider(
            credential, new String[] {"127.0.0.1"}, "https://graph.microsoft.com/.default");
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(emulator.trust().trustStore());
    OkHttpClient ok =
        GraphClientFactory.create()
            .sslSocketFactory(
                emulator.trust().sslContext().getSocketFactory(),
                (X509TrustManager) trust.getTrustManagers()[0])
            .build();
    GraphServiceClient graph = new GraphServiceClient(auth, ok);
    graph.getRequestAdapter().setBaseUrl(emulator.graph().v1Url().toString());
    return graph;
  }

  private static InvitationParticipantInfo user(String id) {
    Identity identity = new Identity();
    identity.setId(id);
    identity.setDisplayName("User " + id);
    IdentitySet set = new IdentitySet();
    set.setUser(identity);
    InvitationParticipantInfo info = new InvitationParticipantInfo();
    info.setIdentity(set);
    return info;
  }

  @Test
  void postsATransfer(HandoffEmulator emulator) throws Exception {
    GraphCall call =
        emulator
            .control()
            .createGraphCall(
                GraphCallSpec.peerToPeer(receiver.url("/transfer"), "phone:+14255550100"));
    TransferPostRequestBody body = new TransferPostRequestBody();
    body.setTransferTarget(user("target-user"));

    client(emulator).communications().calls().byCallId(call.callId()).transfer().post(body);

    ReceivedRequest request =
        emulator.journal().requests().stream()
            .filter(r -> r.operation().equals("graph.transfer"))
            .findFirst()
            .orElseThrow();
    assertThat(request.status()).isEqualTo(202);
    assertThat(request.scheme()).isEqualTo("https");
    assertThat(request.header("Authorization")).startsWith("Bearer ");
    assertThat(receiver.await("/transfer", 3))
        .extracting(r -> r.graphNotification().get("resourceData").get("state").asText())
        .containsExactly("transferring", "transferAccepted", "terminated");
  }

  @Test
  void postsAnInviteAndReadsTheRunningOperation(HandoffEmulator emulator) throws Exception {
    GraphCall call =
        emulator
            .control()
            .createGraphCall(
                GraphCallSpec.peerToPeer(receiver.url("/invite"), "phone:+14255550100"));
    InvitePostRequestBody body = new InvitePostRequestBody();
    body.setParticipants(List.of(user("invitee")));
    body.setClientContext("sdk-invite");

    InviteParticipantsOperation operation =
        client(emulator)
            .communications()
            .calls()
            .byCallId(call.callId())
            .participants()
            .invite()
            .post(body);

    assertThat(operation.getStatus()).isEqualTo(OperationStatus.Running);
    assertThat(operation.getClientContext()).isEqualTo("sdk-invite");
    assertThat(operation.getId()).isNotBlank();
    assertThat(operation.getParticipants()).hasSize(1);
    assertThat(operation.getParticipants().get(0).getIdentity().getUser().getId())
        .isEqualTo("invitee");
    assertThat(
            receiver
                .await("/invite", 2)
                .get(0)
                .graphNotification()
                .get("resourceData")
                .get("status")
                .asText())
        .isEqualTo("completed");
  }

  @Test
  void readsGraphErrors(HandoffEmulator emulator) throws Exception {
    TransferPostRequestBody body = new TransferPostRequestBody();
    body.setTransferTarget(user("target-user"));
    GraphServiceClient graph = client(emulator);
    assertThatThrownBy(
            () -> graph.communications().calls().byCallId("missing").transfer().post(body))
        .isInstanceOfSatisfying(
            ODataError.class,
            e -> {
              assertThat(e.getResponseStatusCode()).isEqualTo(404);
              assertThat(e.getError().getCode()).isEqualTo("8522");
              assertThat(e.getError().getMessage()).isEqualTo("Call not found.");
              assertThat(e.getError().getInnerError().getRequestId()).isNotBlank();
            });
  }

  @Test
  void honoursRetryAfterOnA429(HandoffEmulator emulator) throws Exception {
    GraphCall call =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url("/throttled"), "user:x"));
    emulator.control().injectFault(FaultRule.once("graph.transfer", new FaultAction.Error(429, 1)));
    TransferPostRequestBody body = new TransferPostRequestBody();
    body.setTransferTarget(user("target-user"));

    client(emulator).communications().calls().byCallId(call.callId()).transfer().post(body);

    List<ReceivedRequest> attempts =
        emulator.journal().requests().stream()
            .filter(r -> r.operation().equals("graph.transfer"))
            .toList();
    assertThat(attempts).extracting(ReceivedRequest::status).containsExactly(429, 202);
    assertThat(attempts.get(1).header("Retry-Attempt")).isEqualTo("1");
  }
}
