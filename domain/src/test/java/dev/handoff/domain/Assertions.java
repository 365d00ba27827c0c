package dev.handoff.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helpers for validation failures. */
public final class Assertions {
  private Assertions() {}

  /**
   * Asserts that the construction fails and returns the violations as {@code path rule} strings.
   */
  public static List<String> violationsOf(ThrowingCallable construction) {
    ValidationException[] caught = new ValidationException[1];
    assertThatThrownBy(construction)
        .isInstanceOfSatisfying(ValidationException.class, e -> caught[0] = e);
    return caught[0].violations().stream()
        .map(v -> v.path() + " " + v.rule())
        .collect(Collectors.toList());
  }
}
