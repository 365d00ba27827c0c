package dev.handoff.emulator.acs;

import static dev.handoff.emulator.support.Conformance.assertConforms;
import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.CallbackReceiver.Received;
import dev.handoff.emulator.support.EmulatorHttp;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The call connection and its participants as a client asks for them ({@code GET}), before, during
 * and after a transfer: what reconciliation reads when an outcome callback was lost.
 */
class AcsCallStateTest {
  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01).seed(11));

  private static final String CALLER = "4:+14255550100";
  private static final String AGENT = "8:acs:res_agent";
  private static final String TARGET = "{\"phoneNumber\":{\"value\":\"+14255550123\"}}";
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
    return "/calling/callConnections/" + id;
  }

  private static String versioned(String path) {
    return path + "?api-version=2026-03-12";
  }

  private static List<String> participantIds(HttpResponse<String> response) {
    List<String> ids = new java.util.ArrayList<>();
    json(response).get("value").forEach(p -> ids.add(p.get("identifier").get("rawId").asText()));
    return ids;
  }

  @Test
  void aGroupCallsParticipantsLoseTheTransfereeOnceTheTransferIsAccepted(HandoffEmulator emulator) {
    String cb = "/group-" + UUID.randomUUID();
    AcsCall call =
        emulator.control().createAcsCall(AcsCallSpec.group(receiver.url(cb), CALLER, AGENT));
    EmulatorHttp http = new EmulatorHttp(emulator, true);
    String id = call.callConnectionId();

    HttpResponse<String> before = http.acsGet(versioned(call(id) + "/participants"));
    assertThat(before.statusCode()).isEqualTo(200);
    assertConforms("GetParticipantsResponse", json(before));
    assertThat(participantIds(before)).containsExactly(CALLER, AGENT);
    assertThat(before.headers().firstValue("x-microsoft-skype-chain-id"))
        .contains(call.correlationId());
    String caller = URLEncoder.encode(CALLER, StandardCharsets.UTF_8);
    HttpResponse<String> one = http.acsGet(versioned(call(id) + "/participants/" + caller));
    assertThat(one.statusCode()).isEqualTo(200);
    assertConforms("CallParticipant", json(one));
    assertThat(json(one).get("identifier").get("rawId").asText()).isEqualTo(CALLER);

    http.acsPost(
        versioned(call(id) + ":transferToParticipant"),
        "{\"targetParticipant\":" + TARGET + ",\"transferee\":{\"rawId\":\"" + CALLER + "\"}}");
    receiver.await(cb, 2);

    assertThat(participantIds(http.acsGet(versioned(call(id) + "/participants"))))
        .containsExactly(AGENT);
    HttpResponse<String> gone = http.acsGet(versioned(call(id) + "/participants/" + caller));
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.body())
        .isEqualTo("{\"error\":{\"code\":\"8522\",\"message\":\"Participant not found.\"}}");
    assertThat(json(http.acsGet(versioned(call(id)))).get("callConnectionState").asText())
        .isEqualTo("connected");
  }

  @Test
  void aOneToOneCallIsTransferringWhileTheTargetRingsAndGoneOnceItIsTransferred(
      HandoffEmulator emulator) {
    String cb = "/one-" + UUID.randomUUID();
    AcsCall call = emulator.control().createAcsCall(AcsCallSpec.oneToOne(receiver.url(cb), CALLER));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String id = call.callConnectionId();
    // No answer rings until the invitation times out (60 s x 0.01), long enough to look.
    emulator.control().script("+14255550199", Outcome.noAnswer());
    http.acsPost(
        versioned(call(id) + ":transferToParticipant"),
        "{\"targetParticipant\":{\"phoneNumber\":{\"value\":\"+14255550199\"}}}");
    HttpResponse<String> ringing = http.acsGet(versioned(call(id)));
    assertConforms("CallConnectionProperties", json(ringing));
    assertThat(json(ringing).get("callConnectionState").asText()).isEqualTo("transferring");
    List<Received> failed = receiver.await(cb, 1);
    assertThat(failed.get(0).acsType()).isEqualTo("CallTransferFailed");
    assertThat(json(http.acsGet(versioned(call(id)))).get("callConnectionState").asText())
        .as("a failed transfer leaves the call connected")
        .isEqualTo("connected");
    assertThat(participantIds(http.acsGet(versioned(call(id) + "/participants"))))
        .containsExactly(CALLER);

    http.acsPost(
        versioned(call(id) + ":transferToParticipant"), "{\"targetParticipant\":" + TARGET + "}");
    receiver.await(cb, 3);
    for (String path : List.of(call(id), call(id) + "/participants")) {
      HttpResponse<String> gone = http.acsGet(versioned(path));
      assertThat(gone.statusCode()).as(path).isEqualTo(404);
      assertThat(json(gone).get("error").get("code").asText()).isEqualTo("8522");
    }
    assertThat(emulator.journal().requests())
        .extracting(r -> r.operation())
        .contains("acs.getCall", "acs.getParticipants");
  }

  @Test
  void participantsOfAnUnknownCallAreNotFound(HandoffEmulator emulator) {
    HttpResponse<String> response =
        new EmulatorHttp(emulator, false).acsGet(versioned(call("no-such-call") + "/participants"));
    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = json(response).get("error");
    assertThat(error.get("code").asText()).isEqualTo("8522");
  }
}
