package dev.handoff.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One broken rule: where, which rule, and what was found there.
 *
 * @param path the field path from the validated object, e.g. {@code target.value} or {@code
 *     callingContext.sipHeaders[X-MS-Custom-caseId]}
 * @param rule the rule, phrased so that {@code path + " " + rule} reads as a sentence
 * @param shownValue the offending value as it may be shown (long values shortened, secrets masked)
 */
public record Violation(String path, String rule, Optional<String> shownValue) {

  /** Validates the parts. */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    shownValue = shownValue == null ? Optional.empty() : shownValue;
  }

  /**
   * Returns this violation with its path placed under a parent path.
   *
   * @param parent the parent path, e.g. {@code target}
   * @return the violation with path {@code parent.path}
   */
  public Violation under(String parent) {
    if (parent.isEmpty()) {
      return this;
    }
    String joined =
        path.isEmpty() ? parent : path.startsWith("[") ? parent + path : parent + "." + path;
    return new Violation(joined, rule, shownValue);
  }

  @Override
  public String toString() {
    return path + " " + rule + shownValue.map(v -> " (was " + v + ")").orElse("");
  }
}
