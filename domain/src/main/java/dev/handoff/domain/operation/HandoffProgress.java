package dev.handoff.domain.operation;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.participant.Participant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a warm handoff stands, as its timeline adds up: its steps, the transferee, how each target
 * fared, and whether it was cancelled or the caller's call ended. The timeline is the durable
 * record; this view is computed from it, so it is the same on every instance and after a restart.
 */
public final class HandoffProgress {
  /** The {@code what} of the entry that records a client's cancellation. */
  public static final String CANCEL_REQUESTED = "cancellation requested";

  /**
   * How the {@code what} of the entry that records the end of the caller's call begins (the
   * provider's event type may follow).
   */
  public static final String CALL_ENDED = "the caller's call ended";

  private final Operation operation;
  private final WarmHandoff command;
  private final List<HandoffStep> steps;
  private final Optional<Instant> cancelRequestedAt;
  private final boolean callEnded;

  private HandoffProgress(
      Operation operation,
      List<HandoffStep> steps,
      Optional<Instant> cancelRequestedAt,
      boolean callEnded) {
    this.operation = operation;
    this.command = (WarmHandoff) operation.command();
    this.steps = List.copyOf(steps);
    this.cancelRequestedAt = cancelRequestedAt;
    this.callEnded = callEnded;
  }

  /**
   * @param operation a warm handoff operation
   * @return where it stands
   * @throws IllegalArgumentException when the operation is no warm handoff
   */
  public static HandoffProgress of(Operation operation) {
    if (operation.kind() != OperationKind.WARM_HANDOFF) {
      throw new IllegalArgumentException(operation.id() + " is no warm handoff");
    }
    Map<Integer, HandoffStep> byNumber = new LinkedHashMap<>();
    Optional<Instant> cancel = Optional.empty();
    boolean ended = false;
    for (TimelineEntry entry : operation.timeline()) {
      if (entry.step().isEmpty()) {
        if (entry.source() == TimelineEntry.Source.HANDOFF
            && CANCEL_REQUESTED.equals(entry.what())
            && cancel.isEmpty()) {
          cancel = Optional.of(entry.at());
        } else if (entry.what().startsWith(CALL_ENDED)) {
          ended = true;
        }
        continue;
      }
      StepEntry step = entry.step().get();
      HandoffStep earlier = byNumber.get(step.number());
      if (earlier == null) {
        byNumber.put(
            step.number(),
            new HandoffStep(
                step.number(),
                step.kind(),
                step.action(),
                step.target(),
                step.status(),
                step.facts(),
                entry.failure(),
                entry.at(),
                entry.at()));
      } else {
        Map<String, String> facts = new LinkedHashMap<>(earlier.facts());
        facts.putAll(step.facts());
        byNumber.put(
            step.number(),
            new HandoffStep(
                earlier.number(),
                earlier.kind(),
                earlier.action(),
                earlier.target(),
                step.status(),
                facts,
                earlier.failure().isPresent() ? earlier.failure() : entry.failure(),
                earlier.requestedAt(),
                entry.at()));
      }
    }
    return new HandoffProgress(operation, new ArrayList<>(byNumber.values()), cancel, ended);
  }

  /**
   * @return the operation
   */
  public Operation operation() {
    return operation;
  }

  /**
   * @return the command
   */
  public WarmHandoff command() {
    return command;
  }

  /**
   * @return every step, by number
   */
  public List<HandoffStep> steps() {
    return steps;
  }

  /**
   * @param number a step number
   * @return that step, if it was recorded
   */
  public Optional<HandoffStep> step(int number) {
    return steps.stream().filter(s -> s.number() == number).findFirst();
  }

  /**
   * @return the number the next step gets
   */
  public int nextNumber() {
    return steps.size() + 1;
  }

  /**
   * @return the steps not settled yet, by number
   */
  public List<HandoffStep> active() {
    return steps.stream().filter(s -> !s.status().isSettled()).collect(Collectors.toList());
  }

  /**
   * @param kind a kind of step
   * @return the latest step of that kind
   */
  public Optional<HandoffStep> last(StepKind kind) {
    HandoffStep found = null;
    for (HandoffStep step : steps) {
      if (step.kind() == kind) {
        found = step;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * @param kind a kind of step
   * @param target a target index
   * @return the latest step of that kind for that target
   */
  public Optional<HandoffStep> last(StepKind kind, int target) {
    HandoffStep found = null;
    for (HandoffStep step : steps) {
      if (step.kind() == kind && step.concerns(target)) {
        found = step;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * @param target a target index
   * @return the steps concerning that target, by number
   */
  public List<HandoffStep> stepsFor(int target) {
    return steps.stream().filter(s -> s.concerns(target)).collect(Collectors.toList());
  }

  /**
   * @return the transferee: the command's, else the one a {@link CallAction#FIND_TRANSFEREE} step
   *     found
   */
  public Optional<Transferee> transferee() {
    if (command.transferee().isPresent()) {
      return command.transferee();
    }
    return steps.stream()
        .filter(s -> s.action() == CallAction.FIND_TRANSFEREE)
        .filter(s -> s.status() == StepStatus.SUCCEEDED)
        .flatMap(s -> s.fact(StepEntry.PARTICIPANT_FACT).stream().map(raw -> found(s, raw)))
        .findFirst();
  }

  private static Transferee found(HandoffStep step, String rawId) {
    Participant participant = Participant.fromRawId(rawId);
    return new Transferee(participant, step.fact(StepEntry.PARTICIPANT_ID_FACT));
  }

  /**
   * @return whether the client asked to cancel the handoff
   */
  public boolean cancelRequested() {
    return cancelRequestedAt.isPresent();
  }

  /**
   * @return when the client asked to cancel, if it did
   */
  public Optional<Instant> cancelRequestedAt() {
    return cancelRequestedAt;
  }

  /**
   * @return whether the caller's call ended while the handoff ran
   */
  public boolean callEnded() {
    return callEnded;
  }

  /**
   * @return how each target fared, in the command's order
   */
  public List<TargetOutcome> targets() {
    List<TargetOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < command.targets().size(); i++) {
      outcomes.add(outcome(i));
    }
    return outcomes;
  }

  /**
   * How one target fared: CONNECTED once a connect step for it succeeded; FAILED when reaching it
   * failed, when it was withdrawn (the undo says why) or when connecting it failed; TRYING while it
   * has steps; NOT_TRIED before.
   *
   * @param index a target index
   * @return how it fared
   */
  public TargetOutcome outcome(int index) {
    List<HandoffStep> mine = stepsFor(index);
    var target = command.targets().get(index);
    if (mine.isEmpty()) {
      return new TargetOutcome(index, target, TargetOutcome.Result.NOT_TRIED, Optional.empty());
    }
    boolean connected =
        mine.stream()
            .anyMatch(s -> s.kind() == StepKind.CONNECT && s.status() == StepStatus.SUCCEEDED);
    if (connected) {
      return new TargetOutcome(index, target, TargetOutcome.Result.CONNECTED, Optional.empty());
    }
    Optional<Failure> why =
        failureOf(mine, StepKind.REACH)
            .or(() -> withdrawal(mine))
            .or(() -> failureOf(mine, StepKind.CONNECT));
    if (why.isPresent()) {
      return new TargetOutcome(index, target, TargetOutcome.Result.FAILED, why);
    }
    return new TargetOutcome(index, target, TargetOutcome.Result.TRYING, Optional.empty());
  }

  private static Optional<Failure> failureOf(List<HandoffStep> steps, StepKind kind) {
    return steps.stream()
        .filter(s -> s.kind() == kind)
        .filter(s -> s.status() == StepStatus.FAILED || s.status() == StepStatus.UNKNOWN)
        .flatMap(s -> s.failure().stream())
        .findFirst();
  }

  private static Optional<Failure> withdrawal(List<HandoffStep> steps) {
    return steps.stream()
        .filter(s -> s.kind() == StepKind.UNDO)
        .flatMap(s -> s.failure().stream())
        .findFirst();
  }
}
