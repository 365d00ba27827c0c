package dev.handoff.ports.in;

import dev.handoff.domain.HandoffException;
import dev.handoff.domain.operation.OperationId;

/** Thrown when an operation does not exist (or no longer: old final operations are evicted). */
public final class OperationNotFoundException extends HandoffException {
  private static final long serialVersionUID = 1L;

  private final OperationId id;

  /**
   * @param id the operation's id
   */
  public OperationNotFoundException(OperationId id) {
    super("No operation " + id);
    this.id = id;
  }

  /**
   * @return the operation's id
   */
  public OperationId id() {
    return id;
  }
}
