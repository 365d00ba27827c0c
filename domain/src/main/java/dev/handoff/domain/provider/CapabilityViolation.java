package dev.handoff.domain.provider;

import java.util.Objects;

/**
 * One thing a command asks for that the provider cannot carry.
 *
 * @param path where in the command, e.g. {@code callingContext.sipHeaders}
 * @param problem what the provider lacks, for people
 */
public record CapabilityViolation(String path, String problem) {
  /** Validates the parts. */
  public CapabilityViolation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(problem, "problem");
  }

  @Override
  public String toString() {
    return path + ": " + problem;
  }
}
