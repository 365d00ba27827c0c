package dev.handoff.domain.operation;

import dev.handoff.domain.Violations;

/**
 * A client's key for a request it may send more than once: the same key with the same command
 * yields the same operation, and the provider is asked once.
 *
 * @param value 1 to 255 visible ASCII characters
 */
public record IdempotencyKey(String value) {
  /** Longest key. */
  public static final int MAX_LENGTH = 255;

  /** Validates the key. */
  public IdempotencyKey {
    Violations v = Violations.of("IdempotencyKey");
    if (v.required("value", value)) {
      v.check(
          !value.isEmpty()
              && value.length() <= MAX_LENGTH
              && value.chars().allMatch(c -> c > 0x20 && c < 0x7f),
          "value",
          "must be 1 to " + MAX_LENGTH + " visible ASCII characters",
          value);
    }
    v.throwIfAny();
  }

  /**
   * @param value the key
   * @return the key
   */
  public static IdempotencyKey of(String value) {
    return new IdempotencyKey(value);
  }
}
