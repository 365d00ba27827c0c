package dev.handoff.domain.operation;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.failure.Failure;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One step of a warm handoff as its timeline entries add up: one provider action, its status, what
 * it learned and why it failed.
 *
 * @param number the step's number, from 1
 * @param kind what it is for
 * @param action the provider action it sends
 * @param target the target it concerns, from 0
 * @param status where it stands
 * @param facts everything its entries learned (later entries win)
 * @param failure the first failure its entries reported: why it failed, or (for an undo) why the
 *     target was withdrawn (a failure of the undo itself is in the timeline)
 * @param requestedAt when it was recorded, before it was sent: the date of its submission token
 * @param updatedAt when it last changed
 */
public record HandoffStep(
    int number,
    StepKind kind,
    CallAction action,
    OptionalInt target,
    StepStatus status,
    Map<String, String> facts,
    Optional<Failure> failure,
    Instant requestedAt,
    Instant updatedAt) {

  /** Validates the parts and copies the facts. */
  public HandoffStep {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    target = target == null ? OptionalInt.empty() : target;
    failure = failure == null ? Optional.empty() : failure;
    facts =
        facts == null || facts.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  /**
   * @param name a fact's name, e.g. {@link StepEntry#INVITATION_FACT}
   * @return its value, when an entry learned it
   */
  public Optional<String> fact(String name) {
    return Optional.ofNullable(facts.get(name));
  }

  /**
   * @param index a target index
   * @return whether the step concerns that target
   */
  public boolean concerns(int index) {
    return target.isPresent() && target.getAsInt() == index;
  }

  /**
   * @return the entry a change of this step starts from, with this step's identity
   */
  public StepEntry entry() {
    return new StepEntry(number, kind, action, target, status, Map.of());
  }
}
