package dev.handoff.domain.action;

import static dev.handoff.domain.Assertions.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.ProviderId;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionCommandsTest {
  private static final Transferee CALLER = Transferee.of(PhoneNumber.of("+14255550100"));
  private static final URI CALLBACK = URI.create("https://app.example/cb");

  @Test
  void eachActionNamesItselfAndTakesACallback() {
    ActionCommand[] commands = {
      new HoldParticipant("c", CALLER, Optional.of(Prompt.speech("hold")), Optional.empty()),
      new ResumeParticipant("c", CALLER, Optional.empty()),
      new PlayPrompt("c", Prompt.speech("hi"), Optional.empty(), Optional.empty()),
      new RemoveParticipant("c", PhoneNumber.of("+14255550123"), Optional.empty()),
      new PlaceCall(PhoneNumber.of("+14255550123"), Optional.empty()),
    };
    CallAction[] actions = {
      CallAction.HOLD,
      CallAction.RESUME,
      CallAction.PLAY,
      CallAction.REMOVE_PARTICIPANT,
      CallAction.PLACE_CALL
    };
    for (int i = 0; i < commands.length; i++) {
      assertThat(commands[i].action()).isEqualTo(actions[i]);
      assertThat(commands[i].withCallbackUri(CALLBACK).callbackUri()).contains(CALLBACK);
    }
    HangUp hangUp = new HangUp("c");
    assertThat(hangUp.withCallbackUri(CALLBACK)).isSameAs(hangUp);
    assertThat(hangUp.callbackUri()).isEmpty();
  }

  @Test
  void brokenActionsSayWhatIsWrong() {
    assertThat(violationsOf(() -> new HoldParticipant(" ", null, null, null)))
        .containsExactly("callId must not be blank", "participant is required");
    assertThat(
            violationsOf(
                () ->
                    new PlayPrompt(
                        "c", null, Optional.empty(), Optional.of(URI.create("ftp://x/y")))))
        .containsExactly(
            "callbackUri must be an absolute http or https URI with a host", "prompt is required");
    assertThat(violationsOf(() -> new PlaceCall(null, null))).containsExactly("target is required");
    assertThat(violationsOf(() -> new HangUp("a b")))
        .containsExactly("callId must not contain white space or control characters");
  }

  @Test
  void actionsHaveStableWireNames() {
    for (CallAction action : CallAction.values()) {
      assertThat(CallAction.fromWireName(action.wireName())).isEqualTo(action);
    }
    assertThatThrownBy(() -> CallAction.fromWireName("dance"))
        .hasMessage("unknown call action 'dance'");
  }

  @Test
  void anActionUpdateCarriesAFailureExactlyWhenItFailed() {
    EventMeta meta =
        new EventMeta(
            ProviderId.of("acs"), "e-1", "PlayFailed", Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(
            violationsOf(
                () ->
                    new CallActionUpdate(
                        meta, "c", CallAction.PLAY, Progress.FAILED, null, null, null, null)))
        .containsExactly("failure is required when progress is FAILED");
    assertThat(
            violationsOf(
                () ->
                    new CallActionUpdate(
                        meta,
                        "c",
                        CallAction.PLAY,
                        Progress.COMPLETED,
                        null,
                        null,
                        Optional.of(Failure.of(FailureReason.UNKNOWN, "x")),
                        null)))
        .containsExactly("failure must be absent unless progress is FAILED or CANCELLED");
  }
}
