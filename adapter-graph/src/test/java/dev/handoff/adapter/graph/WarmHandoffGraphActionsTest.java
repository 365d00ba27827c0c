package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.adapter.graph.support.Fixtures;
import dev.handoff.adapter.graph.support.Json;
import dev.handoff.adapter.graph.support.LocalServer;
import dev.handoff.adapter.graph.support.LocalServer.Reply;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.out.PlacedCall;
import dev.handoff.ports.out.Roster;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A warm handoff's actions on the Graph wire: paths, bodies and answers. */
class WarmHandoffGraphActionsTest {
  private static final Transferee CALLER =
      Transferee.of(PhoneNumber.of("+14255550100"), "p-caller");
  private static final String CALL_READ =
      "{\"id\":\"call-1\",\"state\":\"established\",\"myParticipantId\":\"me\"}";
  private static final String BOT =
      "{\"id\":\"me\",\"info\":{\"identity\":{\"application\":{\"id\":\"bot\"}}}}";
  private static final String CALLER_JSON =
      "{\"id\":\"p-caller\",\"info\":{\"identity\":{\"phone\":{\"id\":\"+14255550100\"}}}}";
  private static final String CALL_PATH = "/v1.0/communications/calls/call-1";
  private static final String PARTICIPANTS_PATH = CALL_PATH + "/participants";

  private final LocalServer graph = LocalServer.start();
  private final GraphCallControl control = Fixtures.control(graph.baseUrl(), GraphApiVersion.V1_0);

  @AfterEach
  void stop() {
    graph.close();
  }

  @Test
  void holdMusicStartsOnTheParticipantByItsIdAndARunningOperationIsAccepted() {
    graph.reply(
        Reply.json(
            202,
            "{\"@odata.type\":\"#microsoft.graph.startHoldMusicOperation\",\"id\":\"op-1\","
                + "\"status\":\"running\",\"clientContext\":\"h#2\"}"));
    SubmitResult result =
        control.hold(
            new HoldParticipant(
                "call-1",
                CALLER,
                Optional.of(Prompt.audio(URI.create("https://cdn.example/hold.wav"))),
                Optional.empty()),
            Fixtures.context("h#2"));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(result.evidence().references()).containsEntry("operationId", "op-1");
    LocalServer.Recorded request = graph.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path())
        .isEqualTo("/v1.0/communications/calls/call-1/participants/p-caller/startHoldMusic");
    assertThat(Json.tree(request.body()))
        .isEqualTo(
            Json.tree(
                "{\"customPrompt\":{\"@odata.type\":\"#microsoft.graph.mediaPrompt\",\"mediaInfo\":"
                    + "{\"@odata.type\":\"#microsoft.graph.mediaInfo\","
                    + "\"uri\":\"https://cdn.example/hold.wav\"}},\"clientContext\":\"h#2\"}"));
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
  }

  @Test
  void holdMusicStopsAndAnOperationAlreadyCompletedIsDone() {
    graph.reply(Reply.json(202, "{\"id\":\"op-2\",\"status\":\"completed\"}"));
    SubmitResult result =
        control.resume(
            new ResumeParticipant("call-1", CALLER, Optional.empty()), Fixtures.context("h#9"));
    assertThat(result).isInstanceOf(SubmitResult.Completed.class);
    assertThat(graph.requests().get(0).path())
        .isEqualTo("/v1.0/communications/calls/call-1/participants/p-caller/stopHoldMusic");
    assertThat(Json.tree(graph.requests().get(0).body()))
        .isEqualTo(Json.tree("{\"clientContext\":\"h#9\"}"));
  }

  @Test
  void aParticipantWithoutItsIdCannotBeHeldAndTextCannotBeSpoken() {
    assertThatThrownBy(
            () ->
                control.hold(
                    new HoldParticipant(
                        "call-1",
                        Transferee.of(PhoneNumber.of("+14255550100")),
                        Optional.empty(),
                        Optional.empty()),
                    Fixtures.context("h#2")))
        .isInstanceOf(UnsupportedByProviderException.class)
        .hasMessageContaining(
            "participant.callParticipantId: is required: Graph holds a participant by its"
                + " participant id in the call");
    assertThatThrownBy(
            () ->
                control.play(
                    new PlayPrompt(
                        "call-1",
                        Prompt.speech("hello"),
                        Optional.of(PhoneNumber.of("+14255550123")),
                        Optional.empty()),
                    Fixtures.context("h#3")))
        .isInstanceOf(UnsupportedByProviderException.class)
        .hasMessageContaining("prompt: does not support spoken (text-to-speech) prompts")
        .hasMessageContaining("playTo: cannot play a prompt to one participant");
    assertThat(graph.requests()).isEmpty();
  }

  @Test
  void aPromptPlaysInTheConsultationCall() {
    graph.reply(
        Reply.json(
            200,
            "{\"@odata.type\":\"#microsoft.graph.playPromptOperation\",\"id\":\"op-3\","
                + "\"status\":\"running\"}"));
    SubmitResult result =
        control.play(
            new PlayPrompt(
                "consult-1",
                Prompt.audio(URI.create("https://cdn.example/brief.wav")),
                Optional.empty(),
                Optional.empty()),
            Fixtures.context("h#4"));
    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(graph.requests().get(0).path())
        .isEqualTo("/v1.0/communications/calls/consult-1/playPrompt");
    assertThat(Json.tree(graph.requests().get(0).body()))
        .isEqualTo(
            Json.tree(
                "{\"clientContext\":\"h#4\",\"prompts\":[{\"@odata.type\":"
                    + "\"#microsoft.graph.mediaPrompt\",\"mediaInfo\":{\"@odata.type\":"
                    + "\"#microsoft.graph.mediaInfo\",\"uri\":\"https://cdn.example/brief.wav\"}}]}"));
  }

  @Test
  void aConsultationCallIsPlacedWithServiceHostedMediaAndNamedByItsId() {
    graph.reply(
        Reply.json(
            201,
            "{\"@odata.type\":\"#microsoft.graph.call\",\"id\":\"consult-7\","
                + "\"state\":\"establishing\",\"myParticipantId\":\"me\"}"));
    PlacedCall placed =
        control.placeCall(
            new PlaceCall(
                TeamsUser.of("agent-1"), Optional.of(URI.create("https://app.example/graph"))),
            Fixtures.context("h#3"));
    assertThat(placed.result()).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(placed.callId()).contains("consult-7");
    LocalServer.Recorded request = graph.requests().get(0);
    assertThat(request.path()).isEqualTo("/v1.0/communications/calls");
    assertThat(Json.tree(request.body()))
        .isEqualTo(
            Json.tree(
                "{\"@odata.type\":\"#microsoft.graph.call\",\"callbackUri\":"
                    + "\"https://app.example/graph\",\"targets\":[{\"identity\":{\"user\":"
                    + "{\"id\":\"agent-1\"}}}],\"requestedModalities\":[\"audio\"],"
                    + "\"mediaConfig\":{\"@odata.type\":"
                    + "\"#microsoft.graph.serviceHostedMediaConfig\"}}"));
  }

  @Test
  void aConsultationCallNeedsACallbackAndAnAnswerWithoutAnIdIsAmbiguous() {
    assertThatThrownBy(
            () ->
                control.placeCall(
                    new PlaceCall(TeamsUser.of("agent-1"), Optional.empty()),
                    Fixtures.context("h#3")))
        .isInstanceOf(UnsupportedByProviderException.class)
        .hasMessageContaining("callbackUri: is required");
    graph.reply(Reply.json(201, "{\"state\":\"establishing\"}"));
    PlacedCall placed =
        control.placeCall(
            new PlaceCall(
                TeamsUser.of("agent-1"), Optional.of(URI.create("https://app.example/graph"))),
            Fixtures.context("h#3"));
    assertThat(placed.result()).isInstanceOf(SubmitResult.Indeterminate.class);
    assertThat(placed.callId()).isEmpty();
  }

  @Test
  void aHangUpDeletesTheCall() {
    graph.reply(Reply.status(204));
    assertThat(control.hangUp(new HangUp("consult-7"), Fixtures.context("h#5")))
        .isInstanceOf(SubmitResult.Completed.class);
    assertThat(graph.requests().get(0).method()).isEqualTo("DELETE");
    assertThat(graph.requests().get(0).path()).isEqualTo("/v1.0/communications/calls/consult-7");
    assertThat(control.repeatable(CallAction.HANG_UP)).isFalse();
  }

  @Test
  void theParticipantsAreListedWithoutTheBotItself() {
    graph.reply(
        Reply.json(200, CALL_READ),
        Reply.json(200, "{\"value\":[" + BOT + "," + CALLER_JSON + "]}"));

    assertOnlyTheCallerListed(control.participants("call-1"), CALL_PATH, PARTICIPANTS_PATH);
  }

  @Test
  void theParticipantsOfEveryPageAreListed() {
    String next = graph.baseUrl() + PARTICIPANTS_PATH + "?$skiptoken=2";
    graph.reply(
        Reply.json(200, CALL_READ),
        Reply.json(200, "{\"value\":[" + BOT + "],\"@odata.nextLink\":\"" + next + "\"}"),
        Reply.json(200, "{\"value\":[" + CALLER_JSON + "]}"));

    assertOnlyTheCallerListed(
        control.participants("call-1"), CALL_PATH, PARTICIPANTS_PATH, PARTICIPANTS_PATH);
  }

  private void assertOnlyTheCallerListed(Roster roster, String... paths) {
    assertThat(roster.failure()).isEmpty();
    assertThat(roster.participants()).containsExactly(CALLER);
    assertThat(graph.requests()).extracting(LocalServer.Recorded::path).containsExactly(paths);
  }

  @Test
  void aNextPageOnAnotherHostIsNotFollowed() {
    graph.reply(
        Reply.json(200, CALL_READ),
        Reply.json(
            200,
            "{\"value\":[],\"@odata.nextLink\":\"https://elsewhere.example/participants?page=2\"}"));

    Roster roster = control.participants("call-1");

    assertThat(roster.failure().orElseThrow().message())
        .contains("next page is not a URL on 127.0.0.1")
        .contains("https://elsewhere.example/participants?page=2");
    assertThat(graph.requests()).hasSize(2);
  }

  @Test
  void aParticipantListLongerThanThePageLimitIsAFailureNotARosterCutShort() {
    Reply[] replies = new Reply[1 + NextLinks.MAX_PAGES];
    replies[0] = Reply.json(200, CALL_READ);
    String next = graph.baseUrl() + PARTICIPANTS_PATH + "?$skiptoken=n";
    for (int i = 1; i < replies.length; i++) {
      replies[i] =
          Reply.json(
              200,
              "{\"value\":[{\"id\":\"p-"
                  + i
                  + "\",\"info\":{\"identity\":{\"phone\":{\"id\":\"+1425555"
                  + (1000 + i)
                  + "\"}}}}],\"@odata.nextLink\":\""
                  + next
                  + "\"}");
    }
    graph.reply(replies);

    Roster roster = control.participants("call-1");

    assertThat(roster.failure().orElseThrow().message())
        .isEqualTo("the participant list runs past " + NextLinks.MAX_PAGES + " pages");
    assertThat(roster.participants()).isEmpty();
    assertThat(graph.requests()).hasSize(1 + NextLinks.MAX_PAGES);
  }

  @Test
  void aParticipantListOfAGoneCallSaysWhy() {
    graph.reply(Reply.json(404, "{\"error\":{\"code\":\"8522\",\"message\":\"Call not found.\"}}"));
    Roster roster = control.participants("call-1");
    assertThat(roster.failure().orElseThrow().reason()).isEqualTo(FailureReason.NOT_FOUND);
  }
}
