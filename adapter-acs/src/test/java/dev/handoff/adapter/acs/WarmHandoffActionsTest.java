package dev.handoff.adapter.acs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.adapter.acs.FakeAcsServer.Answer;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.RemoveParticipant;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.out.Roster;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The warm handoff's actions on the ACS wire: paths, bodies, headers, answers and retries. */
class WarmHandoffActionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Transferee CALLER = Transferee.of(PhoneNumber.of("+14255550100"));
  private static final SubmitContext CONTEXT =
      new SubmitContext(
          dev.handoff.domain.operation.OperationId.of("h-1"),
          "h-1#2",
          new SubmissionToken(
              UUID.fromString("6d1f1c7e-3b4a-4f6e-9c2d-1a2b3c4d5e6f"),
              Instant.parse("2026-11-23T10:00:00Z")));

  private final FakeAcsServer server = FakeAcsServer.start();

  private AcsCallControl acs(RetryPolicy retry) {
    return AcsCallControl.builder()
        .connectionString(server.connectionString())
        .options(
            AcsOptions.builder()
                .retryPolicy(retry)
                .sleeper(duration -> {})
                .overallTimeout(Duration.ofSeconds(5))
                .attemptTimeout(Duration.ofSeconds(2))
                .build())
        .build();
  }

  private final AcsCallControl acs = acs(RetryPolicy.none());

  @AfterEach
  void stop() {
    server.close();
  }

  private static JsonNode body(FakeAcsServer.Recorded request) throws Exception {
    return JSON.readTree(request.body());
  }

  @Test
  void holdPutsTheParticipantOnHoldWithSpokenAudioAndIsDoneByItsAnswer() throws Exception {
    server.answer(Answer.empty(200));
    SubmitResult result =
        acs.hold(
            new HoldParticipant(
                "call/1",
                CALLER,
                Optional.of(
                    new Prompt.Speech("Please hold", Optional.of("en-US"), Optional.empty())),
                Optional.of(URI.create("https://app.example/cb"))),
            CONTEXT);

    assertThat(result).isInstanceOf(SubmitResult.Completed.class);
    FakeAcsServer.Recorded request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/calling/callConnections/call%2F1:hold");
    assertThat(request.rawQuery()).isEqualTo("api-version=2026-03-12");
    assertThat(request.header("Repeatability-Request-ID")).isNull();
    assertThat(body(request))
        .isEqualTo(
            JSON.readTree(
                "{\"targetParticipant\":{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550100\","
                    + "\"phoneNumber\":{\"value\":\"+14255550100\"}},"
                    + "\"playSourceInfo\":{\"kind\":\"text\",\"text\":{\"text\":\"Please hold\","
                    + "\"sourceLocale\":\"en-US\"}},"
                    + "\"operationContext\":\"h-1#2\","
                    + "\"operationCallbackUri\":\"https://app.example/cb\"}"));
    assertThat(server.signatureProblems()).isEmpty();
  }

  @Test
  void holdWithoutAudioLeavesThePlaySourceOutAndUnholdTakesTheParticipantOffHold()
      throws Exception {
    server.answer(Answer.empty(200), Answer.empty(200));
    acs.hold(new HoldParticipant("call-1", CALLER, Optional.empty(), Optional.empty()), CONTEXT);
    SubmitResult resumed =
        acs.resume(new ResumeParticipant("call-1", CALLER, Optional.empty()), CONTEXT);

    assertThat(resumed).isInstanceOf(SubmitResult.Completed.class);
    assertThat(body(server.requests().get(0)).has("playSourceInfo")).isFalse();
    FakeAcsServer.Recorded unhold = server.requests().get(1);
    assertThat(unhold.rawPath()).isEqualTo("/calling/callConnections/call-1:unhold");
    assertThat(body(unhold))
        .isEqualTo(
            JSON.readTree(
                "{\"targetParticipant\":{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550100\","
                    + "\"phoneNumber\":{\"value\":\"+14255550100\"}},"
                    + "\"operationContext\":\"h-1#2\"}"));
  }

  @Test
  void playGoesToTheOneParticipantAndIsAcceptedForItsEventsToFollow() throws Exception {
    server.answer(Answer.empty(202));
    SubmitResult result =
        acs.play(
            new PlayPrompt(
                "call-1",
                Prompt.audio(URI.create("https://cdn.example/brief.wav")),
                Optional.of(TeamsUser.of("agent-7")),
                Optional.empty()),
            CONTEXT);

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    FakeAcsServer.Recorded request = server.requests().get(0);
    assertThat(request.rawPath()).isEqualTo("/calling/callConnections/call-1:play");
    assertThat(body(request))
        .isEqualTo(
            JSON.readTree(
                "{\"playSources\":[{\"kind\":\"file\",\"file\":{\"uri\":"
                    + "\"https://cdn.example/brief.wav\"}}],"
                    + "\"playTo\":[{\"kind\":\"microsoftTeamsUser\",\"rawId\":\"8:orgid:agent-7\","
                    + "\"microsoftTeamsUser\":{\"userId\":\"agent-7\",\"cloud\":\"public\"}}],"
                    + "\"operationContext\":\"h-1#2\"}"));
  }

  @Test
  void aPromptIsNotSentAgainWhenTheServiceMayHaveExecutedIt() {
    AcsCallControl retrying = acs(RetryPolicy.defaults());
    server.answer(Answer.of(503, "{\"error\":{\"code\":\"503\",\"message\":\"busy\"}}"));
    SubmitResult result =
        retrying.play(
            new PlayPrompt("call-1", Prompt.speech("hi"), Optional.empty(), Optional.empty()),
            CONTEXT);
    assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aHoldIsSentAgainOnAServiceFailureSinceRepeatingItHoldsOnce() {
    AcsCallControl retrying = acs(RetryPolicy.defaults());
    server.answer(
        Answer.of(503, "{\"error\":{\"code\":\"503\",\"message\":\"busy\"}}"), Answer.empty(200));
    SubmitResult result =
        retrying.hold(
            new HoldParticipant("call-1", CALLER, Optional.empty(), Optional.empty()), CONTEXT);
    assertThat(result).isInstanceOf(SubmitResult.Completed.class);
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void removeIsRepeatableAndCarriesTheStepsToken() throws Exception {
    server.answer(Answer.of(202, "{\"operationContext\":\"h-1#2\"}"));
    SubmitResult result =
        acs.removeParticipant(
            new RemoveParticipant("call-1", PhoneNumber.of("+14255550123"), Optional.empty()),
            CONTEXT);
    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    FakeAcsServer.Recorded request = server.requests().get(0);
    assertThat(request.rawPath()).isEqualTo("/calling/callConnections/call-1/participants:remove");
    assertThat(request.header("Repeatability-Request-ID"))
        .isEqualTo("6d1f1c7e-3b4a-4f6e-9c2d-1a2b3c4d5e6f");
    assertThat(request.header("Repeatability-First-Sent"))
        .isEqualTo("Mon, 23 Nov 2026 10:00:00 GMT");
    assertThat(body(request))
        .isEqualTo(
            JSON.readTree(
                "{\"participantToRemove\":{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\","
                    + "\"phoneNumber\":{\"value\":\"+14255550123\"}},"
                    + "\"operationContext\":\"h-1#2\"}"));
    assertThat(acs.repeatable(CallAction.REMOVE_PARTICIPANT)).isTrue();
    assertThat(acs.repeatable(CallAction.PLAY)).isFalse();
    assertThat(acs.repeatable(CallAction.HOLD)).isFalse();
  }

  @Test
  void hangingUpDeletesTheApplicationsLegAndIsDoneByItsAnswer() {
    server.answer(Answer.empty(204));
    SubmitResult result = acs.hangUp(new HangUp("call-1"), CONTEXT);
    assertThat(result).isInstanceOf(SubmitResult.Completed.class);
    FakeAcsServer.Recorded request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("DELETE");
    assertThat(request.rawPath()).isEqualTo("/calling/callConnections/call-1");
    assertThat(request.body()).isEmpty();
    assertThat(server.signatureProblems()).isEmpty();
  }

  @Test
  void aHangUpOfACallThatIsGoneIsNotFound() {
    server.answer(
        Answer.of(404, "{\"error\":{\"code\":\"8522\",\"message\":\"Call not found.\"}}"));
    SubmitResult result = acs.hangUp(new HangUp("call-1"), CONTEXT);
    assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
    assertThat(((SubmitResult.Rejected) result).failure().reason())
        .isEqualTo(FailureReason.NOT_FOUND);
  }

  @Test
  void theParticipantsAreListedPageByPage() {
    server.answer(
        Answer.of(
            200,
            "{\"value\":[{\"identifier\":{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550100\","
                + "\"phoneNumber\":{\"value\":\"+14255550100\"}},\"isMuted\":false,"
                + "\"isOnHold\":false}],\"nextLink\":\"/calling/callConnections/call-1/"
                + "participants?api-version=2026-03-12&page=2\"}"),
        Answer.of(
            200,
            "{\"value\":[{\"identifier\":{\"rawId\":\"8:orgid:agent-7\"},\"isOnHold\":true}]}"));
    Roster roster = acs.participants("call-1");
    assertThat(roster.failure()).isEmpty();
    assertThat(roster.participants())
        .containsExactly(CALLER, Transferee.of(TeamsUser.of("agent-7")));
    assertThat(server.requests()).extracting(FakeAcsServer.Recorded::method).containsOnly("GET");
    assertThat(server.requests().get(1).rawQuery()).isEqualTo("api-version=2026-03-12&page=2");
  }

  @Test
  void aParticipantListThatCannotBeHadSaysWhy() {
    server.answer(
        Answer.of(404, "{\"error\":{\"code\":\"8522\",\"message\":\"Call not found.\"}}"));
    Roster roster = acs.participants("call-1");
    assertThat(roster.failure().orElseThrow().reason()).isEqualTo(FailureReason.NOT_FOUND);
  }

  @Test
  void aConsultationCallIsRefusedByNameBeforeAnythingIsSent() {
    assertThatThrownBy(
            () ->
                acs.placeCall(
                    new PlaceCall(PhoneNumber.of("+14255550123"), Optional.empty()), CONTEXT))
        .isInstanceOf(UnsupportedByProviderException.class)
        .hasMessage(
            "Provider 'acs' cannot carry: placeCall: does not support placing a consultation call");
    assertThat(server.requests()).isEmpty();
  }
}
