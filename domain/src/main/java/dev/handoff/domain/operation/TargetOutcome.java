package dev.handoff.domain.operation;

import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.failure.Failure;
import java.util.Objects;
import java.util.Optional;

/**
 * How one target of a warm handoff fared.
 *
 * @param index the target's place in the command's list, from 0
 * @param target the target
 * @param result what happened
 * @param failure why it was not connected (busy, no answer, declined, cancelled, ...)
 */
public record TargetOutcome(
    int index, HandoffTarget target, Result result, Optional<Failure> failure) {

  /** What happened to a target. */
  public enum Result {
    /** Not tried (yet). */
    NOT_TRIED,
    /** Being reached, briefed or connected. */
    TRYING,
    /** The caller was put through to this target. */
    CONNECTED,
    /** Not connected; the failure says why. */
    FAILED
  }

  /** Validates the parts. */
  public TargetOutcome {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(result, "result");
    failure = failure == null ? Optional.empty() : failure;
  }
}
