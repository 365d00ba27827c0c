package dev.handoff.ports.service;

import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.IncomingCall;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.operation.Disposition;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.in.EventReport;
import dev.handoff.ports.out.OperationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records provider events: each delivery checked against what it is bound to ({@link
 * DeliveryPolicy}), each operation update matched to its operation ({@link EventMatcher}) and
 * applied ({@link Operation#apply}), a completed cancellation withdrawing its invitation (the
 * cancel cascade), a change of the call applied to every unfinished operation on it.
 */
final class EventRecorder {
  private final OperationStore store;
  private final Clock clock;
  private final DeliveryCheck deliveries;
  private final OperationChanges changes;

  EventRecorder(
      OperationStore store, Clock clock, DeliveryCheck deliveries, OperationChanges changes) {
    this.store = store;
    this.clock = clock;
    this.deliveries = deliveries;
    this.changes = changes;
  }

  EventReport record(List<ProviderEvent> events, Delivery delivery) {
    Objects.requireNonNull(events, "events");
    deliveries.check(events, Objects.requireNonNull(delivery, "delivery"));
    List<EventOutcome> outcomes = new ArrayList<>(events.size());
    for (ProviderEvent event : events) {
      outcomes.add(recordOne(event));
    }
    return new EventReport(outcomes);
  }

  private EventOutcome recordOne(ProviderEvent event) {
    if (event instanceof OperationUpdate) {
      return applyUpdate((OperationUpdate) event);
    }
    if (event instanceof CallLifecycleEvent) {
      return noteLifecycle((CallLifecycleEvent) event);
    }
    if (event instanceof IncomingCall) {
      return new EventOutcome(
          event, EventOutcome.Result.INCOMING_CALL, List.of(), Optional.empty());
    }
    return new EventOutcome(
        event,
        EventOutcome.Result.UNRECOGNIZED,
        List.of(),
        Optional.of("the adapter did not recognise this event"));
  }

  private EventOutcome applyUpdate(OperationUpdate update) {
    Instant now = clock.instant();
    Optional<Operation> target;
    try {
      target =
          EventMatcher.match(update, store.findByCall(update.meta().provider(), update.callId()));
    } catch (EventMatcher.AmbiguousMatchException ambiguous) {
      return new EventOutcome(
          update, EventOutcome.Result.UNMATCHED, List.of(), Optional.of(ambiguous.getMessage()));
    }
    if (target.isEmpty()) {
      return new EventOutcome(
          update,
          EventOutcome.Result.UNMATCHED,
          List.of(),
          Optional.of(
              "no " + update.scope() + " operation on call " + update.callId() + " matches"));
    }
    OperationChanges.Changed changed =
        changes.change(target.get().id(), current -> current.apply(update, now));
    List<OperationId> touched = new ArrayList<>(List.of(changed.operation().id()));
    if (changed.changed()
        && update.scope() == OperationKind.CANCEL_ADD_PARTICIPANT
        && update.progress() == Progress.COMPLETED
        && lastDisposition(changed.operation()) == Disposition.APPLIED) {
      cancelInvitation(changed.operation(), now).ifPresent(touched::add);
    }
    return new EventOutcome(update, resultOf(changed), touched, Optional.empty());
  }

  private Optional<OperationId> cancelInvitation(Operation cancel, Instant now) {
    if (!(cancel.command() instanceof CancelAddParticipant withdrawal)) {
      throw new IllegalStateException(cancel.id() + " is no cancellation of an invitation");
    }
    String invitation = withdrawal.invitationId();
    return store.findByCall(cancel.provider(), cancel.callId()).stream()
        .filter(operation -> operation.kind() == OperationKind.ADD_PARTICIPANT)
        .filter(operation -> operation.invitationId().filter(invitation::equals).isPresent())
        .findFirst()
        .map(add -> changes.change(add.id(), current -> current.cancelledBy(cancel.id(), now)))
        .map(changed -> changed.operation().id());
  }

  /**
   * Applies a change of the call to every unfinished operation on it; see {@link
   * Operation#afterCallChange} for what the end of a call, or a roster without the transferee, does
   * to each kind of operation.
   */
  private EventOutcome noteLifecycle(CallLifecycleEvent event) {
    Instant now = clock.instant();
    List<OperationId> touched = new ArrayList<>();
    boolean anyChanged = false;
    boolean anyApplied = false;
    for (Operation operation : store.findByCall(event.meta().provider(), event.callId())) {
      if (!operation.state().isFinal() && !HandoffService.drivenBySaga(operation)) {
        OperationChanges.Changed changed =
            changes.change(operation.id(), current -> current.afterCallChange(event, now));
        touched.add(operation.id());
        anyChanged |= changed.changed();
        anyApplied |=
            changed.changed() && lastDisposition(changed.operation()) == Disposition.APPLIED;
      }
    }
    EventOutcome.Result result =
        touched.isEmpty()
            ? EventOutcome.Result.UNMATCHED
            : anyApplied
                ? EventOutcome.Result.APPLIED
                : anyChanged ? EventOutcome.Result.RECORDED : EventOutcome.Result.DUPLICATE;
    return new EventOutcome(
        event,
        result,
        touched,
        touched.isEmpty()
            ? Optional.of("no unfinished operation on call " + event.callId())
            : Optional.empty());
  }

  private static Disposition lastDisposition(Operation operation) {
    return operation.timeline().get(operation.timeline().size() - 1).disposition();
  }

  private static EventOutcome.Result resultOf(OperationChanges.Changed changed) {
    if (!changed.changed()) {
      return EventOutcome.Result.DUPLICATE;
    }
    return switch (lastDisposition(changed.operation())) {
      case APPLIED -> EventOutcome.Result.APPLIED;
      case LATE -> EventOutcome.Result.LATE;
      case AFTER_TERMINAL -> EventOutcome.Result.AFTER_TERMINAL;
      case RECORDED -> EventOutcome.Result.RECORDED;
    };
  }
}
