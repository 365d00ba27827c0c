package dev.handoff.adapter.acs.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.participant.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The events that answer a warm handoff's media and roster actions. */
class ActionEventsTest {
  private static final AcsEventParser PARSER =
      AcsEventParser.create(Clock.fixed(Instant.parse("2026-03-20T12:00:00Z"), ZoneOffset.UTC));
  private static final String CALL = "64006580-0abd-4d7b-8f3b-0d933a3cc13d";

  private static CallActionUpdate only(String type, String data) {
    List<ProviderEvent> events =
        ((AcsDelivery.Events)
                PARSER.parse(
                    """
                    [{"id":"e-1","source":"calling/callConnections/%s",
                      "type":"Microsoft.Communication.%s","data":%s,
                      "time":"2026-03-20T11:59:59.1234567+00:00","specversion":"1.0",
                      "datacontenttype":"application/json","subject":"calling/callConnections/%1$s"}]
                    """
                        .formatted(CALL, type, data)))
            .events();
    assertThat(events).singleElement().isInstanceOf(CallActionUpdate.class);
    return (CallActionUpdate) events.get(0);
  }

  @ParameterizedTest
  @CsvSource({
    "PlayStarted, PLAY, IN_PROGRESS",
    "PlayCompleted, PLAY, COMPLETED",
    "RemoveParticipantSucceeded, REMOVE_PARTICIPANT, COMPLETED"
  })
  void successesCarryTheEchoedStepAndNoFailure(String type, CallAction action, Progress progress) {
    CallActionUpdate update =
        only(
            type,
            "{\"operationContext\":\"h-1#4\",\"callConnectionId\":\""
                + CALL
                + "\",\"serverCallId\":\"s-1\",\"correlationId\":\"c-1\","
                + "\"resultInformation\":{\"code\":200,\"subCode\":0,\"message\":\"ok\"},"
                + "\"version\":\"2026-03-12\",\"publicEventType\":\"Microsoft.Communication."
                + type
                + "\"}");
    assertThat(update.action()).isEqualTo(action);
    assertThat(update.progress()).isEqualTo(progress);
    assertThat(update.callId()).isEqualTo(CALL);
    assertThat(update.correlation()).contains("h-1#4");
    assertThat(update.failure()).isEmpty();
    assertThat(update.evidence().code()).contains("200");
  }

  @Test
  void aFailedPromptSaysWhichSourceFailedAndWhy() {
    CallActionUpdate update =
        only(
            "PlayFailed",
            "{\"operationContext\":\"h-1#4\",\"failedPlaySourceIndex\":0,"
                + "\"resultInformation\":{\"code\":400,\"subCode\":8535,"
                + "\"message\":\"Action failed, file format is invalid.\"}}");
    assertThat(update.progress()).isEqualTo(Progress.FAILED);
    assertThat(update.callId()).isEqualTo(CALL);
    assertThat(update.failure().orElseThrow().message())
        .isEqualTo("Action failed, file format is invalid.");
    assertThat(update.evidence().references()).containsEntry("failedPlaySourceIndex", "0");
  }

  @Test
  void aCancelledPromptAndAFailedHoldAndRemoval() {
    assertThat(only("PlayCanceled", "{\"operationContext\":\"h-1#4\"}").progress())
        .isEqualTo(Progress.CANCELLED);
    CallActionUpdate hold =
        only(
            "HoldFailed",
            "{\"operationContext\":\"h-1#2\",\"resultInformation\":{\"code\":500,"
                + "\"subCode\":9999,\"message\":\"Hold audio could not be played.\"}}");
    assertThat(hold.action()).isEqualTo(CallAction.HOLD);
    assertThat(hold.failure().orElseThrow().reason()).isEqualTo(FailureReason.PROVIDER_ERROR);
    CallActionUpdate removal =
        only(
            "RemoveParticipantFailed",
            "{\"participant\":{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"+14255550123\"}},"
                + "\"resultInformation\":{\"code\":404,\"subCode\":8522,\"message\":\"gone\"}}");
    assertThat(removal.participant()).contains(PhoneNumber.of("+14255550123"));
    assertThat(removal.failure().orElseThrow().reason()).isEqualTo(FailureReason.NOT_FOUND);
  }
}
