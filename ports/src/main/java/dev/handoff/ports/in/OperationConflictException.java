package dev.handoff.ports.in;

import dev.handoff.domain.HandoffException;
import dev.handoff.domain.operation.OperationId;

/**
 * Thrown when a command conflicts with an operation under way on the same call: a second transfer
 * or redirect of the call, or an operation context already in use there.
 */
public final class OperationConflictException extends HandoffException {
  private static final long serialVersionUID = 1L;

  private final OperationId conflicting;

  /**
   * @param message what conflicts
   * @param conflicting the operation under way
   */
  public OperationConflictException(String message, OperationId conflicting) {
    super(message);
    this.conflicting = conflicting;
  }

  /**
   * @return the operation under way
   */
  public OperationId conflicting() {
    return conflicting;
  }
}
