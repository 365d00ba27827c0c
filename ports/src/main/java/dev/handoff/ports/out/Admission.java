package dev.handoff.ports.out;

import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.operation.Operation;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link OperationStore#admit(Operation)} did with a new operation, decided atomically by the
 * store.
 *
 * <p>The rules, in the order they are applied:
 *
 * <ol>
 *   <li>an idempotency key names at most one operation: a new operation with a key already held is
 *       not stored, and the holder is returned ({@link KeyHeld});
 *   <li>a call has at most one active (not final, not UNKNOWN) operation in each {@linkplain
 *       #slot(OperationKind) exclusive slot} per provider: one that hands the call on (a transfer,
 *       or a warm handoff, which ends in one), and one redirect ({@link Conflict} with {@link
 *       Rule#ONE_AT_A_TIME});
 *   <li>an active operation's correlation (its operation context, when the command gave one) is
 *       used by no other active operation on the same call ({@link Conflict} with {@link
 *       Rule#CORRELATION_IN_USE}).
 * </ol>
 */
public sealed interface Admission
    permits Admission.Admitted, Admission.KeyHeld, Admission.Conflict {

  /**
   * @param kind a kind of operation
   * @return whether a call may have only one active operation of that kind's {@linkplain
   *     #slot(OperationKind) slot} at a time: transfer, warm handoff and redirect (a call is handed
   *     on once)
   */
  static boolean isExclusive(OperationKind kind) {
    return slot(kind).isPresent();
  }

  /**
   * The exclusive slot an operation of a kind takes on its call: a transfer and a warm handoff take
   * the same one, {@code TRANSFER}, since a warm handoff under way is the call's transfer (it ends
   * by putting the caller through, or by a transfer to its last target); a redirect takes its own.
   *
   * @param kind a kind of operation
   * @return the slot's name ({@code TRANSFER} or {@code REDIRECT}); empty for a kind of which a
   *     call may have several at once
   */
  static Optional<String> slot(OperationKind kind) {
    switch (kind) {
      case TRANSFER:
      case WARM_HANDOFF:
        return Optional.of(OperationKind.TRANSFER.name());
      case REDIRECT:
        return Optional.of(OperationKind.REDIRECT.name());
      default:
        return Optional.empty();
    }
  }

  /**
   * @param candidate a new operation
   * @param active an active operation on the same provider and call
   * @return which rule {@code active} stands in the way of {@code candidate} by, or null when none
   */
  static Rule conflictBetween(Operation candidate, Operation active) {
    if (!active.state().isActive()
        || !active.provider().equals(candidate.provider())
        || !active.callId().equals(candidate.callId())) {
      return null;
    }
    if (slot(candidate.kind()).isPresent() && slot(candidate.kind()).equals(slot(active.kind()))) {
      return Rule.ONE_AT_A_TIME;
    }
    if (active.correlation().equals(candidate.correlation())) {
      return Rule.CORRELATION_IN_USE;
    }
    return null;
  }

  /** Which admission rule refused an operation. */
  enum Rule {
    /** The call already has an active operation in this kind's exclusive slot. */
    ONE_AT_A_TIME,
    /** The correlation (operation context) is in use by an active operation on the call. */
    CORRELATION_IN_USE
  }

  /**
   * The operation was stored.
   *
   * @param operation the operation, as given
   */
  record Admitted(Operation operation) implements Admission {
    /** Validates the parts. */
    public Admitted {
      Objects.requireNonNull(operation, "operation");
    }
  }

  /**
   * The idempotency key already names an operation; nothing was stored.
   *
   * @param holder the operation that holds the key
   */
  record KeyHeld(Operation holder) implements Admission {
    /** Validates the parts. */
    public KeyHeld {
      Objects.requireNonNull(holder, "holder");
    }
  }

  /**
   * An active operation on the call stands in the way; nothing was stored.
   *
   * @param active the active operation
   * @param rule the rule it is refused by
   */
  record Conflict(Operation active, Rule rule) implements Admission {
    /** Validates the parts. */
    public Conflict {
      Objects.requireNonNull(active, "active");
      Objects.requireNonNull(rule, "rule");
    }
  }
}
