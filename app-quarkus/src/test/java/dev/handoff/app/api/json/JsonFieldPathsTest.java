package dev.handoff.app.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonFieldPathsTest {
  private final JsonFieldPaths transfer = JsonFieldPaths.of(Requests.TransferRequest.class);
  private final JsonFieldPaths handoff = JsonFieldPaths.of(HandoffRequest.class);

  @Test
  void aModelFieldIsReportedAtTheComponentThatFillsIt() {
    assertThat(transfer.toJson("callingContext")).isEqualTo("context");
    assertThat(transfer.toJson("callingContext.sipHeaders[X-MS-Custom-a]"))
        .isEqualTo("context.sipHeaders[X-MS-Custom-a]");
    assertThat(JsonFieldPaths.of(Requests.AddParticipantRequest.class).toJson("invitationTimeout"))
        .isEqualTo("invitationTimeoutSeconds");
  }

  @Test
  void theMostSpecificModelPathWins() {
    assertThat(transfer.toJson("mode.replacesCallId")).isEqualTo("replacesCallId");
    assertThat(transfer.toJson("mode")).isEqualTo("replacesCallId");
  }

  @Test
  void nestedRequestRecordsAnswerForTheRestOfThePathAlsoInsideLists() {
    assertThat(handoff.toJson("targets[1].ringTimeout")).isEqualTo("targets[1].ringTimeoutSeconds");
    assertThat(handoff.toJson("briefing.callingContext.userToUser"))
        .isEqualTo("briefing.context.userToUser");
    assertThat(handoff.toJson("holdAudio.uri")).isEqualTo("holdAudio.audioUrl");
  }

  @Test
  void pathsAlreadyInJsonTermsAndUnclaimedPathsAreKept() {
    assertThat(transfer.toJson("context.userToUser")).isEqualTo("context.userToUser");
    assertThat(handoff.toJson("targets[0].ringTimeoutSeconds"))
        .isEqualTo("targets[0].ringTimeoutSeconds");
    assertThat(transfer.toJson("target.value")).isEqualTo("target.value");
    assertThat(transfer.toJson("")).isEmpty();
    assertThat(transfer.toJson("somethingElse")).isEqualTo("somethingElse");
  }

  @Test
  void onlyRequestRecordsHaveFieldPaths() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<? extends Record> notARecord = (Class) String.class;
    assertThatThrownBy(() -> JsonFieldPaths.of(notARecord))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a request record");
  }
}
