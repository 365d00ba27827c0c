package dev.handoff.emulator.acs;

import static dev.handoff.emulator.support.Conformance.assertConforms;
import static dev.handoff.emulator.support.Conformance.assertEventConforms;
import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
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
 * The actions of a warm handoff on the ACS emulation, and what each party hears along the way: the
 * caller on hold, the agent briefed alone, the caller put through, the application gone.
 */
class AcsHandoffActionsTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01).seed(11));

  static final String CALLER = "4:+14255550100";
  static final String AGENT = "4:+14255550123";
  static final String CALLER_MODEL =
      "{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"+14255550100\"}}";
  static final String AGENT_MODEL =
      "{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"+14255550123\"}}";
  static CallbackReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    receiver = new CallbackReceiver();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  private static String at(String callId, String action) {
    return "/calling/callConnections/" + callId + action + "?api-version=2026-03-12";
  }

  private static List<String> heard(HandoffEmulator emulator, String party) {
    return emulator.journal().experiences().stream()
        .filter(e -> e.party().equals(party))
        .map(e -> (e.connected() ? "" : "down: ") + e.hears() + " " + e.with())
        .collect(Collectors.toList());
  }

  @Test
  void theCallerWaitsOnHoldWhileTheAgentIsBriefedAloneThenTalksToTheAgent(
      HandoffEmulator emulator) {
    String cb = "/handoff-" + UUID.randomUUID();
    AcsCall call = emulator.control().createAcsCall(AcsCallSpec.oneToOne(receiver.url(cb), CALLER));
    String id = call.callConnectionId();
    EmulatorHttp http = new EmulatorHttp(emulator, false);

    HttpResponse<String> hold =
        http.acsPost(
            at(id, ":hold"),
            "{\"targetParticipant\":"
                + CALLER_MODEL
                + ",\"playSourceInfo\":{\"kind\":\"text\",\"text\":{\"text\":\"Please hold\"}},"
                + "\"operationContext\":\"h#2\"}");
    assertThat(hold.statusCode()).isEqualTo(200);
    assertThat(hold.body()).isEmpty();

    HttpResponse<String> add =
        http.acsPost(
            at(id, "/participants:add"),
            "{\"participantToAdd\":"
                + AGENT_MODEL
                + ",\"sourceCallerIdNumber\":{\"value\":\"+18005550100\"}"
                + ",\"operationContext\":\"h#3\"}");
    assertThat(add.statusCode()).isEqualTo(202);
    receiver.await(cb, 2);

    HttpResponse<String> participants = http.acsGet(at(id, "/participants"));
    assertThat(participants.statusCode()).isEqualTo(200);
    assertConforms("GetParticipantsResponse", json(participants));
    assertThat(json(participants).get("value"))
        .extracting(p -> p.get("identifier").get("rawId").asText() + " " + p.get("isOnHold"))
        .containsExactly(CALLER + " true", AGENT + " false");

    HttpResponse<String> play =
        http.acsPost(
            at(id, ":play"),
            "{\"playSources\":[{\"kind\":\"file\",\"file\":{\"uri\":\"https://cdn.example/b.wav\"}}],"
                + "\"playTo\":["
                + AGENT_MODEL
                + "],\"operationContext\":\"h#4\"}");
    assertThat(play.statusCode()).isEqualTo(202);
    List<Received> played = receiver.await(cb, 4);
    assertThat(played)
        .extracting(Received::acsType)
        .containsExactly(
            "AddParticipantSucceeded", "ParticipantsUpdated", "PlayStarted", "PlayCompleted");
    JsonNode completed = played.get(3).json().get(0);
    assertEventConforms(completed);
    assertThat(completed.get("data").get("operationContext").asText()).isEqualTo("h#4");

    assertThat(
            http.acsPost(at(id, ":unhold"), "{\"targetParticipant\":" + CALLER_MODEL + "}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> hangUp = http.acsDelete(at(id, ""));
    assertThat(hangUp.statusCode()).isEqualTo(204);
    List<Received> all = receiver.await(cb, 5);
    assertThat(all.get(4).acsType()).isEqualTo("CallDisconnected");
    assertEventConforms(all.get(4).json().get(0));
    assertThat(http.acsGet(at(id, "")).statusCode()).isEqualTo(404);

    assertThat(heard(emulator, CALLER))
        .containsExactly(
            "the call [application]",
            "hold: text \"Please hold\" []",
            "the call [4:+14255550123, application]",
            "the call [4:+14255550123]");
    assertThat(heard(emulator, AGENT))
        .containsExactly(
            "the call [application]",
            "prompt: file https://cdn.example/b.wav [application]",
            "the call [application]",
            "the call [4:+14255550100, application]",
            "the call [4:+14255550100]");
    assertThat(emulator.journal().experiences()).noneMatch(PartyExperience::aloneInSilence);
  }

  @Test
  void aRemovedAgentLeavesAndACallerLeftAloneByTheApplicationIsDropped(HandoffEmulator emulator) {
    String cb = "/remove-" + UUID.randomUUID();
    AcsCall call = emulator.control().createAcsCall(AcsCallSpec.oneToOne(receiver.url(cb), CALLER));
    String id = call.callConnectionId();
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    // A phone invitation names the caller id it shows, as ACS requires.
    http.acsPost(
        at(id, "/participants:add"),
        "{\"participantToAdd\":"
            + AGENT_MODEL
            + ",\"sourceCallerIdNumber\":{\"value\":\"+18005550100\"}}");
    receiver.await(cb, 2);

    HttpResponse<String> remove =
        http.acsPost(
            at(id, "/participants:remove"),
            "{\"participantToRemove\":" + AGENT_MODEL + ",\"operationContext\":\"h#5\"}");
    assertThat(remove.statusCode()).isEqualTo(202);
    assertThat(json(remove).get("operationContext").asText()).isEqualTo("h#5");
    assertConforms("RemoveParticipantResponse", json(remove));
    List<Received> removed = receiver.await(cb, 4);
    assertThat(removed.subList(2, 4))
        .extracting(Received::acsType)
        .containsExactly("RemoveParticipantSucceeded", "ParticipantsUpdated");
    assertEventConforms(removed.get(2).json().get(0));

    assertThat(http.acsDelete(at(id, "")).statusCode()).isEqualTo(204);
    assertThat(heard(emulator, AGENT)).endsWith("down: nothing []");
    assertThat(heard(emulator, CALLER)).endsWith("down: nothing []");
  }

  @Test
  void aHoldOfSomeoneNotInTheCallAndAnInvalidPlayAreRefusedAsTheServiceDoes(
      HandoffEmulator emulator) {
    emulator.control().script("+14255550123", Outcome.busy());
    AcsCall call =
        emulator.control().createAcsCall(AcsCallSpec.oneToOne(receiver.url("/x"), CALLER));
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    HttpResponse<String> hold =
        http.acsPost(
            at(call.callConnectionId(), ":hold"), "{\"targetParticipant\":" + AGENT_MODEL + "}");
    assertThat(hold.statusCode()).isEqualTo(400);
    assertThat(json(hold).get("error").get("code").asText()).isEqualTo("8523");
    assertThat(json(hold).get("error").get("message").asText())
        .isEqualTo("Invalid request: 'targetParticipant' is not a participant of this call.");

    HttpResponse<String> play =
        http.acsPost(
            at(call.callConnectionId(), ":play"),
            "{\"playSources\":[{\"kind\":\"text\",\"text\":{\"text\":\"hi\"},\"loop\":true}]}");
    assertThat(play.statusCode()).isEqualTo(400);
    assertThat(json(play).get("error").get("code").asText()).isEqualTo("8523");
  }
}
