package dev.handoff.app.api;

import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violations;
import dev.handoff.domain.provider.ProviderId;
import java.util.Arrays;
import java.util.Locale;

/** Reads filter values from query parameters, recording what is wrong under the parameter. */
final class QueryValues {
  private QueryValues() {}

  /**
   * @param v where violations go
   * @param name the parameter
   * @param value its value, or null when absent
   * @param type the enum
   * @param <E> the enum
   * @return the constant (case-insensitive, '-' for '_'), or null when absent or unknown
   */
  static <E extends Enum<E>> E enumValue(Violations v, String name, String value, Class<E> type) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException unknown) {
      v.check(false, name, "must be one of " + Arrays.toString(type.getEnumConstants()), value);
      return null;
    }
  }

  /**
   * @param v where violations go
   * @param name the parameter
   * @param value its value, or null when absent
   * @return the provider, or null when absent or malformed
   */
  static ProviderId provider(Violations v, String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return ProviderId.of(value);
    } catch (ValidationException invalid) {
      invalid
          .violations()
          .forEach(broken -> v.add(name, broken.rule(), broken.shownValue().orElse(null)));
      return null;
    }
  }
}
