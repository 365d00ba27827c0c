package dev.handoff.emulator.graph;

import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.EmulatorHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The call, its participants and an operation as a bot asks for them ({@code GET}), before, during
 * and after a transfer or an invitation: what reconciliation reads when a notification was lost.
 */
class GraphCallStateTest {
  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01).seed(13));

  private static final String USER_TARGET =
      "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"target-user\"}}}}";
  private static CallbackReceiver receiver;

  @BeforeAll
  static void start() {
    receiver = new CallbackReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static String call(String id) {
    return "/v1.0/communications/calls/" + id;
  }

  private static List<String> participantIds(HttpResponse<String> response) {
    List<String> ids = new ArrayList<>();
    json(response).get("value").forEach(p -> ids.add(p.get("id").asText()));
    return ids;
  }

  @Test
  void aPeerToPeerCallIsTransferringWhileTheTargetRingsAndGoneOnceItIsTransferred(
      HandoffEmulator emulator) {
    String cb = "/p2p-" + UUID.randomUUID();
    GraphCall call =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url(cb), "phone:+14255550100"));
    EmulatorHttp http = new EmulatorHttp(emulator, true);
    String token = http.graphToken();

    HttpResponse<String> roster = http.graphGet(call(call.callId()) + "/participants", token);
    assertThat(roster.statusCode()).isEqualTo(200);
    assertThat(json(roster).get("@odata.context").asText())
        .endsWith("#communications/calls('" + call.callId() + "')/participants");
    assertThat(participantIds(roster))
        .containsExactly(call.myParticipantId(), call.participants().get(0).participantId());
    JsonNode member = json(roster).get("value").get(1);
    assertThat(member.get("@odata.type").asText()).isEqualTo("#microsoft.graph.participant");
    assertThat(member.get("info").get("identity").get("phone").get("id").asText())
        .isEqualTo("+14255550100");
    HttpResponse<String> bot =
        http.graphGet(call(call.callId()) + "/participants/" + call.myParticipantId(), token);
    assertThat(json(bot).get("id").asText()).isEqualTo(call.myParticipantId());

    emulator.control().script("target-user", Outcome.noAnswer());
    http.graphPost(call(call.callId()) + "/transfer", USER_TARGET, token);
    assertThat(json(http.graphGet(call(call.callId()), token)).get("state").asText())
        .isEqualTo("transferring");
    receiver.await(cb, 2);
    assertThat(json(http.graphGet(call(call.callId()), token)).get("state").asText())
        .as("a failed transfer returns the call to established")
        .isEqualTo("established");

    emulator.control().clearScripts();
    http.graphPost(call(call.callId()) + "/transfer", USER_TARGET, token);
    receiver.await(cb, 5);
    for (String path : List.of(call(call.callId()), call(call.callId()) + "/participants")) {
      HttpResponse<String> gone = http.graphGet(path, token);
      assertThat(gone.statusCode()).as(path).isEqualTo(404);
      assertThat(json(gone).get("error").get("code").asText()).isEqualTo("8522");
    }
    assertThat(emulator.journal().requests())
        .extracting(r -> r.operation())
        .contains("graph.getCall", "graph.getParticipants", "graph.getParticipant");
  }

  @Test
  void anInvitedParticipantJoinsTheRosterAndItsOperationReportsCompleted(HandoffEmulator emulator) {
    String cb = "/invite-" + UUID.randomUUID();
    GraphCall call =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url(cb), "user:caller"));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String token = http.graphToken();
    HttpResponse<String> invite =
        http.graphPost(
            call(call.callId()) + "/participants/invite",
            "{\"participants\":[{\"identity\":{\"user\":{\"id\":\"invitee\"}}}],"
                + "\"clientContext\":\"ctx-1\"}",
            token);
    String operation = json(invite).get("id").asText();
    receiver.await(cb, 2);
    HttpResponse<String> roster = http.graphGet(call(call.callId()) + "/participants", token);
    assertThat(json(roster).get("value")).hasSize(3);
    assertThat(
            json(roster)
                .get("value")
                .get(2)
                .get("info")
                .get("identity")
                .get("user")
                .get("id")
                .asText())
        .isEqualTo("invitee");
    JsonNode fetched = json(http.graphGet(call(call.callId()) + "/operations/" + operation, token));
    assertThat(fetched.get("status").asText()).isEqualTo("Completed");
    assertThat(fetched.get("clientContext").asText()).isEqualTo("ctx-1");
    assertThat(
            http.graphGet(call(call.callId()) + "/participants/no-such-participant", token)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aCallCanBeCreatedUnderAChosenIdOnce(HandoffEmulator emulator) {
    GraphCallSpec spec =
        GraphCallSpec.peerToPeer(receiver.url("/chosen"), "user:caller").withCallId("chosen-1");
    GraphCall call = emulator.control().createGraphCall(spec);
    assertThat(call.callId()).isEqualTo("chosen-1");
    assertThat(emulator.control().graphCallState("chosen-1")).contains("established");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> emulator.control().createGraphCall(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already exists");
  }
}
