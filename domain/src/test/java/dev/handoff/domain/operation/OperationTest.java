package dev.handoff.domain.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.domain.ValidationException;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OperationTest {
  private static final ProviderId ACS = ProviderId.of("acs");
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.250Z");
  private static final CallTransfer TRANSFER =
      CallTransfer.builder("call-1", PhoneNumber.of("+14255550123")).build();

  private static Operation requested() {
    return Operation.request(
        OperationId.of("op-1"),
        ACS,
        TRANSFER,
        Optional.empty(),
        SubmissionToken.create(T0),
        T0,
        Duration.ofMinutes(2));
  }

  private static Operation submitted() {
    return requested().afterSubmit(new SubmitResult.Accepted(Optional.empty(), null), at(1));
  }

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private static OperationUpdate event(String id, Progress progress) {
    Optional<Failure> failure =
        progress == Progress.FAILED
            ? Optional.of(Failure.of(FailureReason.DECLINED, "declined"))
            : Optional.empty();
    return new OperationUpdate(
        new EventMeta(ACS, id, "Test." + progress, at(5)),
        "call-1",
        OperationKind.TRANSFER,
        progress,
        Optional.of("op-1"),
        Optional.empty(),
        Optional.empty(),
        failure,
        ProviderEvidence.NONE);
  }

  private static TimelineEntry last(Operation operation) {
    return operation.timeline().get(operation.timeline().size() - 1);
  }

  @Test
  void aNewRequestIsRequestedWithItsCorrelationDeadlineAndTimeline() {
    Operation operation = requested();
    assertThat(operation.state()).isEqualTo(OperationState.REQUESTED);
    assertThat(operation.kind()).isEqualTo(OperationKind.TRANSFER);
    assertThat(operation.version()).isEqualTo(1);
    assertThat(operation.correlation()).isEqualTo("op-1");
    assertThat(operation.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
    assertThat(operation.timeline())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.what()).isEqualTo("requested");
              assertThat(e.source()).isEqualTo(TimelineEntry.Source.HANDOFF);
            });
    assertThat(operation.submission().firstSent()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(operation.submission().requestId().version()).isEqualTo(4);
  }

  @Test
  void theApplicationsOperationContextIsTheCorrelationWhenGiven() {
    Operation operation =
        Operation.request(
            OperationId.of("op-2"),
            ACS,
            CallTransfer.builder("call-1", PhoneNumber.of("+14255550123"))
                .operationContext("xfer-42")
                .build(),
            Optional.empty(),
            SubmissionToken.create(T0),
            T0,
            Duration.ofMinutes(1));
    assertThat(operation.correlation()).isEqualTo("xfer-42");
  }

  @Test
  void theHappyPathMovesForwardOneVersionPerChange() {
    Operation operation = submitted();
    operation = operation.apply(event("e1", Progress.IN_PROGRESS), at(2));
    operation = operation.apply(event("e2", Progress.ACCEPTED), at(3));
    operation = operation.apply(event("e3", Progress.COMPLETED), at(4));
    assertThat(operation.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(operation.version()).isEqualTo(5);
    assertThat(operation.failure()).isEmpty();
    assertThat(operation.updatedAt()).isEqualTo(at(4));
    assertThat(operation.timeline())
        .extracting(TimelineEntry::state)
        .containsExactly(
            OperationState.REQUESTED,
            OperationState.SUBMITTED,
            OperationState.IN_PROGRESS,
            OperationState.ACCEPTED,
            OperationState.COMPLETED);
    assertThat(operation.timeline()).allMatch(e -> e.disposition() == Disposition.APPLIED);
    assertThat(last(operation).eventId()).contains("e3");
    assertThat(last(operation).providerTime()).contains(at(5));
  }

  @Test
  void aRepeatedDeliveryChangesNothing() {
    Operation once = submitted().apply(event("e1", Progress.IN_PROGRESS), at(2));
    Operation twice = once.apply(event("e1", Progress.IN_PROGRESS), at(3));
    assertThat(twice).isSameAs(once);
    Operation completed = once.apply(event("e2", Progress.COMPLETED), at(3));
    assertThat(completed.apply(event("e2", Progress.COMPLETED), at(4))).isSameAs(completed);
  }

  @Test
  void anOutOfOrderEventIsRecordedAsLateAndNeverMovesBackwards() {
    Operation accepted = submitted().apply(event("e2", Progress.ACCEPTED), at(3));
    Operation late = accepted.apply(event("e1", Progress.IN_PROGRESS), at(4));
    assertThat(late.state()).isEqualTo(OperationState.ACCEPTED);
    assertThat(late.version()).isEqualTo(accepted.version() + 1);
    assertThat(last(late).disposition()).isEqualTo(Disposition.LATE);
    assertThat(last(late).state()).isEqualTo(OperationState.ACCEPTED);
  }

  @Test
  void aSecondEventOfTheSameStateIsRecordedWithoutChangingIt() {
    Operation progressing = submitted().apply(event("e1", Progress.IN_PROGRESS), at(2));
    Operation again = progressing.apply(event("e1b", Progress.IN_PROGRESS), at(3));
    assertThat(again.state()).isEqualTo(OperationState.IN_PROGRESS);
    assertThat(last(again).disposition()).isEqualTo(Disposition.RECORDED);
  }

  @Test
  void eventsAfterTheFinalStateAreRecordedButChangeNothingElse() {
    Operation failed = submitted().apply(event("e1", Progress.FAILED), at(2));
    assertThat(failed.state()).isEqualTo(OperationState.FAILED);
    assertThat(failed.failure()).map(Failure::reason).contains(FailureReason.DECLINED);
    Operation after = failed.apply(event("e2", Progress.COMPLETED), at(3));
    assertThat(after.state()).isEqualTo(OperationState.FAILED);
    assertThat(after.failure()).isEqualTo(failed.failure());
    assertThat(last(after).disposition()).isEqualTo(Disposition.AFTER_TERMINAL);
  }

  @Test
  void anEventMayOvertakeTheProvidersSynchronousAnswer() {
    Operation completedFirst = requested().apply(event("e1", Progress.COMPLETED), at(1));
    Operation answered =
        completedFirst.afterSubmit(
            new SubmitResult.Accepted(
                Optional.of("inv-1"),
                ProviderEvidence.builder()
                    .httpStatus(202)
                    .reference("x-ms-client-request-id", "r1")
                    .build()),
            at(2));
    assertThat(answered.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(last(answered).disposition()).isEqualTo(Disposition.AFTER_TERMINAL);
    assertThat(answered.invitationId()).contains("inv-1");
    assertThat(answered.references()).containsEntry("x-ms-client-request-id", "r1");
  }

  @Test
  void theSynchronousAnswerDecidesSubmittedCompletedFailedOrUnknown() {
    assertThat(submitted().state()).isEqualTo(OperationState.SUBMITTED);
    assertThat(requested().afterSubmit(new SubmitResult.Completed(null), at(1)).state())
        .isEqualTo(OperationState.COMPLETED);
    Failure notFound = Failure.of(FailureReason.NOT_FOUND, "Call not found.");
    Operation rejected = requested().afterSubmit(new SubmitResult.Rejected(notFound), at(1));
    assertThat(rejected.state()).isEqualTo(OperationState.FAILED);
    assertThat(rejected.failure()).contains(notFound);
    Failure timeout = Failure.of(FailureReason.TIMEOUT, "read timed out after sending");
    Operation unknown = requested().afterSubmit(new SubmitResult.Indeterminate(timeout), at(1));
    assertThat(unknown.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(unknown.failure()).contains(timeout);
  }

  @Test
  void unknownIsResolvedByALateFinalEventButNotByProgress() {
    Operation unknown = submitted().expireIfOverdue(at(120));
    assertThat(unknown.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(unknown.failure()).map(Failure::reason).contains(FailureReason.TIMEOUT);

    Operation progress = unknown.apply(event("e1", Progress.ACCEPTED), at(121));
    assertThat(progress.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(last(progress).disposition()).isEqualTo(Disposition.LATE);

    Operation resolved = progress.apply(event("e2", Progress.COMPLETED), at(122));
    assertThat(resolved.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(resolved.failure()).isEmpty();
    assertThat(last(resolved).disposition()).isEqualTo(Disposition.APPLIED);
  }

  @Test
  void onlyActiveOperationsPastTheirDeadlineExpire() {
    Operation submitted = submitted();
    assertThat(submitted.expireIfOverdue(at(119))).isSameAs(submitted);
    Operation expired = submitted.expireIfOverdue(at(120));
    assertThat(expired.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(last(expired).what()).isEqualTo("deadline passed");
    assertThat(expired.expireIfOverdue(at(500))).isSameAs(expired);
    Operation done = submitted.apply(event("e", Progress.COMPLETED), at(2));
    assertThat(done.expireIfOverdue(at(500))).isSameAs(done);
  }

  @Test
  void cancellationByAnotherOperationEndsAnUnfinishedAdd() {
    Operation add =
        Operation.request(
                OperationId.of("add-1"),
                ACS,
                AddParticipant.builder("call-1", PhoneNumber.of("+14255550123")).build(),
                Optional.empty(),
                SubmissionToken.create(T0),
                T0,
                Duration.ofMinutes(2))
            .afterSubmit(new SubmitResult.Accepted(Optional.of("inv-1"), null), at(1));
    Operation cancelled = add.cancelledBy(OperationId.of("cancel-1"), at(2));
    assertThat(cancelled.state()).isEqualTo(OperationState.CANCELLED);
    assertThat(cancelled.failure()).map(Failure::reason).contains(FailureReason.CANCELLED);
    assertThat(cancelled.failure().orElseThrow().message()).contains("cancel-1");
  }

  @Test
  void aCancelledEventWithoutAFailureGetsOne() {
    Operation cancelled = submitted().apply(event("e1", Progress.CANCELLED), at(2));
    assertThat(cancelled.failure()).map(Failure::reason).contains(FailureReason.CANCELLED);
  }

  @Test
  void callEventsAreNotedWithoutMovingTheState() {
    CallLifecycleEvent disconnected =
        new CallLifecycleEvent(
            new EventMeta(ACS, "d1", "Microsoft.Communication.CallDisconnected", at(3)),
            "call-1",
            CallLifecycleEvent.Change.DISCONNECTED,
            List.of(),
            null);
    Operation noted = submitted().note(disconnected, at(3));
    assertThat(noted.state()).isEqualTo(OperationState.SUBMITTED);
    assertThat(last(noted).disposition()).isEqualTo(Disposition.RECORDED);
    assertThat(noted.note(disconnected, at(4))).isSameAs(noted);
  }

  @Test
  void resubmissionIsNotedAndKeepsTheSubmissionToken() {
    Operation operation = requested();
    Operation noted = operation.noteResubmission(at(30));
    assertThat(noted.state()).isEqualTo(OperationState.REQUESTED);
    assertThat(noted.submission()).isEqualTo(operation.submission());
    assertThat(last(noted).what()).contains("same submission token");
  }

  @Test
  void anEventOfAnotherKindCannotApply() {
    OperationUpdate addEvent =
        new OperationUpdate(
            new EventMeta(ACS, "x", "AddParticipantSucceeded", at(1)),
            "call-1",
            OperationKind.ADD_PARTICIPANT,
            Progress.COMPLETED,
            null,
            null,
            null,
            null,
            null);
    assertThatThrownBy(() -> submitted().apply(addEvent, at(2)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ADD_PARTICIPANT event cannot apply to a TRANSFER operation");
  }

  @Test
  void aFailedUpdateMustSayWhy() {
    assertThatThrownBy(
            () ->
                new OperationUpdate(
                    new EventMeta(ACS, "x", "T", at(1)),
                    "call-1",
                    OperationKind.TRANSFER,
                    Progress.FAILED,
                    null,
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("failure is required when progress is FAILED");
  }

  @ParameterizedTest
  @EnumSource(OperationState.class)
  void finalStatesAreExactlyCompletedFailedAndCancelled(OperationState state) {
    boolean terminal =
        state == OperationState.COMPLETED
            || state == OperationState.FAILED
            || state == OperationState.CANCELLED;
    assertThat(state.isFinal()).isEqualTo(terminal);
    assertThat(state.isActive()).isEqualTo(!terminal && state != OperationState.UNKNOWN);
  }

  @Test
  void identifiersAndTokensAreValidated() {
    assertThatThrownBy(() -> OperationId.of("has space")).hasMessageContaining("must be 1 to 64");
    assertThatThrownBy(() -> IdempotencyKey.of("é")).hasMessageContaining("visible ASCII");
    assertThatThrownBy(() -> new SubmissionToken(UUID.nameUUIDFromBytes(new byte[] {1}), T0))
        .hasMessageContaining("version 4");
    assertThat(OperationId.random().value()).hasSize(36);
  }

  @Test
  void aReconciliationSettlesAnActiveOrUnknownOperationAndSaysHow() {
    Operation completed =
        submitted()
            .reconciled(
                new Reconciliation.Completed(
                    "the call is gone after CallDisconnected 200/7015",
                    ProviderEvidence.builder().httpStatus(404).build()),
                at(130));
    assertThat(completed.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(last(completed).source()).isEqualTo(TimelineEntry.Source.RECONCILIATION);
    assertThat(last(completed).what())
        .isEqualTo("reconciled: the call is gone after CallDisconnected 200/7015");
    assertThat(last(completed).evidence().httpStatus()).hasValue(404);
    assertThat(completed.reconciliations()).isEqualTo(1);

    Operation unknown =
        submitted()
            .afterSubmit(
                new SubmitResult.Indeterminate(Failure.of(FailureReason.TIMEOUT, "no answer")),
                at(2));
    Operation failed =
        unknown.reconciled(
            new Reconciliation.Failed(
                Failure.of(FailureReason.UNKNOWN, "never took place"), "still connected"),
            at(130));
    assertThat(failed.state()).isEqualTo(OperationState.FAILED);
    assertThat(failed.failure().orElseThrow().message()).isEqualTo("never took place");
  }

  @Test
  void aVerdictThatMayChangeIsRecordedAndMovesTheDeadline() {
    Operation later =
        submitted()
            .reconciledLater(
                new Reconciliation.UnderWay("the call is transferring", null), at(121), at(151));
    assertThat(later.state()).isEqualTo(OperationState.SUBMITTED);
    assertThat(later.deadline()).isEqualTo(at(151));
    assertThat(last(later).what()).startsWith("reconciliation: the call is transferring");
    assertThat(later.reconciliations()).isEqualTo(1);
  }

  @Test
  void anUnresolvedOverdueOperationBecomesUnknownAndAnUnknownOneStopsAwaiting() {
    Reconciliation gone =
        new Reconciliation.Undetermined("the call is gone without a reason", null, false);
    Operation submitted = submitted();
    assertThat(submitted.unresolved(gone, at(60))).isSameAs(submitted);
    Operation unknown = submitted.unresolved(gone, at(121));
    assertThat(unknown.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(unknown.failure().orElseThrow().reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(unknown.failure().orElseThrow().message())
        .contains("the call is gone without a reason");
    assertThat(unknown.awaitsReconciliation()).isFalse();

    Operation ambiguous =
        submitted()
            .afterSubmit(
                new SubmitResult.Indeterminate(Failure.of(FailureReason.TIMEOUT, "no answer")),
                at(2));
    assertThat(ambiguous.awaitsReconciliation()).isTrue();
    Operation consulted = ambiguous.unresolved(gone, at(121));
    assertThat(consulted.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(last(consulted).disposition()).isEqualTo(Disposition.RECORDED);
    assertThat(consulted.awaitsReconciliation()).isFalse();
  }

  @Test
  void anOperationBreakingItsInvariantsIsAValidationExceptionNamingEachField() {
    Operation valid = requested();
    assertThatThrownBy(
            () ->
                new Operation(
                    valid.id(),
                    OperationKind.REDIRECT,
                    valid.provider(),
                    valid.command(),
                    valid.idempotencyKey(),
                    valid.correlation(),
                    valid.submission(),
                    OperationState.FAILED,
                    Optional.empty(),
                    valid.invitationId(),
                    valid.references(),
                    List.of(),
                    valid.createdAt(),
                    null,
                    valid.deadline(),
                    0))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            thrown ->
                assertThat(((ValidationException) thrown).violations())
                    .extracting(dev.handoff.domain.Violation::path)
                    .containsExactlyInAnyOrder(
                        "updatedAt", "kind", "timeline", "version", "failure"))
        .hasMessageContaining("kind does not match the command (was \"REDIRECT\")")
        .hasMessageContaining("failure is required of a FAILED operation");
  }
}
