package dev.handoff.domain.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.domain.provider.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a change of the call does to the operations under way on it. */
class CallChangeRulesTest {
  private static final ProviderId GRAPH = ProviderId.of("graph");
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final PhoneNumber CALLER = PhoneNumber.of("+14255550100");
  private static final TeamsUser AGENT = TeamsUser.of("agent-1");
  private static final TeamsUser OTHER = TeamsUser.of("other-1");

  private static Operation submitted(CallCommand command) {
    return Operation.request(
            OperationId.of("op-1"),
            GRAPH,
            command,
            Optional.empty(),
            SubmissionToken.create(T0),
            T0,
            Duration.ofMinutes(2))
        .afterSubmit(new SubmitResult.Accepted(Optional.empty(), null), T0.plusSeconds(1));
  }

  private static Operation accepted(CallTransfer transfer) {
    return submitted(transfer)
        .apply(
            new OperationUpdate(
                new EventMeta(GRAPH, "accepted", "call:updated:transferAccepted", T0),
                transfer.callId(),
                OperationKind.TRANSFER,
                Progress.ACCEPTED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ProviderEvidence.NONE),
            T0.plusSeconds(2));
  }

  private static CallLifecycleEvent ended(Optional<Failure> failure) {
    return new CallLifecycleEvent(
        new EventMeta(GRAPH, "ended", "call:deleted:terminated", T0),
        "call-1",
        CallLifecycleEvent.Change.DISCONNECTED,
        List.of(),
        ProviderEvidence.builder().code("200").subCode("5001").build(),
        failure);
  }

  private static CallLifecycleEvent roster(Participant... participants) {
    return new CallLifecycleEvent(
        new EventMeta(GRAPH, "roster-" + List.of(participants), "participant:updated", T0),
        "call-1",
        CallLifecycleEvent.Change.PARTICIPANTS_UPDATED,
        List.of(participants),
        ProviderEvidence.NONE);
  }

  private static CallLifecycleEvent connected() {
    return new CallLifecycleEvent(
        new EventMeta(GRAPH, "connected", "call:updated:established", T0),
        "call-1",
        CallLifecycleEvent.Change.CONNECTED,
        List.of(),
        ProviderEvidence.NONE);
  }

  private static final CallTransfer BLIND = CallTransfer.builder("call-1", AGENT).build();
  private static final CallTransfer GROUP =
      CallTransfer.builder("call-1", AGENT).transferee(Transferee.of(CALLER, "p-1")).build();

  @Test
  void aTransferTheTargetAcceptedCompletesWhenTheTransferorsLegEnds() {
    Operation done = accepted(BLIND).afterCallChange(ended(Optional.empty()), T0.plusSeconds(3));
    assertThat(done.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(done.timeline().get(done.timeline().size() - 1).disposition())
        .isEqualTo(Disposition.APPLIED);
  }

  @Test
  void aTransferNotYetAcceptedIsUnknownAtOnceWhenTheCallEndsAndALateEventSettlesIt() {
    Operation ended = submitted(BLIND).afterCallChange(ended(Optional.empty()), T0.plusSeconds(3));
    assertThat(ended.state()).isEqualTo(OperationState.UNKNOWN);
    Failure failure = ended.failure().orElseThrow();
    assertThat(failure.reason()).isEqualTo(FailureReason.UNKNOWN);
    assertThat(failure.retryable()).isFalse();
    assertThat(failure.message())
        .isEqualTo(
            "the call ended before the provider reported the transfer's outcome; a late event"
                + " still settles it");
    assertThat(failure.evidence().subCode()).contains("5001");

    Operation late =
        ended.apply(
            new OperationUpdate(
                new EventMeta(GRAPH, "late", "call:deleted:terminated", T0),
                "call-1",
                OperationKind.TRANSFER,
                Progress.COMPLETED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ProviderEvidence.NONE),
            T0.plusSeconds(4));
    assertThat(late.state())
        .as("the lost success event, arriving late")
        .isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void aCallThatEndsInErrorFailsEveryOperationUnderWayWithTheProvidersFailure() {
    Failure error =
        new Failure(FailureReason.PROVIDER_ERROR, false, "500/7106", ProviderEvidence.NONE);
    for (Operation operation :
        List.of(
            accepted(BLIND),
            submitted(AddParticipant.builder("call-1", AGENT).build()),
            submitted(redirect()))) {
      Operation failed = operation.afterCallChange(ended(Optional.of(error)), T0.plusSeconds(3));
      assertThat(failed.state()).as(operation.kind().name()).isEqualTo(OperationState.FAILED);
      assertThat(failed.failure()).contains(error);
    }
  }

  @Test
  void aRedirectCompletesWhenTheCallLeavesTheApplication() {
    assertThat(
            submitted(redirect())
                .afterCallChange(ended(Optional.empty()), T0.plusSeconds(3))
                .state())
        .isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void anInvitationOrACancellationIsUnknownWhenItsCallEnds() {
    for (CallCommand command :
        List.of(
            AddParticipant.builder("call-1", AGENT).build(),
            CancelAddParticipant.of("call-1", "inv-1"))) {
      Operation ended =
          submitted(command).afterCallChange(ended(Optional.empty()), T0.plusSeconds(3));
      assertThat(ended.state()).isEqualTo(OperationState.UNKNOWN);
      assertThat(ended.failure().orElseThrow().reason()).isEqualTo(FailureReason.UNKNOWN);
    }
  }

  @Test
  void aGroupTransferCompletesWhenTheRosterNoLongerHoldsTheTransferee() {
    Operation waiting = accepted(GROUP).afterCallChange(connected(), T0.plusSeconds(3));
    assertThat(waiting.state())
        .as("the call back to established says nothing by itself")
        .isEqualTo(OperationState.ACCEPTED);
    Operation stillThere = waiting.afterCallChange(roster(CALLER, OTHER), T0.plusSeconds(4));
    assertThat(stillThere.state()).isEqualTo(OperationState.ACCEPTED);
    Operation done =
        stillThere.afterCallChange(
            roster(OTHER, TeamsUser.of("bot-leg").withDisplayName("Bot")), T0.plusSeconds(5));
    assertThat(done.state()).isEqualTo(OperationState.COMPLETED);
  }

  @Test
  void aRosterWithoutTheTransfereeBeforeTheTargetAcceptedChangesNothing() {
    Operation transferring = submitted(GROUP);
    assertThat(transferring.afterCallChange(roster(OTHER), T0.plusSeconds(3)).state())
        .isEqualTo(OperationState.SUBMITTED);
    assertThat(accepted(BLIND).afterCallChange(roster(OTHER), T0.plusSeconds(3)).state())
        .as("a transfer that names no transferee is not settled by the roster")
        .isEqualTo(OperationState.ACCEPTED);
  }

  @Test
  void finalAndUnknownOperationsOnlyNoteTheEnd() {
    Operation unknown =
        Operation.request(
                OperationId.of("op-2"),
                GRAPH,
                BLIND,
                Optional.empty(),
                SubmissionToken.create(T0),
                T0,
                Duration.ofMinutes(2))
            .afterSubmit(
                new SubmitResult.Indeterminate(Failure.of(FailureReason.UNKNOWN, "timed out")),
                T0.plusSeconds(1));
    Operation noted = unknown.afterCallChange(ended(Optional.empty()), T0.plusSeconds(3));
    assertThat(noted.state()).isEqualTo(OperationState.UNKNOWN);
    assertThat(noted.timeline()).hasSize(unknown.timeline().size() + 1);
    Operation done = accepted(BLIND).afterCallChange(ended(Optional.empty()), T0.plusSeconds(3));
    Operation after = done.afterCallChange(roster(OTHER), T0.plusSeconds(4));
    assertThat(after.state()).isEqualTo(OperationState.COMPLETED);
    assertThat(after.timeline().get(after.timeline().size() - 1).disposition())
        .isEqualTo(Disposition.AFTER_TERMINAL);
  }

  @Test
  void theSameCallEventTwiceChangesNothing() {
    Operation done = accepted(BLIND).afterCallChange(ended(Optional.empty()), T0.plusSeconds(3));
    assertThat(done.afterCallChange(ended(Optional.empty()), T0.plusSeconds(4))).isSameAs(done);
  }

  private static RedirectCall redirect() {
    return RedirectCall.builder("call-1", "call-1", List.of(AGENT)).build();
  }
}
