package dev.handoff.domain.operation;

import dev.handoff.domain.action.CallAction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What one timeline entry says about one step of a warm handoff.
 *
 * @param number the step's number within the operation, from 1; the entries of one step share it
 * @param kind what the step is for
 * @param action the provider action it sends
 * @param target the index of the target it concerns (reach, brief, connect, undo), from 0
 * @param status the step's status after this entry
 * @param facts what the entry learned, by {@code *_FACT} name: an invitation id, a consultation
 *     call's id, a participant
 */
public record StepEntry(
    int number,
    StepKind kind,
    CallAction action,
    OptionalInt target,
    StepStatus status,
    Map<String, String> facts) {

  /** Fact: the provider's invitation id. */
  public static final String INVITATION_FACT = "invitationId";

  /** Fact: the id of the call a step placed. */
  public static final String CALL_FACT = "callId";

  /** Fact: a participant's raw id (the transferee found, the agent who joined). */
  public static final String PARTICIPANT_FACT = "participant";

  /** Fact: a participant's id in the call, where the provider has one. */
  public static final String PARTICIPANT_ID_FACT = "participantId";

  /** Validates the parts and copies the facts, in order, unmodifiable. */
  public StepEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    target = target == null ? OptionalInt.empty() : target;
    facts =
        facts == null || facts.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    if (number < 1) {
      throw new IllegalArgumentException("step numbers start at 1");
    }
    if (target.isPresent() && target.getAsInt() < 0) {
      throw new IllegalArgumentException("target indexes start at 0");
    }
  }

  /**
   * @param number the step's number
   * @param kind what it is for
   * @param action the action it sends
   * @param target the target index, or -1 for none
   * @return the step's first entry, REQUESTED, without facts
   */
  public static StepEntry requested(int number, StepKind kind, CallAction action, int target) {
    return new StepEntry(
        number,
        kind,
        action,
        target < 0 ? OptionalInt.empty() : OptionalInt.of(target),
        StepStatus.REQUESTED,
        Map.of());
  }

  /**
   * @param next the status after the entry
   * @return this step's entry with that status and no facts
   */
  public StepEntry with(StepStatus next) {
    return new StepEntry(number, kind, action, target, next, Map.of());
  }

  /**
   * @param next the status after the entry
   * @param learned what the entry learned
   * @return this step's entry with that status and those facts
   */
  public StepEntry with(StepStatus next, Map<String, String> learned) {
    return new StepEntry(number, kind, action, target, next, learned);
  }
}
