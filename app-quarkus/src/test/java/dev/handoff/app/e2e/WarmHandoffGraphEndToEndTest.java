package dev.handoff.app.e2e;

import static dev.handoff.app.testing.Api.awaitState;
import static dev.handoff.app.testing.Api.awaitStep;
import static dev.handoff.app.testing.Api.client;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.app.testing.GraphEmulatorResource;
import dev.handoff.app.testing.GraphProviderProfile;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.journal.PartyExperience;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Warm handoffs through the service on Microsoft Graph (an emulator in its place): hold music on
 * the caller, a consultation call to the agent, a prompt in it, then a transfer that replaces it;
 * asserted from the emulator's journal, moment by moment.
 */
@QuarkusTest
@TestProfile(GraphProviderProfile.class)
class WarmHandoffGraphEndToEndTest {
  private static final String HOLD = "https://cdn.example/hold.wav";
  private static final String BRIEF = "https://cdn.example/brief.wav";

  private String caller;
  private GraphCall call;

  private static HandoffEmulator emulator() {
    return GraphEmulatorResource.emulator();
  }

  @BeforeEach
  void newCall() {
    emulator().control().clearScripts();
    caller = "phone:+1425555" + (1000 + (int) (Math.random() * 8999));
    // The bot answers with the callback URI bound to the call, as calls' events must come (the
    // default with Graph); the consultation calls' events come through the handoff's own URI.
    call =
        GraphEmulatorResource.boundCall(
            GraphCallSpec.peerToPeer(GraphEmulatorResource.callbackUrl(), caller));
  }

  private static String target(String number) {
    return "{\"participant\":{\"kind\":\"phoneNumber\",\"value\":\"" + number + "\"}}";
  }

  private String start(String targets) {
    return client()
        .body(
            "{\"targets\":["
                + targets
                + "],\"holdAudio\":{\"audioUrl\":\""
                + HOLD
                + "\"},\"briefing\":{\"audioUrl\":\""
                + BRIEF
                + "\"}}")
        .post("/v1/calls/{call}/handoffs", call.callId())
        .then()
        .statusCode(202)
        .extract()
        .path("id");
  }

  private static List<String> heard(String party) {
    return emulator().journal().experiences().stream()
        .filter(e -> e.party().equals(party))
        .map(e -> (e.connected() ? "" : "down: ") + e.hears() + " " + e.with())
        .collect(Collectors.toList());
  }

  private void assertTheCallerWasNeverAloneNorDropped() {
    List<PartyExperience> experiences =
        emulator().journal().experiences().stream()
            .filter(e -> e.party().equals(caller))
            .collect(Collectors.toList());
    assertThat(experiences).isNotEmpty();
    assertThat(experiences).noneMatch(PartyExperience::aloneInSilence);
    assertThat(experiences).allMatch(PartyExperience::connected);
  }

  @Test
  void theFirstTargetAnswersTheConsultationIsBriefedAndReplacedByTheCaller() {
    String id = start(target("+14255550131"));
    JsonPath done = awaitState(id, "COMPLETED", "FAILED", "CANCELLED", "UNKNOWN");
    assertThat(done.getString("state")).isEqualTo("COMPLETED");
    assertThat(done.getList("handoff.steps.action", String.class))
        .containsExactly("findTransferee", "hold", "placeCall", "play", "transfer");
    assertThat(done.getList("handoff.steps.status", String.class)).containsOnly("SUCCEEDED");
    assertThat(done.getString("handoff.transferee.value")).isEqualTo(caller.substring(6));
    assertThat(heard(caller))
        .containsExactly(
            "the call [application]",
            "hold: file " + HOLD + " []",
            "the call [phone:+14255550131]");
    assertThat(heard("phone:+14255550131"))
        .containsExactly(
            "the call [application]",
            "prompt: file " + BRIEF + " [application]",
            "the call [application]",
            "the call [" + caller + "]");
    assertTheCallerWasNeverAloneNorDropped();
    String placed =
        emulator().journal().requests().stream()
            .filter(r -> "graph.createCall".equals(r.operation()))
            .filter(r -> r.body().contains("+14255550131"))
            .findFirst()
            .orElseThrow()
            .body();
    assertThat(placed)
        .as("the consultation call's callbackUri, bound to the handoff")
        .contains("handoff-operation=" + id + "&handoff-token=");
  }

  @Test
  void aBusyFirstTargetIsPassedOverAndTheSecondTakesTheCaller() {
    emulator().control().script("+14255550132", Outcome.busy());
    String id = start(target("+14255550132") + "," + target("+14255550133"));
    JsonPath done = awaitState(id, "COMPLETED", "FAILED", "CANCELLED", "UNKNOWN");
    assertThat(done.getString("state")).isEqualTo("COMPLETED");
    assertThat(done.getList("handoff.targets.outcome", String.class))
        .containsExactly("FAILED", "CONNECTED");
    assertThat(done.getString("handoff.targets[0].failure.reason"))
        .as("%s; timeline %s", done.getMap("handoff.targets[0]"), done.getList("timeline.what"))
        .isEqualTo("busy");
    assertThat(heard(caller))
        .containsExactly(
            "the call [application]",
            "hold: file " + HOLD + " []",
            "the call [phone:+14255550133]");
    assertTheCallerWasNeverAloneNorDropped();
  }

  @Test
  void whenNoTargetTakesTheCallTheCallerIsBackWithTheBot() {
    emulator().control().script("+14255550134", Outcome.decline());
    emulator().control().script("+14255550135", Outcome.busy());
    String id = start(target("+14255550134") + "," + target("+14255550135"));
    JsonPath done = awaitState(id, "FAILED", "COMPLETED", "CANCELLED", "UNKNOWN");
    assertThat(done.getString("state")).isEqualTo("FAILED");
    assertThat(done.getList("handoff.targets.failure.reason", String.class))
        .containsExactly("declined", "busy");
    assertThat(done.getList("handoff.steps.action", String.class))
        .containsExactly("findTransferee", "hold", "placeCall", "placeCall", "resume");
    assertThat(heard(caller))
        .containsExactly(
            "the call [application]", "hold: file " + HOLD + " []", "the call [application]");
    assertTheCallerWasNeverAloneNorDropped();
    assertThat(emulator().control().graphCallState(call.callId())).contains("established");
  }

  @Test
  void aCancelledHandoffHangsUpTheConsultationAndReturnsTheCallerToTheBot() {
    emulator().control().script("+14255550136", Outcome.noAnswer());
    String id =
        client()
            .body(
                "{\"targets\":[{\"participant\":{\"kind\":\"phoneNumber\",\"value\":"
                    + "\"+14255550136\"},\"ringTimeoutSeconds\":120}]}")
            .post("/v1/calls/{call}/handoffs", call.callId())
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    awaitStep(id, "placeCall", "ACCEPTED", Duration.ofSeconds(15));
    client()
        .post("/v1/calls/{call}/handoffs/{id}/cancel", call.callId(), id)
        .then()
        .statusCode(202);

    JsonPath done = awaitState(id, "CANCELLED", "FAILED", "COMPLETED", "UNKNOWN");
    assertThat(done.getString("state")).isEqualTo("CANCELLED");
    assertThat(done.getList("handoff.steps.action", String.class))
        .containsExactly("findTransferee", "hold", "placeCall", "hangUp", "resume");
    assertThat(heard(caller))
        .containsExactly("the call [application]", "hold: music []", "the call [application]");
    assertTheCallerWasNeverAloneNorDropped();
  }
}
