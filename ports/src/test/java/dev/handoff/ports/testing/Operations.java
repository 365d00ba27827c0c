package dev.handoff.ports.testing;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.StepEntry;
import dev.handoff.domain.operation.StepKind;
import dev.handoff.domain.operation.StepStatus;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.operation.TimelineEntry;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Ready-made operations for store and service tests. */
public final class Operations {
  /** The provider the fixtures use. */
  public static final ProviderId PROVIDER = ProviderId.of("fake");

  private Operations() {}

  /**
   * @param callId the call
   * @return a blind transfer to a phone number
   */
  public static CallTransfer transfer(String callId) {
    return CallTransfer.builder(callId, PhoneNumber.of("+14255550123")).build();
  }

  /**
   * @param callId the call
   * @return an add of a phone number
   */
  public static AddParticipant add(String callId) {
    return AddParticipant.builder(callId, PhoneNumber.of("+14255550199")).build();
  }

  /**
   * @param callId the caller's call
   * @return a warm handoff of the call to one phone number
   */
  public static WarmHandoff warmHandoff(String callId) {
    return WarmHandoff.builder(callId, List.of(HandoffTarget.of(PhoneNumber.of("+14255550123"))))
        .build();
  }

  /**
   * What a warm handoff's saga records when the provider answers the placement of a consultation
   * call: a reach step of the first target, accepted, that learned the call's id.
   *
   * @param handoff a warm handoff
   * @param step the reach step's number
   * @param consultation the id of the call the step placed
   * @param at when
   * @return the handoff IN_PROGRESS, with the step's entry appended
   */
  public static Operation placedCall(Operation handoff, int step, String consultation, Instant at) {
    return handoff
        .entry(at, TimelineEntry.Source.PROVIDER_RESPONSE, "placeCall accepted by the provider")
        .step(
            new StepEntry(
                step,
                StepKind.REACH,
                CallAction.PLACE_CALL,
                OptionalInt.of(0),
                StepStatus.ACCEPTED,
                Map.of(StepEntry.CALL_FACT, consultation)))
        .moveTo(OperationState.IN_PROGRESS)
        .apply();
  }

  /**
   * @param id the id
   * @param command the command
   * @param at when it was requested
   * @return a REQUESTED operation with a two-minute deadline
   */
  public static Operation requested(String id, CallCommand command, Instant at) {
    return Operation.request(
        OperationId.of(id),
        PROVIDER,
        command,
        Optional.empty(),
        SubmissionToken.create(at),
        at,
        Duration.ofMinutes(2));
  }

  /**
   * @param id the id
   * @param command the command
   * @param key the idempotency key
   * @param at when it was requested
   * @return a REQUESTED operation holding the key
   */
  public static Operation requested(
      String id, CallCommand command, IdempotencyKey key, Instant at) {
    return Operation.request(
        OperationId.of(id),
        PROVIDER,
        command,
        Optional.of(key),
        SubmissionToken.create(at),
        at,
        Duration.ofMinutes(2));
  }

  /**
   * @param operation an operation
   * @param at when
   * @return the operation accepted by the provider
   */
  public static Operation accepted(Operation operation, Instant at) {
    return operation.afterSubmit(new SubmitResult.Accepted(Optional.empty(), null), at);
  }

  /**
   * @param operation an operation
   * @param at when
   * @return the operation made UNKNOWN by an ambiguous answer
   */
  public static Operation unknown(Operation operation, Instant at) {
    return operation.afterSubmit(
        new SubmitResult.Indeterminate(
            dev.handoff.domain.failure.Failure.of(
                dev.handoff.domain.failure.FailureReason.TIMEOUT, "no answer")),
        at);
  }

  /**
   * @param operation an operation
   * @param at when
   * @return the operation completed by the provider's answer
   */
  public static Operation completed(Operation operation, Instant at) {
    return operation.afterSubmit(new SubmitResult.Completed(null), at);
  }
}
