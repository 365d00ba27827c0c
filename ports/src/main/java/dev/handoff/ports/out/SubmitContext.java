package dev.handoff.ports.out;

import dev.handoff.domain.Violations;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.SubmissionToken;
import java.time.Clock;
import java.util.Objects;

/**
 * What a provider needs besides the command to submit it.
 *
 * @param operationId the operation's id
 * @param correlation the string to send where the provider echoes one in its events (ACS
 *     operationContext, Graph clientContext): the command's operation context if it has one, else
 *     the operation id
 * @param submission the token to send, unchanged, with every attempt (ACS repeatability headers)
 */
public record SubmitContext(
    OperationId operationId, String correlation, SubmissionToken submission) {

  /** Validates the parts. */
  public SubmitContext {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(submission, "submission");
    Violations v = Violations.of("SubmitContext");
    // How long a correlation a provider echoes is its limit, checked with its capabilities.
    v.text("correlation", correlation, Integer.MAX_VALUE);
    v.throwIfAny();
  }

  /**
   * A context for using an adapter directly, without the application service: a new operation id,
   * the command's operation context (or that id) as correlation, a new token.
   *
   * @param command the command
   * @param clock the clock
   * @return the context
   */
  public static SubmitContext standalone(CallCommand command, Clock clock) {
    OperationId id = OperationId.random();
    return new SubmitContext(
        id, command.operationContext().orElse(id.value()), SubmissionToken.create(clock.instant()));
  }
}
