package dev.handoff.ports.in;

import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.operation.OperationId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What recording one provider event did.
 *
 * @param event the event
 * @param result what it did
 * @param operations the operations it touched
 * @param detail why, when the result needs explaining (e.g. why nothing matched)
 */
public record EventOutcome(
    ProviderEvent event, Result result, List<OperationId> operations, Optional<String> detail) {

  /** What an event did. */
  public enum Result {
    /** It moved an operation's state. */
    APPLIED,
    /** It was noted in an operation's timeline without moving the state. */
    RECORDED,
    /** It arrived out of order; recorded, state unchanged. */
    LATE,
    /** It arrived after the operation's final state; recorded, state unchanged. */
    AFTER_TERMINAL,
    /** It had been recorded before; nothing changed. */
    DUPLICATE,
    /** No operation matched it. */
    UNMATCHED,
    /** It announces an incoming call, for the application to handle. */
    INCOMING_CALL,
    /** The adapter did not recognise it. */
    UNRECOGNIZED
  }

  /** Validates the parts. */
  public EventOutcome {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(result, "result");
    operations = List.copyOf(operations);
    detail = detail == null ? Optional.empty() : detail;
  }
}
