package dev.handoff.emulator.graph;

import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.journal.PartyExperience;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.CallbackReceiver.Received;
import dev.handoff.emulator.support.EmulatorHttp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A warm handoff's Graph actions on the emulator: hold music on the caller, a consultation call to
 * the agent, a prompt in it, and the transfer that replaces it; and what each party hears.
 */
class GraphHandoffActionsTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01).seed(13));

  static final String AGENT = "{\"phone\":{\"id\":\"+14255550123\"}}";
  static CallbackReceiver receiver;

  @BeforeAll
  static void start() {
    receiver = new CallbackReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static List<String> heard(HandoffEmulator emulator, String party) {
    return emulator.journal().experiences().stream()
        .filter(e -> e.party().equals(party))
        .map(e -> (e.connected() ? "" : "down: ") + e.hears() + " " + e.with())
        .collect(Collectors.toList());
  }

  private static List<String> kinds(List<Received> received) {
    return received.stream()
        .map(
            r -> {
              JsonNode n = r.graphNotification();
              JsonNode data = n.get("resourceData");
              String type = data.path("@odata.type").asText();
              return n.get("changeType").asText()
                  + " "
                  + type.substring(type.lastIndexOf('.') + 1)
                  + " "
                  + (data.has("state") ? data.get("state").asText() : data.path("status").asText());
            })
        .collect(Collectors.toList());
  }

  @Test
  void theCallerHoldsWhileTheAgentIsCalledAndBriefedThenTheTransferReplacesTheConsultation(
      HandoffEmulator emulator) {
    String cb = "/graph-" + UUID.randomUUID();
    GraphCall call =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url(cb), "phone:+14255550100"));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String token = http.graphToken();
    String calls = "/v1.0/communications/calls/";

    HttpResponse<String> roster = http.graphGet(calls + call.callId() + "/participants", token);
    assertThat(roster.statusCode()).isEqualTo(200);
    assertThat(json(roster).get("value"))
        .extracting(p -> p.get("id").asText())
        .containsExactly(call.myParticipantId(), call.participants().get(0).participantId());

    String caller = call.participants().get(0).participantId();
    HttpResponse<String> hold =
        http.graphPost(
            calls + call.callId() + "/participants/" + caller + "/startHoldMusic",
            "{\"customPrompt\":{\"@odata.type\":\"#microsoft.graph.mediaPrompt\",\"mediaInfo\":"
                + "{\"@odata.type\":\"#microsoft.graph.mediaInfo\",\"uri\":\"https://cdn.example/hold.wav\"}},"
                + "\"clientContext\":\"h#2\"}",
            token);
    assertThat(hold.statusCode()).isEqualTo(202);
    assertThat(json(hold).get("@odata.type").asText())
        .isEqualTo("#microsoft.graph.startHoldMusicOperation");
    assertThat(json(hold).get("status").asText()).isEqualTo("running");

    String consultCb = "/consult-" + UUID.randomUUID();
    HttpResponse<String> created =
        http.graphPost(
            "/v1.0/communications/calls",
            "{\"@odata.type\":\"#microsoft.graph.call\",\"callbackUri\":\""
                + receiver.url(consultCb)
                + "\",\"targets\":[{\"identity\":"
                + AGENT
                + "}],\"requestedModalities\":[\"audio\"],\"mediaConfig\":{\"@odata.type\":"
                + "\"#microsoft.graph.serviceHostedMediaConfig\"}}",
            token);
    assertThat(created.statusCode()).isEqualTo(201);
    String consult = json(created).get("id").asText();
    assertThat(json(created).get("state").asText()).isEqualTo("establishing");
    assertThat(kinds(receiver.await(consultCb, 2)))
        .containsExactly("updated call establishing", "updated call established");

    HttpResponse<String> prompt =
        http.graphPost(
            calls + consult + "/playPrompt",
            "{\"clientContext\":\"h#4\",\"prompts\":[{\"@odata.type\":\"#microsoft.graph.mediaPrompt\","
                + "\"mediaInfo\":{\"uri\":\"https://cdn.example/brief.wav\"}}]}",
            token);
    assertThat(prompt.statusCode()).isEqualTo(200);
    List<Received> consultEvents = receiver.await(consultCb, 3);
    JsonNode played = consultEvents.get(2).graphNotification().get("resourceData");
    assertThat(played.get("status").asText()).isEqualTo("completed");
    assertThat(played.get("clientContext").asText()).isEqualTo("h#4");

    HttpResponse<String> transfer =
        http.graphPost(
            calls + call.callId() + "/transfer",
            "{\"transferTarget\":{\"identity\":"
                + AGENT
                + ",\"replacesCallId\":\""
                + consult
                + "\"}}",
            token);
    assertThat(transfer.statusCode()).isEqualTo(202);
    assertThat(kinds(receiver.await(cb, 4)))
        .containsExactly(
            "deleted startHoldMusicOperation completed",
            "updated call transferring",
            "updated call transferAccepted",
            "deleted call terminated");

    assertThat(heard(emulator, "phone:+14255550100"))
        .containsExactly(
            "the call [application]",
            "hold: file https://cdn.example/hold.wav []",
            "the call [phone:+14255550123]");
    assertThat(heard(emulator, "phone:+14255550123"))
        .containsExactly(
            "the call [application]",
            "prompt: file https://cdn.example/brief.wav [application]",
            "the call [application]",
            "the call [phone:+14255550100]");
    assertThat(emulator.journal().experiences()).noneMatch(PartyExperience::aloneInSilence);
  }

  @Test
  void aBusyAgentEndsTheConsultationAndAHangUpEndsAnotherAndHoldMusicStops(
      HandoffEmulator emulator) {
    emulator.control().script("+14255550124", Outcome.busy());
    GraphCall call =
        emulator
            .control()
            .createGraphCall(GraphCallSpec.peerToPeer(receiver.url("/g2"), "phone:+14255550100"));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String token = http.graphToken();
    String consultCb = "/busy-" + UUID.randomUUID();
    String body =
        "{\"callbackUri\":\""
            + receiver.url(consultCb)
            + "\",\"targets\":[{\"identity\":{\"phone\":{\"id\":\"%s\"}}}],"
            + "\"requestedModalities\":[\"audio\"],\"mediaConfig\":{\"@odata.type\":"
            + "\"#microsoft.graph.serviceHostedMediaConfig\"}}";
    http.graphPost("/v1.0/communications/calls", body.formatted("+14255550124"), token);
    List<Received> busy = receiver.await(consultCb, 2);
    JsonNode terminated = busy.get(1).graphNotification().get("resourceData");
    assertThat(terminated.get("state").asText()).isEqualTo("terminated");
    assertThat(terminated.get("resultInfo").get("code").asInt()).isEqualTo(486);

    String hangCb = "/hang-" + UUID.randomUUID();
    String other =
        json(http.graphPost(
                "/v1.0/communications/calls",
                body.replace(consultCb, hangCb).formatted("+14255550125"),
                token))
            .get("id")
            .asText();
    receiver.await(hangCb, 2);
    assertThat(http.graphDelete("/v1.0/communications/calls/" + other, token).statusCode())
        .isEqualTo(204);
    assertThat(kinds(receiver.await(hangCb, 3)).get(2)).isEqualTo("deleted call terminated");
    assertThat(heard(emulator, "phone:+14255550125")).endsWith("down: nothing []");

    String caller = call.participants().get(0).participantId();
    String at = "/v1.0/communications/calls/" + call.callId() + "/participants/" + caller;
    http.graphPost(at + "/startHoldMusic", "{}", token);
    assertThat(
            http.graphPost(at + "/stopHoldMusic", "{\"clientContext\":\"x\"}", token).statusCode())
        .isEqualTo(202);
    assertThat(heard(emulator, "phone:+14255550100"))
        .containsExactly("the call [application]", "hold: music []", "the call [application]");
    HttpResponse<String> unknown =
        http.graphPost(
            at + "/startHoldMusic",
            "{\"customPrompt\":{\"mediaInfo\":{\"uri\":\"x\"},\"loop\":1}}",
            token);
    assertThat(unknown.statusCode()).isEqualTo(400);
  }
}
