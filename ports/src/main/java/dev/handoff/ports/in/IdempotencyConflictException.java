package dev.handoff.ports.in;

import dev.handoff.domain.HandoffException;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.OperationId;

/** Thrown when an idempotency key that named one command is sent with another. */
public final class IdempotencyConflictException extends HandoffException {
  private static final long serialVersionUID = 1L;

  private final IdempotencyKey key;
  private final OperationId existing;

  /**
   * @param key the key
   * @param existing the operation the key already names
   */
  public IdempotencyConflictException(IdempotencyKey key, OperationId existing) {
    super(
        "Idempotency key '"
            + key.value()
            + "' was already used for operation "
            + existing
            + " with a different command");
    this.key = key;
    this.existing = existing;
  }

  /**
   * @return the key
   */
  public IdempotencyKey key() {
    return key;
  }

  /**
   * @return the operation the key already names
   */
  public OperationId existing() {
    return existing;
  }
}
