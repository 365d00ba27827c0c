package dev.handoff.domain.operation;

import dev.handoff.domain.Violations;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.provider.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One command's life, from request to a definite outcome.
 *
 * <p>An operation is immutable: every change returns a new operation whose {@link #version()} is
 * one higher, so that stores can compare-and-set. A change that changes nothing (a repeated
 * delivery of an event already recorded) returns this same instance.
 *
 * <p>Long because it is the record and every transition an operation allows, one public method per
 * rule; the mechanics of a change are {@code OperationChange}.
 *
 * @param id the operation's id
 * @param kind the kind of operation, as given by the command
 * @param provider the provider that carries it
 * @param command the command
 * @param idempotencyKey the client's idempotency key, when it gave one
 * @param correlation the string sent to the provider for correlating its events: the command's
 *     operation context when given, else the operation id
 * @param submission the token sent with every attempt to submit
 * @param state where the operation stands
 * @param failure why it failed, was cancelled or is unknown
 * @param invitationId the provider's invitation id, for an add
 * @param references correlation ids from the provider's answers (request ids, chain ids)
 * @param timeline everything that happened, in the order recorded
 * @param createdAt when it was requested
 * @param updatedAt when it last changed
 * @param deadline when it becomes UNKNOWN if the provider has not given a final word
 * @param version how many changes it has had, starting at 1
 */
public record Operation(
    OperationId id,
    OperationKind kind,
    ProviderId provider,
    CallCommand command,
    Optional<IdempotencyKey> idempotencyKey,
    String correlation,
    SubmissionToken submission,
    OperationState state,
    Optional<Failure> failure,
    Optional<String> invitationId,
    Map<String, String> references,
    List<TimelineEntry> timeline,
    Instant createdAt,
    Instant updatedAt,
    Instant deadline,
    long version) {

  /** Checks the invariants and copies the collections, unmodifiable. */
  public Operation {
    Violations v = Violations.of("Operation");
    v.required("id", id);
    v.required("provider", provider);
    v.required("correlation", correlation);
    v.required("submission", submission);
    v.required("createdAt", createdAt);
    v.required("updatedAt", updatedAt);
    v.required("deadline", deadline);
    idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey;
    failure = failure == null ? Optional.empty() : failure;
    invitationId = invitationId == null ? Optional.empty() : invitationId;
    references =
        references == null || references.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(references));
    if (v.required("kind", kind) && v.required("command", command)) {
      v.check(kind == OperationKind.of(command), "kind", "does not match the command", kind);
    }
    if (v.required("timeline", timeline)) {
      timeline = List.copyOf(timeline);
      v.check(!timeline.isEmpty(), "timeline", "starts with the operation's request", null);
    }
    v.check(version >= 1, "version", "starts at 1", version);
    if (v.required("state", state)) {
      v.check(
          state != OperationState.FAILED || failure.isPresent(),
          "failure",
          "is required of a FAILED operation",
          null);
    }
    v.throwIfAny();
  }

  /**
   * Records a new request.
   *
   * @param id the operation's id
   * @param provider the provider that will carry it
   * @param command the command, already valid and checked against the provider's capabilities
   * @param idempotencyKey the client's idempotency key, if any
   * @param submission the token every submission attempt will carry
   * @param now the time of the request
   * @param timeToOutcome how long the provider has to give a final word
   * @return the operation in state REQUESTED, version 1
   */
  public static Operation request(
      OperationId id,
      ProviderId provider,
      CallCommand command,
      Optional<IdempotencyKey> idempotencyKey,
      SubmissionToken submission,
      Instant now,
      Duration timeToOutcome) {
    TimelineEntry requested =
        new TimelineEntry(
            now,
            TimelineEntry.Source.HANDOFF,
            "requested",
            OperationState.REQUESTED,
            Disposition.APPLIED,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            ProviderEvidence.NONE);
    return new Operation(
        id,
        OperationKind.of(command),
        provider,
        command,
        idempotencyKey,
        command.operationContext().orElse(id.value()),
        submission,
        OperationState.REQUESTED,
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        List.of(requested),
        now,
        now,
        now.plus(timeToOutcome),
        1);
  }

  /**
   * @return the id of the call the operation acts on
   */
  public String callId() {
    return command.callId();
  }

  /**
   * @param eventId a provider event id
   * @return whether that event is already in the timeline
   */
  public boolean hasRecorded(String eventId) {
    for (TimelineEntry entry : timeline) {
      if (entry.eventId().filter(eventId::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records the provider's synchronous answer to the submission.
   *
   * @param result the answer
   * @param at when it came
   * @return the changed operation
   */
  public Operation afterSubmit(SubmitResult result, Instant at) {
    OperationChange change =
        new OperationChange(this, at, TimelineEntry.Source.PROVIDER_RESPONSE)
            .evidence(result.evidence());
    if (result instanceof SubmitResult.Accepted) {
      return change
          .invitation(((SubmitResult.Accepted) result).invitationId())
          .to(OperationState.SUBMITTED, "accepted by the provider");
    }
    if (result instanceof SubmitResult.Completed) {
      return change.to(OperationState.COMPLETED, "completed by the provider's answer");
    }
    if (result instanceof SubmitResult.Rejected) {
      return change
          .failure(((SubmitResult.Rejected) result).failure())
          .to(OperationState.FAILED, "rejected by the provider");
    }
    return change
        .failure(((SubmitResult.Indeterminate) result).failure())
        .to(OperationState.UNKNOWN, "the provider's answer was ambiguous");
  }

  /**
   * Applies a provider event about this operation. A repeated delivery changes nothing; an event
   * that arrives out of order or after the final state is recorded without moving the state.
   *
   * @param update the event
   * @param receivedAt when Handoff received it
   * @return the changed operation, or this one when the event was already recorded
   * @throws dev.handoff.domain.ValidationException when the event concerns another kind of
   *     operation
   */
  public Operation apply(OperationUpdate update, Instant receivedAt) {
    if (update.scope() != kind) {
      Violations v = Violations.of("OperationUpdate");
      v.add(
          "scope", "a " + update.scope() + " event cannot apply to a " + kind + " operation", null);
      v.throwIfAny();
    }
    if (hasRecorded(update.meta().eventId())) {
      return this;
    }
    OperationState target = stateOf(update.progress());
    Optional<Failure> reported = update.failure();
    if (target == OperationState.CANCELLED && reported.isEmpty()) {
      reported =
          Optional.of(
              Failure.of(
                  FailureReason.CANCELLED,
                  "cancelled, as the provider reports",
                  update.evidence()));
    }
    return new OperationChange(this, receivedAt, TimelineEntry.Source.PROVIDER_EVENT)
        .event(update.meta().eventId(), update.meta().occurredAt())
        .evidence(update.evidence())
        .invitation(update.invitationId())
        .failure(reported.orElse(null))
        .to(target, update.meta().type());
  }

  /**
   * Notes a change of the call in the timeline without moving the state.
   *
   * @param event the call event
   * @param receivedAt when Handoff received it
   * @return the changed operation, or this one when the event was already recorded
   */
  public Operation note(CallLifecycleEvent event, Instant receivedAt) {
    if (hasRecorded(event.meta().eventId())) {
      return this;
    }
    return callEvent(event, receivedAt).to(null, event.meta().type());
  }

  /**
   * Applies a change of the call this operation acts on. Providers say nothing more about an
   * operation once the application's leg of its call has ended (Azure Communication Services sends
   * {@code CallDisconnected} as a call connection's last event; Microsoft Graph's {@code
   * terminated} notification ends the call resource), so the end of the call settles every
   * operation still under way on it:
   *
   * <table>
   *   <caption>what a change of the call does to an active operation</caption>
   *   <tr><th>change</th><th>operation</th><th>becomes</th></tr>
   *   <tr><td>DISCONNECTED with the provider's failure</td><td>any</td><td>FAILED with that
   *       failure</td></tr>
   *   <tr><td>DISCONNECTED</td><td>a transfer the target ACCEPTED</td><td>COMPLETED: the
   *       transferor's leg ending is how a transfer finishes</td></tr>
   *   <tr><td>DISCONNECTED</td><td>a redirect</td><td>COMPLETED: the call left the application for
   *       its target, which is what a redirect does</td></tr>
   *   <tr><td>DISCONNECTED</td><td>a transfer not yet accepted, an invitation, a
   *       cancellation</td><td>UNKNOWN, at once rather than at the deadline: the leg also ends when
   *       such an operation succeeded and its own event was lost or is still on its way, so the end
   *       alone does not tell; that event, when it comes, still settles it</td></tr>
   *   <tr><td>PARTICIPANTS_UPDATED without the transferee</td><td>a transfer the target ACCEPTED
   *       that names a transferee</td><td>COMPLETED: in a group call the application stays, and the
   *       transferee leaving the roster is the provider's word that the transfer finished</td></tr>
   *   <tr><td>anything else</td><td>any</td><td>unchanged; the event is noted in the
   *       timeline</td></tr>
   * </table>
   *
   * <p>A final or UNKNOWN operation only notes the event: whether an operation whose submission was
   * ambiguous ever ran is not told by the end of its call, and a late final event still resolves
   * it.
   *
   * @param event the call event
   * @param receivedAt when Handoff received it
   * @return the changed operation, or this one when the event was already recorded
   */
  public Operation afterCallChange(CallLifecycleEvent event, Instant receivedAt) {
    if (hasRecorded(event.meta().eventId())) {
      return this;
    }
    OperationChange change = callEvent(event, receivedAt);
    String what = event.meta().type();
    if (!state.isActive()) {
      return change.to(null, what);
    }
    switch (event.change()) {
      case DISCONNECTED:
        if (event.failure().isPresent()) {
          return change.failure(event.failure().get()).to(OperationState.FAILED, what);
        }
        if (kind == OperationKind.REDIRECT
            || (kind == OperationKind.TRANSFER && state == OperationState.ACCEPTED)) {
          return change.to(OperationState.COMPLETED, what);
        }
        return change
            .failure(
                new Failure(
                    FailureReason.UNKNOWN,
                    false,
                    "the call ended before the provider reported the "
                        + noun()
                        + "'s outcome; a late event still settles it",
                    event.evidence()))
            .to(OperationState.UNKNOWN, what);
      case PARTICIPANTS_UPDATED:
        return transfereeLeft(event)
            ? change.to(OperationState.COMPLETED, what)
            : change.to(null, what);
      default:
        return change.to(null, what);
    }
  }

  private OperationChange callEvent(CallLifecycleEvent event, Instant receivedAt) {
    return new OperationChange(this, receivedAt, TimelineEntry.Source.PROVIDER_EVENT)
        .event(event.meta().eventId(), event.meta().occurredAt())
        .evidence(event.evidence());
  }

  private boolean transfereeLeft(CallLifecycleEvent roster) {
    if (!(command instanceof CallTransfer transfer)
        || state != OperationState.ACCEPTED
        || roster.participants().isEmpty()) {
      return false;
    }
    return transfer
        .transferee()
        .map(Transferee::participant)
        .filter(moving -> roster.participants().stream().noneMatch(moving::sameParty))
        .isPresent();
  }

  private String noun() {
    return switch (kind) {
      case TRANSFER -> "transfer";
      case ADD_PARTICIPANT -> "invitation";
      case CANCEL_ADD_PARTICIPANT -> "cancellation";
      case REDIRECT -> "redirect";
      case WARM_HANDOFF -> "handoff";
    };
  }

  /**
   * Marks an add operation cancelled because a cancel operation withdrew its invitation.
   *
   * @param by the cancel operation
   * @param at when
   * @return the changed operation
   */
  public Operation cancelledBy(OperationId by, Instant at) {
    return new OperationChange(this, at, TimelineEntry.Source.HANDOFF)
        .failure(Failure.of(FailureReason.CANCELLED, "invitation withdrawn by operation " + by))
        .to(OperationState.CANCELLED, "cancelled by operation " + by);
  }

  /**
   * Moves an active operation whose deadline has passed to UNKNOWN.
   *
   * @param now the time now
   * @return the changed operation, or this one when it is not overdue
   */
  public Operation expireIfOverdue(Instant now) {
    if (!state.isActive() || now.isBefore(deadline)) {
      return this;
    }
    return new OperationChange(this, now, TimelineEntry.Source.HANDOFF)
        .failure(
            Failure.of(
                FailureReason.TIMEOUT,
                "no final word from the provider by the deadline " + deadline))
        .to(OperationState.UNKNOWN, "deadline passed");
  }

  /**
   * @return how many reconciliation entries the timeline holds: how often the provider's state was
   *     consulted for this operation
   */
  public int reconciliations() {
    int count = 0;
    for (TimelineEntry entry : timeline) {
      if (entry.source() == TimelineEntry.Source.RECONCILIATION) {
        count++;
      }
    }
    return count;
  }

  /**
   * @return whether this operation is UNKNOWN without having been reconciled since: it became
   *     UNKNOWN before its deadline (an ambiguous answer), or its deadline was moved after it
   *     became UNKNOWN, and nothing was recorded since the deadline
   */
  public boolean awaitsReconciliation() {
    return state == OperationState.UNKNOWN && updatedAt.isBefore(deadline);
  }

  /**
   * Records a reconciliation's verdict. {@link Reconciliation.Completed} and {@link
   * Reconciliation.Failed} settle an active or UNKNOWN operation; {@link Reconciliation.UnderWay}
   * and {@link Reconciliation.Undetermined} are recorded without moving the state.
   *
   * @param verdict the verdict
   * @param at when it was reached
   * @return the changed operation
   */
  public Operation reconciled(Reconciliation verdict, Instant at) {
    OperationChange change =
        new OperationChange(this, at, TimelineEntry.Source.RECONCILIATION)
            .evidence(verdict.evidence());
    if (verdict instanceof Reconciliation.Completed) {
      return change.to(OperationState.COMPLETED, "reconciled: " + verdict.basis());
    }
    if (verdict instanceof Reconciliation.Failed) {
      return change
          .failure(((Reconciliation.Failed) verdict).failure())
          .to(OperationState.FAILED, "reconciled: " + verdict.basis());
    }
    return change.to(null, "reconciliation: " + verdict.basis());
  }

  /**
   * Records a verdict that does not settle the operation and gives the provider until {@code
   * nextCheck} before it is consulted again.
   *
   * @param verdict an {@link Reconciliation.UnderWay} or {@link Reconciliation.Undetermined}
   *     verdict that may change
   * @param at when it was reached
   * @param nextCheck the new deadline
   * @return the changed operation
   */
  public Operation reconciledLater(Reconciliation verdict, Instant at, Instant nextCheck) {
    return new OperationChange(this, at, TimelineEntry.Source.RECONCILIATION)
        .evidence(verdict.evidence())
        .deadline(nextCheck)
        .to(null, "reconciliation: " + verdict.basis() + "; asking again at " + nextCheck);
  }

  /**
   * Moves an active operation whose deadline has passed to UNKNOWN because reconciliation could not
   * tell its outcome; an UNKNOWN one records the verdict.
   *
   * @param verdict what reconciliation found
   * @param now the time now
   * @return the changed operation, or this one when it is neither overdue nor UNKNOWN
   */
  public Operation unresolved(Reconciliation verdict, Instant now) {
    if (state.isFinal() || (state.isActive() && now.isBefore(deadline))) {
      return this;
    }
    OperationChange change =
        new OperationChange(this, now, TimelineEntry.Source.RECONCILIATION)
            .evidence(verdict.evidence());
    if (state == OperationState.UNKNOWN) {
      return change.to(null, "reconciliation: " + verdict.basis());
    }
    return change
        .failure(
            Failure.of(
                FailureReason.TIMEOUT,
                "no final word from the provider by the deadline "
                    + deadline
                    + ", and its state does not tell the outcome: "
                    + verdict.basis(),
                verdict.evidence()))
        .to(OperationState.UNKNOWN, "deadline passed; reconciliation: " + verdict.basis());
  }

  /**
   * Notes that the submission is being sent again after an interruption, with the same token.
   *
   * @param at when
   * @return the changed operation
   */
  public Operation noteResubmission(Instant at) {
    return new OperationChange(this, at, TimelineEntry.Source.HANDOFF)
        .to(null, "sent again after an interruption, with the same submission token");
  }

  /**
   * Moves the deadline without recording anything: a warm handoff's saga sets it to when it must
   * look at the operation next.
   *
   * @param next the new deadline
   * @return the operation with that deadline and a version one higher, or this same operation when
   *     the deadline is already {@code next}
   */
  public Operation reschedule(Instant next) {
    Objects.requireNonNull(next, "next");
    if (next.equals(deadline)) {
      return this;
    }
    return new Operation(
        id,
        kind,
        provider,
        command,
        idempotencyKey,
        correlation,
        submission,
        state,
        failure,
        invitationId,
        references,
        timeline,
        createdAt,
        updatedAt,
        next,
        version + 1);
  }

  /**
   * Starts a timeline entry about a step of a warm handoff (or the handoff as a whole), for the
   * saga that drives it. Nothing changes until {@link Entry#apply()}.
   *
   * @param at when Handoff records it
   * @param source who said it
   * @param what what happened
   * @return the entry in the making
   */
  public Entry entry(Instant at, TimelineEntry.Source source, String what) {
    return new Entry(at, source, what);
  }

  /**
   * One timeline entry in the making: what a warm handoff's saga records about a step. The same
   * rules as for every entry apply: states only move forward, and an event already recorded is not
   * recorded again.
   */
  public final class Entry {
    private final OperationChange change;
    private final String what;
    private OperationState target;

    private Entry(Instant at, TimelineEntry.Source source, String what) {
      this.change = new OperationChange(Operation.this, at, source);
      this.what = Objects.requireNonNull(what, "what");
    }

    /**
     * @param value the step the entry concerns
     * @return this entry
     */
    public Entry step(StepEntry value) {
      change.step(value);
      return this;
    }

    /**
     * @param eventId the provider event's id
     * @param occurredAt when the provider says it happened
     * @return this entry
     */
    public Entry event(String eventId, Instant occurredAt) {
      change.event(eventId, occurredAt);
      return this;
    }

    /**
     * @param value what the provider said
     * @return this entry
     */
    public Entry evidence(ProviderEvidence value) {
      change.evidence(value == null ? ProviderEvidence.NONE : value);
      return this;
    }

    /**
     * @param value the failure the entry reports
     * @return this entry
     */
    public Entry failure(Failure value) {
      change.failure(value);
      return this;
    }

    /**
     * @param value the state the operation moves to, if that goes forward
     * @return this entry
     */
    public Entry moveTo(OperationState value) {
      target = value;
      return this;
    }

    /**
     * @param value when the saga must look at the operation next, if nothing happens before
     * @return this entry
     */
    public Entry deadline(Instant value) {
      change.deadline(value);
      return this;
    }

    /**
     * @return the operation with the entry appended, or this same operation when the entry reports
     *     a provider event already recorded
     */
    public Operation apply() {
      if (change.eventId().filter(Operation.this::hasRecorded).isPresent()) {
        return Operation.this;
      }
      return change.to(target, what);
    }
  }

  private static OperationState stateOf(Progress progress) {
    return switch (progress) {
      case IN_PROGRESS -> OperationState.IN_PROGRESS;
      case ACCEPTED -> OperationState.ACCEPTED;
      case COMPLETED -> OperationState.COMPLETED;
      case FAILED -> OperationState.FAILED;
      case CANCELLED -> OperationState.CANCELLED;
    };
  }
}
