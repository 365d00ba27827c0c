package dev.handoff.adapter.graph.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.graph.support.MutableClock;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.FailureReason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The notifications that answer a warm handoff's Graph actions. */
class ActionNotificationsTest {
  private static final String CALL = "341a0500-d4bf-4224-8b19-1581168d328b";
  private final GraphNotificationParser parser =
      GraphNotificationParser.builder()
          .clock(new MutableClock(Instant.parse("2026-03-01T10:00:00Z")))
          .build();

  private static String operation(String type, String status, String resultInfo) {
    return "{\"@odata.type\":\"#microsoft.graph.commsNotifications\",\"value\":[{"
        + "\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"deleted\","
        + "\"resourceUrl\":\"communications/calls/"
        + CALL
        + "/operations/op-1\",\"resourceData\":{\"@odata.type\":\"#microsoft.graph."
        + type
        + "\",\"@odata.id\":\"communications/calls/"
        + CALL
        + "/operations/op-1\",\"clientContext\":\"h-1#2\",\"status\":\""
        + status
        + "\""
        + (resultInfo == null ? "" : ",\"resultInfo\":" + resultInfo)
        + "}}]}";
  }

  @ParameterizedTest
  @CsvSource({
    "startHoldMusicOperation, HOLD",
    "stopHoldMusicOperation, RESUME",
    "playPromptOperation, PLAY"
  })
  void aCompletedOperationSettlesItsStep(String type, CallAction action) {
    List<ProviderEvent> events = parser.parse(operation(type, "completed", null));
    assertThat(events).singleElement().isInstanceOf(CallActionUpdate.class);
    CallActionUpdate update = (CallActionUpdate) events.get(0);
    assertThat(update.action()).isEqualTo(action);
    assertThat(update.progress()).isEqualTo(Progress.COMPLETED);
    assertThat(update.callId()).isEqualTo(CALL);
    assertThat(update.correlation()).contains("h-1#2");
    assertThat(update.evidence().references()).containsEntry("status", "completed");
  }

  @Test
  void aFailedPromptSaysWhy() {
    CallActionUpdate update =
        (CallActionUpdate)
            parser
                .parse(
                    operation(
                        "playPromptOperation",
                        "failed",
                        "{\"code\":500,\"subcode\":8501,\"message\":\"Media could not be played.\"}"))
                .get(0);
    assertThat(update.progress()).isEqualTo(Progress.FAILED);
    assertThat(update.failure().orElseThrow().reason()).isEqualTo(FailureReason.PROVIDER_ERROR);
  }
}
