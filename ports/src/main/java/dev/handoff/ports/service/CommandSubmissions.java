package dev.handoff.ports.service;

import dev.handoff.domain.HandoffException;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.out.Admission;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.OperationChangeBus;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.out.SubmitContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Submits a command: capability check (nothing is sent for a command the provider cannot carry) →
 * the store's atomic admission (an idempotency key returns its operation; a conflicting active
 * operation is refused with {@link OperationConflictException}) → the operation stored as REQUESTED
 * with a submission token fixed for its whole life → the provider called → SUBMITTED, COMPLETED,
 * FAILED or UNKNOWN by its answer.
 */
final class CommandSubmissions {
  private static final Logger LOG = Logger.getLogger(CommandSubmissions.class.getName());

  private final CallControl provider;
  private final OperationStore store;
  private final OperationChangeBus bus;
  private final Clock clock;
  private final DeadlinePolicy deadlines;
  private final Supplier<OperationId> ids;
  private final OperationChanges changes;

  CommandSubmissions(
      CallControl provider,
      OperationStore store,
      OperationChangeBus bus,
      Clock clock,
      DeadlinePolicy deadlines,
      Supplier<OperationId> ids,
      OperationChanges changes) {
    this.provider = provider;
    this.store = store;
    this.bus = bus;
    this.clock = clock;
    this.deadlines = deadlines;
    this.ids = ids;
    this.changes = changes;
  }

  Operation submit(CallCommand command, SubmitOptions options) {
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
        return Admissions.replay(store, key.get(), earlier.get(), command);
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
            deadlines.timeToOutcome(command));
    Admission admission = store.admit(requested);
    if (admission instanceof Admission.KeyHeld) {
      return Admissions.replay(
          store, key.orElseThrow(), ((Admission.KeyHeld) admission).holder(), command);
    }
    if (admission instanceof Admission.Conflict) {
      throw Admissions.conflict(requested, (Admission.Conflict) admission);
    }
    bus.publish(requested);
    return dispatch(requested);
  }

  Operation dispatch(Operation operation) {
    SubmitResult result = send(operation);
    return changes
        .change(operation.id(), current -> current.afterSubmit(result, clock.instant()))
        .operation();
  }

  private SubmitResult send(Operation operation) {
    SubmitContext context =
        new SubmitContext(operation.id(), operation.correlation(), operation.submission());
    try {
      return Objects.requireNonNull(
          provider.submit(operation.command(), context), "the provider answered null");
    } catch (HandoffException refused) {
      return new SubmitResult.Rejected(
          Failure.of(FailureReason.INVALID_REQUEST, refused.getMessage()));
    } catch (RuntimeException failure) {
      LOG.log(Level.WARNING, "Provider adapter failed on operation " + operation.id(), failure);
      return new SubmitResult.Indeterminate(
          Failure.of(
              FailureReason.UNKNOWN,
              "the provider adapter failed unexpectedly, so it is not known whether the request"
                  + " was sent: "
                  + failure));
    }
  }
}
