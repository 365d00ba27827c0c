package dev.handoff.ports.service;

import dev.handoff.domain.HandoffException;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.OperationChangeBus;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.out.SubmitContext;
import java.time.Clock;
import java.util.Objects;
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
  private final OperationChanges changes;
  private final Admissions admissions;

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
    this.changes = changes;
    this.admissions = new Admissions(provider, store, clock, ids);
  }

  Operation submit(CallCommand command, SubmitOptions options) {
    Admissions.Admitted entry =
        admissions.admit(
            command, options, deadlines.timeToOutcome(Objects.requireNonNull(command, "command")));
    if (!entry.admitted()) {
      return entry.operation();
    }
    Operation requested = entry.operation();
    bus.publish(requested);
    return dispatch(requested);
  }

  Operation dispatch(Operation operation) {
    SubmitResult result = send(operation);
    return changes
        .change(operation, current -> current.afterSubmit(result, clock.instant()))
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
