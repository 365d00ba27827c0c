package dev.handoff.ports.warm;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.operation.HandoffStep;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.StepKind;
import dev.handoff.domain.operation.StepStatus;
import java.time.Instant;
import java.util.Optional;

/** What a warm handoff's saga does next, as {@link HandoffDecider} decides it. */
sealed interface Next {

  /** Nothing: the handoff is over, or parked until an event. */
  record Idle() implements Next {}

  /**
   * Nothing until an event comes or the time is reached.
   *
   * @param until when to look again
   */
  record Wait(Instant until) implements Next {}

  /**
   * Record a new step and send its action.
   *
   * @param kind what the step is for
   * @param action the action
   * @param target the target index, or -1
   * @param reason why (the reason a target is withdrawn, a cancellation)
   */
  record Start(StepKind kind, CallAction action, int target, Optional<Failure> reason)
      implements Next {}

  /**
   * A step stands recorded but unanswered past the answer timeout: its submission was interrupted.
   *
   * @param step the step
   */
  record Resume(HandoffStep step) implements Next {}

  /**
   * Settle a step without the provider: a withdrawn reach, a step that got no event in time.
   *
   * @param step the step
   * @param status its new status
   * @param failure why
   * @param what what happened, for the timeline
   */
  record Settle(HandoffStep step, StepStatus status, Failure failure, String what)
      implements Next {}

  /**
   * End the handoff.
   *
   * @param state its final state (or UNKNOWN)
   * @param failure why it did not complete
   * @param what what happened, for the timeline
   */
  record Finish(OperationState state, Optional<Failure> failure, String what) implements Next {}
}
