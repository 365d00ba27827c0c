package dev.handoff.domain.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandoffProgressTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final PhoneNumber FIRST = PhoneNumber.of("+14255550123");
  private static final PhoneNumber SECOND = PhoneNumber.of("+14255550124");
  private static final WarmHandoff HANDOFF =
      WarmHandoff.builder("call-1", List.of(HandoffTarget.of(FIRST), HandoffTarget.of(SECOND)))
          .build();

  private static Operation requested() {
    return Operation.request(
        OperationId.of("h-1"),
        ProviderId.of("acs"),
        HANDOFF,
        Optional.empty(),
        SubmissionToken.create(T0),
        T0,
        Duration.ofSeconds(30));
  }

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private static Operation record(
      Operation operation, int second, StepEntry step, Failure failure, OperationState state) {
    Operation.Entry entry =
        operation.entry(at(second), TimelineEntry.Source.HANDOFF, step.action().wireName());
    entry.step(step).deadline(at(second + 30));
    if (failure != null) {
      entry.failure(failure);
    }
    if (state != null) {
      entry.moveTo(state);
    }
    return entry.apply();
  }

  @Test
  void stepsAddUpFromTheirEntries() {
    StepEntry find = StepEntry.requested(1, StepKind.HOLD, CallAction.FIND_TRANSFEREE, -1);
    Operation op = record(requested(), 1, find, null, null);
    op =
        record(
            op,
            2,
            find.with(
                StepStatus.SUCCEEDED,
                Map.of(
                    StepEntry.PARTICIPANT_FACT, "4:+14255550100",
                    StepEntry.PARTICIPANT_ID_FACT, "p-9")),
            null,
            null);
    StepEntry hold = StepEntry.requested(2, StepKind.HOLD, CallAction.HOLD, -1);
    op = record(op, 3, hold, null, null);
    op = record(op, 3, hold.with(StepStatus.SUCCEEDED), null, OperationState.SUBMITTED);
    StepEntry reach = StepEntry.requested(3, StepKind.REACH, CallAction.ADD_PARTICIPANT, 0);
    op = record(op, 4, reach, null, OperationState.IN_PROGRESS);
    op =
        record(
            op,
            4,
            reach.with(StepStatus.ACCEPTED, Map.of(StepEntry.INVITATION_FACT, "inv-1")),
            null,
            null);

    HandoffProgress progress = HandoffProgress.of(op);
    assertThat(op.state()).isEqualTo(OperationState.IN_PROGRESS);
    assertThat(op.deadline()).isEqualTo(at(34));
    assertThat(progress.steps()).extracting(HandoffStep::number).containsExactly(1, 2, 3);
    assertThat(progress.nextNumber()).isEqualTo(4);
    assertThat(progress.transferee().orElseThrow().participant())
        .isEqualTo(PhoneNumber.of("+14255550100"));
    assertThat(progress.transferee().orElseThrow().callParticipantId()).contains("p-9");
    HandoffStep reaching = progress.step(3).orElseThrow();
    assertThat(reaching.status()).isEqualTo(StepStatus.ACCEPTED);
    assertThat(reaching.fact(StepEntry.INVITATION_FACT)).contains("inv-1");
    assertThat(reaching.requestedAt()).isEqualTo(at(4));
    assertThat(progress.active()).containsExactly(reaching);
    assertThat(progress.last(StepKind.REACH, 0)).contains(reaching);
    assertThat(progress.targets())
        .extracting(TargetOutcome::result)
        .containsExactly(TargetOutcome.Result.TRYING, TargetOutcome.Result.NOT_TRIED);
  }

  @Test
  void aTargetFailsByItsReachOrItsWithdrawalAndConnectsByItsConnect() {
    Failure busy = Failure.of(FailureReason.BUSY, "busy");
    Failure noAnswer = Failure.of(FailureReason.NO_ANSWER, "rang out");
    StepEntry reach0 = StepEntry.requested(1, StepKind.REACH, CallAction.ADD_PARTICIPANT, 0);
    Operation op = record(requested(), 1, reach0, null, null);
    op = record(op, 2, reach0.with(StepStatus.FAILED), busy, null);
    StepEntry reach1 = StepEntry.requested(2, StepKind.REACH, CallAction.ADD_PARTICIPANT, 1);
    op = record(op, 3, reach1, null, null);
    StepEntry undo1 = StepEntry.requested(3, StepKind.UNDO, CallAction.CANCEL_ADD_PARTICIPANT, 1);
    op = record(op, 40, undo1, noAnswer, null);
    op =
        record(
            op, 41, undo1.with(StepStatus.FAILED), Failure.of(FailureReason.NOT_FOUND, "x"), null);

    HandoffProgress progress = HandoffProgress.of(op);
    List<TargetOutcome> targets = progress.targets();
    assertThat(targets.get(0).result()).isEqualTo(TargetOutcome.Result.FAILED);
    assertThat(targets.get(0).failure()).contains(busy);
    assertThat(targets.get(1).result()).isEqualTo(TargetOutcome.Result.FAILED);
    assertThat(targets.get(1).failure()).contains(noAnswer);
    assertThat(progress.step(3).orElseThrow().failure()).contains(noAnswer);

    StepEntry connect = StepEntry.requested(4, StepKind.CONNECT, CallAction.RESUME, 1);
    op = record(op, 42, connect.with(StepStatus.SUCCEEDED), null, null);
    assertThat(HandoffProgress.of(op).outcome(1).result())
        .isEqualTo(TargetOutcome.Result.CONNECTED);
  }

  @Test
  void cancellationAndTheEndOfTheCallAreMarkedOnTheTimeline() {
    Operation op =
        requested()
            .entry(at(1), TimelineEntry.Source.HANDOFF, HandoffProgress.CANCEL_REQUESTED)
            .apply();
    op = op.entry(at(2), TimelineEntry.Source.HANDOFF, HandoffProgress.CANCEL_REQUESTED).apply();
    op = op.entry(at(3), TimelineEntry.Source.HANDOFF, HandoffProgress.CALL_ENDED).apply();
    HandoffProgress progress = HandoffProgress.of(op);
    assertThat(progress.cancelRequested()).isTrue();
    assertThat(progress.cancelRequestedAt()).contains(at(1));
    assertThat(progress.callEnded()).isTrue();
    assertThat(progress.steps()).isEmpty();
  }

  @Test
  void aProviderEventIsRecordedOnce() {
    StepEntry play = StepEntry.requested(1, StepKind.BRIEF, CallAction.PLAY, 0);
    Operation op = record(requested(), 1, play, null, null);
    Operation once =
        op.entry(at(2), TimelineEntry.Source.PROVIDER_EVENT, "PlayCompleted")
            .step(play.with(StepStatus.SUCCEEDED))
            .event("event-1", at(2))
            .apply();
    Operation twice =
        once.entry(at(3), TimelineEntry.Source.PROVIDER_EVENT, "PlayCompleted")
            .step(play.with(StepStatus.SUCCEEDED))
            .event("event-1", at(2))
            .apply();
    assertThat(twice).isSameAs(once);
    assertThat(once.version()).isEqualTo(op.version() + 1);
    TimelineEntry last = once.timeline().get(once.timeline().size() - 1);
    assertThat(last.step()).contains(play.with(StepStatus.SUCCEEDED));
    assertThat(last.disposition()).isEqualTo(Disposition.RECORDED);
  }

  @Test
  void onlyAWarmHandoffHasProgress() {
    Operation transfer =
        Operation.request(
            OperationId.of("t-1"),
            ProviderId.of("acs"),
            CallTransfer.builder("call-1", FIRST).build(),
            Optional.empty(),
            SubmissionToken.create(T0),
            T0,
            Duration.ofSeconds(30));
    assertThatThrownBy(() -> HandoffProgress.of(transfer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t-1 is no warm handoff");
    assertThatThrownBy(() -> StepEntry.requested(0, StepKind.HOLD, CallAction.HOLD, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
