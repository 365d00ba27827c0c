package dev.handoff.ports.in;

import dev.handoff.domain.operation.IdempotencyKey;
import java.util.Optional;

/**
 * Options for submitting a command.
 *
 * @param idempotencyKey the client's key: the same key with the same command returns the same
 *     operation and asks the provider once; with another command it is refused
 */
public record SubmitOptions(Optional<IdempotencyKey> idempotencyKey) {
  private static final SubmitOptions NONE = new SubmitOptions(Optional.empty());

  /** Normalises an absent key. */
  public SubmitOptions {
    idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey;
  }

  /**
   * @return options without an idempotency key
   */
  public static SubmitOptions none() {
    return NONE;
  }

  /**
   * @param key the idempotency key
   * @return options with that key
   */
  public static SubmitOptions idempotent(IdempotencyKey key) {
    return new SubmitOptions(Optional.of(key));
  }
}
