package dev.handoff.domain.provider;

import dev.handoff.domain.Violations;
import java.util.regex.Pattern;

/**
 * The name of a provider, e.g. {@code acs} or {@code graph}: lower-case letters, digits and
 * hyphens.
 *
 * @param value the name
 */
public record ProviderId(String value) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  /** Validates the name. */
  public ProviderId {
    Violations v = Violations.of("ProviderId");
    if (v.required("value", value)) {
      v.check(
          NAME.matcher(value).matches(),
          "value",
          "must be 1 to 32 lower-case letters, digits or hyphens, starting with a letter",
          value);
    }
    v.throwIfAny();
  }

  /**
   * @param value the name
   * @return the id
   */
  public static ProviderId of(String value) {
    return new ProviderId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
