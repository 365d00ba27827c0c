package dev.handoff.domain.operation;

import dev.handoff.domain.Violations;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of an operation: 1 to 64 characters of letters, digits and {@code . _ ~ -}, so it is safe
 * in URLs and as a provider correlation string.
 *
 * @param value the id
 */
public record OperationId(String value) {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

  /** Validates the id. */
  public OperationId {
    Violations v = Violations.of("OperationId");
    if (v.required("value", value)) {
      v.check(
          FORM.matcher(value).matches(),
          "value",
          "must be 1 to 64 letters, digits or . _ ~ -",
          value);
    }
    v.throwIfAny();
  }

  /**
   * @param value the id
   * @return the id
   */
  public static OperationId of(String value) {
    return new OperationId(value);
  }

  /**
   * @return a new random id
   */
  public static OperationId random() {
    return new OperationId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
