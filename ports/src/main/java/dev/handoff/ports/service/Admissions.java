package dev.handoff.ports.service;

import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.in.IdempotencyConflictException;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.out.Admission;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.OperationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A submission's way into the store, the same for every kind of command (the application service's
 * and the warm-handoff saga's): the provider's capabilities checked (nothing is stored or sent for
 * a command it cannot carry), an idempotency key already used answered with its operation, then the
 * store's atomic admission, whose refusal names the operation in the way.
 */
public final class Admissions {
  /**
   * The result of an admission.
   *
   * @param operation the operation to go on with: the new one, or the earlier one that holds the
   *     idempotency key
   * @param admitted whether it is new (stored as REQUESTED, not yet published or sent)
   */
  public record Admitted(Operation operation, boolean admitted) {}

  private final CallControl provider;
  private final OperationStore store;
  private final Clock clock;
  private final Supplier<OperationId> ids;

  /**
   * @param provider the provider the command goes to
   * @param store where operations are admitted
   * @param clock the clock
   * @param ids new operation ids
   */
  public Admissions(
      CallControl provider, OperationStore store, Clock clock, Supplier<OperationId> ids) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /**
   * @param command the command
   * @param options the submission's options
   * @param timeToOutcome the new operation's first deadline, from now
   * @return the admitted operation, or the earlier one for the same idempotency key
   * @throws UnsupportedByProviderException when the provider cannot carry the command
   * @throws IdempotencyConflictException when the key was used for another command
   * @throws OperationConflictException when an active operation is in the way
   */
  public Admitted admit(CallCommand command, SubmitOptions options, Duration timeToOutcome) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(options, "options");
    ProviderCapabilities capabilities = provider.capabilities();
    List<CapabilityViolation> unsupported = provider.check(command);
    if (!unsupported.isEmpty()) {
      throw new UnsupportedByProviderException(capabilities.provider(), unsupported);
    }
    Optional<IdempotencyKey> key = options.idempotencyKey();
    if (key.isPresent()) {
      Optional<Operation> earlier = store.findByIdempotencyKey(key.get());
      if (earlier.isPresent()) {
        return new Admitted(replay(store, key.get(), earlier.get(), command), false);
      }
    }
    Instant now = clock.instant();
    Operation requested =
        Operation.request(
            ids.get(),
            capabilities.provider(),
            command,
            key,
            SubmissionToken.create(now),
            now,
            timeToOutcome);
    // The store decides atomically, on any number of instances.
    Admission admission = store.admit(requested);
    if (admission instanceof Admission.KeyHeld held) {
      return new Admitted(replay(store, key.orElseThrow(), held.holder(), command), false);
    }
    if (admission instanceof Admission.Conflict conflict) {
      throw conflict(requested, conflict);
    }
    return new Admitted(requested, true);
  }

  /**
   * @param store the store
   * @param key the idempotency key the submission carries
   * @param earlier the operation that holds the key
   * @param command the command submitted again
   * @return the earlier operation as it stands now
   * @throws IdempotencyConflictException when the key was used for another command
   */
  private static Operation replay(
      OperationStore store, IdempotencyKey key, Operation earlier, CallCommand command) {
    if (!earlier.command().equals(command)) {
      throw new IdempotencyConflictException(key, earlier.id());
    }
    return store.find(earlier.id()).orElse(earlier);
  }

  /**
   * @param refused the operation the store did not admit
   * @param conflict the active operation in its way, and the rule
   * @return the refusal, naming the operation in the way
   */
  private static OperationConflictException conflict(
      Operation refused, Admission.Conflict conflict) {
    Operation active = conflict.active();
    if (conflict.rule() == Admission.Rule.ONE_AT_A_TIME) {
      return new OperationConflictException(
          "Call "
              + refused.callId()
              + " already has "
              + active.kind()
              + " "
              + active.id()
              + " under way",
          active.id());
    }
    return new OperationConflictException(
        "Operation context '"
            + active.correlation()
            + "' is already in use by operation "
            + active.id()
            + " on call "
            + refused.callId(),
        active.id());
  }
}
