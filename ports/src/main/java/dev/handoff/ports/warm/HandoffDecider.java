package dev.handoff.ports.warm;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.Fallback;
import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.HandoffProgress;
import dev.handoff.domain.operation.HandoffStep;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.StepKind;
import dev.handoff.domain.operation.StepStatus;
import dev.handoff.domain.operation.TargetOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides a warm handoff's next move from where it stands. A pure function of the progress (as the
 * timeline adds up) and the time: the same timeline gives the same decision on every instance and
 * after a restart, which is what makes the saga resumable.
 *
 * <p>The order of the rules is the order of the guarantees. First, steps in flight are left to
 * finish (or, past the answer timeout, treated as interrupted). Then overdue waits act: a target
 * that rang too long is withdrawn. Then, with nothing in flight: every agent who answered but will
 * not be connected is sent away; a cancelled handoff or one whose caller hung up ends with the
 * caller back with the bot; the current agent is briefed and connected; or the next target is
 * tried; or, with none left, the fallback applies. The caller is put on hold only after they are
 * found, and taken off hold (by the connect or the fallback) before the saga ends, so they are
 * never left on hold.
 *
 * <p>Long because it is the whole decision table of a warm handoff (one method per situation of the
 * plan); it only decides, the saga acts.
 */
final class HandoffDecider {
  private static final Next IDLE = new Next.Idle();

  private final HandoffPlan plan;
  private final SagaPolicy policy;

  HandoffDecider(HandoffPlan plan, SagaPolicy policy) {
    this.plan = plan;
    this.policy = policy;
  }

  HandoffPlan plan() {
    return plan;
  }

  Next decide(HandoffProgress p, Instant now) {
    OperationState state = p.operation().state();
    if (state.isFinal()) {
      return IDLE;
    }
    Next inFlight = inFlight(p, now);
    if (inFlight != null) {
      return inFlight;
    }
    return settled(p);
  }

  // ------------------------------------------------------------ steps in flight

  private Next inFlight(HandoffProgress p, Instant now) {
    List<HandoffStep> active = p.active();
    if (active.isEmpty()) {
      return null;
    }
    Instant wake = null;
    for (HandoffStep step : active) {
      if (step.status() == StepStatus.REQUESTED) {
        Instant due = step.updatedAt().plus(policy.answerTimeout());
        if (!now.isBefore(due)) {
          return new Next.Resume(step);
        }
        wake = earliest(wake, due);
      }
    }
    if (wake != null) {
      return new Next.Wait(wake);
    }
    for (HandoffStep step : active) {
      if (step.kind() != StepKind.REACH) {
        continue;
      }
      Optional<HandoffStep> undo = undoAfter(p, step);
      if (undo.isPresent() && undo.get().status().isSettled()) {
        return new Next.Settle(
            step,
            StepStatus.FAILED,
            undo.get()
                .failure()
                .orElse(Failure.of(FailureReason.CANCELLED, "the invitation was withdrawn")),
            "withdrawn");
      }
    }
    for (HandoffStep step : active) {
      if (step.kind() == StepKind.REACH) {
        int target = step.target().getAsInt();
        if (undoAfter(p, step).isPresent()) {
          continue;
        }
        if (p.cancelRequested()) {
          return withdraw(step, cancelled());
        }
        if (p.callEnded()) {
          return plan == HandoffPlan.IN_CALL
              ? new Next.Settle(step, StepStatus.FAILED, callerGone(), "the caller's call ended")
              : withdraw(step, callerGone());
        }
        HandoffTarget handoffTarget = p.command().targets().get(target);
        Instant due =
            step.requestedAt()
                .plus(handoffTarget.ringTimeout())
                .plus(plan.providerRings() ? policy.ringGrace() : java.time.Duration.ZERO);
        if (!now.isBefore(due)) {
          return withdraw(
              step,
              Failure.of(
                  FailureReason.NO_ANSWER,
                  "no answer within "
                      + handoffTarget.ringTimeout().getSeconds()
                      + " s; the invitation was withdrawn"));
        }
        wake = earliest(wake, due);
      } else {
        Instant due = step.updatedAt().plus(policy.eventGrace());
        if (!now.isBefore(due)) {
          if (step.kind() == StepKind.CONNECT && step.action() == CallAction.TRANSFER) {
            return p.operation().state() == OperationState.UNKNOWN
                ? IDLE
                : new Next.Finish(
                    OperationState.UNKNOWN,
                    Optional.of(
                        Failure.of(
                            FailureReason.TIMEOUT,
                            "the provider did not say within "
                                + policy.eventGrace().getSeconds()
                                + " s whether the caller was transferred")),
                    "no word on the transfer");
          }
          return new Next.Settle(
              step,
              StepStatus.UNKNOWN,
              Failure.of(
                  FailureReason.TIMEOUT,
                  "no word from the provider within " + policy.eventGrace().getSeconds() + " s"),
              "no word from the provider");
        }
        wake = earliest(wake, due);
      }
    }
    return wake == null ? IDLE : new Next.Wait(wake);
  }

  private Next withdraw(HandoffStep reach, Failure why) {
    boolean known =
        reach
            .fact(
                plan == HandoffPlan.IN_CALL
                    ? dev.handoff.domain.operation.StepEntry.INVITATION_FACT
                    : dev.handoff.domain.operation.StepEntry.CALL_FACT)
            .isPresent();
    if (!known) {
      // Nothing names the invitation or call to withdraw: the reach is given up as it stands.
      return new Next.Settle(reach, StepStatus.FAILED, why, "given up");
    }
    return new Next.Start(
        StepKind.UNDO, plan.withdraw(), reach.target().getAsInt(), Optional.of(why));
  }

  // ------------------------------------------------------------ nothing in flight

  private Next settled(HandoffProgress p) {
    WarmHandoff command = p.command();
    if (p.transferee().isEmpty()) {
      Optional<HandoffStep> find = lastAction(p, StepKind.HOLD, CallAction.FIND_TRANSFEREE);
      if (find.isEmpty()) {
        Next early = endedBeforeHold(p);
        return early != null
            ? early
            : new Next.Start(StepKind.HOLD, CallAction.FIND_TRANSFEREE, -1, Optional.empty());
      }
      return new Next.Finish(
          OperationState.FAILED,
          Optional.of(
              find.get()
                  .failure()
                  .orElse(
                      Failure.of(
                          FailureReason.UNKNOWN, "the transferee could not be found in the call"))),
          "no transferee; the caller stays with the bot");
    }
    Optional<HandoffStep> hold = lastAction(p, StepKind.HOLD, CallAction.HOLD);
    if (hold.isEmpty()) {
      Next early = endedBeforeHold(p);
      return early != null
          ? early
          : new Next.Start(StepKind.HOLD, CallAction.HOLD, -1, Optional.empty());
    }
    if (hold.get().status() == StepStatus.FAILED) {
      return new Next.Finish(
          OperationState.FAILED,
          hold.get().failure(),
          "the caller could not be put on hold; they stay with the bot");
    }
    int current = currentTarget(p);
    boolean connectFailed = false;
    if (current >= 0) {
      List<HandoffStep> connects = steps(p, StepKind.CONNECT, current);
      if (!connects.isEmpty()) {
        Next connecting = connecting(p, current, connects);
        if (connecting != null) {
          return connecting;
        }
        connectFailed = true;
      }
    }
    boolean ending = p.cancelRequested() || p.callEnded();
    for (int k = 0; k <= current; k++) {
      boolean keep = k == current && !connectFailed && !ending;
      if (!keep && legUp(p, k)) {
        return new Next.Start(StepKind.UNDO, plan.dismiss(), k, Optional.of(dismissal(p, k)));
      }
    }
    if (p.callEnded()) {
      return new Next.Finish(
          OperationState.FAILED, Optional.of(callerGone()), "the caller's call ended");
    }
    if (p.cancelRequested()) {
      return backToBot(p, hold.get());
    }
    if (current >= 0 && !connectFailed && legUp(p, current)) {
      if (command.briefing().prompt().isPresent() && p.last(StepKind.BRIEF, current).isEmpty()) {
        return new Next.Start(StepKind.BRIEF, CallAction.PLAY, current, Optional.empty());
      }
      return new Next.Start(StepKind.CONNECT, plan.connect(), current, Optional.empty());
    }
    if (current + 1 < command.targets().size()) {
      return new Next.Start(StepKind.REACH, plan.reach(), current + 1, Optional.empty());
    }
    return fallback(p);
  }

  private Next endedBeforeHold(HandoffProgress p) {
    if (p.cancelRequested()) {
      return new Next.Finish(
          OperationState.CANCELLED, Optional.of(cancelled()), "cancelled before the hold");
    }
    if (p.callEnded()) {
      return new Next.Finish(
          OperationState.FAILED, Optional.of(callerGone()), "the caller's call ended");
    }
    return null;
  }

  /** The connect steps of the current target: the next of them, the end, or null if it failed. */
  private Next connecting(HandoffProgress p, int target, List<HandoffStep> connects) {
    String who = p.command().targets().get(target).participant().rawId();
    if (plan == HandoffPlan.IN_CALL) {
      HandoffStep resume = connects.get(0);
      if (resume.status() != StepStatus.SUCCEEDED) {
        return null;
      }
      Optional<HandoffStep> leave =
          connects.stream().filter(s -> s.action() == CallAction.HANG_UP).findFirst();
      if (leave.isEmpty()) {
        return new Next.Start(StepKind.CONNECT, CallAction.HANG_UP, target, Optional.empty());
      }
      return new Next.Finish(
          OperationState.COMPLETED,
          Optional.empty(),
          leave.get().status() == StepStatus.SUCCEEDED
              ? "the caller is with " + who + "; the bot left"
              : "the caller is with " + who + "; the bot could not leave the call");
    }
    HandoffStep transfer = connects.get(connects.size() - 1);
    if (transfer.status() == StepStatus.SUCCEEDED) {
      return new Next.Finish(
          OperationState.COMPLETED, Optional.empty(), "the caller is with " + who);
    }
    return null;
  }

  private Next backToBot(HandoffProgress p, HandoffStep hold) {
    Optional<HandoffStep> resume = lastAction(p, StepKind.FALLBACK, CallAction.RESUME);
    if (resume.isEmpty()) {
      return new Next.Start(StepKind.FALLBACK, CallAction.RESUME, -1, Optional.of(cancelled()));
    }
    return new Next.Finish(
        OperationState.CANCELLED,
        Optional.of(cancelled()),
        resume.get().status() == StepStatus.SUCCEEDED
            ? "cancelled; the caller is back with the bot"
            : "cancelled; taking the caller off hold failed");
  }

  private Next fallback(HandoffProgress p) {
    Failure exhausted = exhausted(p);
    Optional<HandoffStep> resume = lastAction(p, StepKind.FALLBACK, CallAction.RESUME);
    if (resume.isEmpty()) {
      return new Next.Start(StepKind.FALLBACK, CallAction.RESUME, -1, Optional.of(exhausted));
    }
    Fallback fallback = p.command().fallback();
    if (fallback instanceof Fallback.LastTarget && resume.get().status() != StepStatus.FAILED) {
      Optional<HandoffStep> transfer = lastAction(p, StepKind.FALLBACK, CallAction.TRANSFER);
      if (transfer.isEmpty()) {
        return new Next.Start(StepKind.FALLBACK, CallAction.TRANSFER, -1, Optional.of(exhausted));
      }
      String where = ((Fallback.LastTarget) fallback).participant().rawId();
      return new Next.Finish(
          OperationState.FAILED,
          Optional.of(exhausted),
          transfer.get().status() == StepStatus.SUCCEEDED
              ? "no target answered; the caller went on to " + where
              : "no target answered and the transfer to "
                  + where
                  + " failed; the caller is"
                  + " with the bot");
    }
    return new Next.Finish(
        OperationState.FAILED,
        Optional.of(exhausted),
        resume.get().status() == StepStatus.FAILED
            ? "no target answered; taking the caller off hold failed"
            : "no target answered; the caller is back with the bot");
  }

  // ------------------------------------------------------------ facts

  /** Whether target k's agent answered and has not been sent away (nor left). */
  private boolean legUp(HandoffProgress p, int k) {
    Optional<HandoffStep> reach = p.last(StepKind.REACH, k);
    if (reach.isEmpty() || reach.get().status() != StepStatus.SUCCEEDED) {
      return false;
    }
    return steps(p, StepKind.UNDO, k).stream().noneMatch(s -> s.action() == plan.dismiss());
  }

  private Failure dismissal(HandoffProgress p, int k) {
    if (p.cancelRequested()) {
      return cancelled();
    }
    if (p.callEnded()) {
      return callerGone();
    }
    Optional<Failure> earlier =
        steps(p, StepKind.CONNECT, k).stream()
            .flatMap(s -> s.failure().stream())
            .findFirst()
            .or(
                () ->
                    steps(p, StepKind.UNDO, k).stream()
                        .flatMap(s -> s.failure().stream())
                        .findFirst())
            .or(() -> p.last(StepKind.REACH, k).flatMap(HandoffStep::failure));
    return earlier.orElse(
        Failure.of(FailureReason.NO_ANSWER, "answered after the handoff had moved on"));
  }

  private static Optional<HandoffStep> undoAfter(HandoffProgress p, HandoffStep reach) {
    int target = reach.target().getAsInt();
    return steps(p, StepKind.UNDO, target).stream()
        .filter(s -> s.number() > reach.number())
        .reduce((a, b) -> b);
  }

  private static int currentTarget(HandoffProgress p) {
    int current = -1;
    for (HandoffStep step : p.steps()) {
      if (step.kind() == StepKind.REACH) {
        current = Math.max(current, step.target().getAsInt());
      }
    }
    return current;
  }

  private static List<HandoffStep> steps(HandoffProgress p, StepKind kind, int target) {
    return p.stepsFor(target).stream().filter(s -> s.kind() == kind).collect(Collectors.toList());
  }

  private static Optional<HandoffStep> lastAction(
      HandoffProgress p, StepKind kind, CallAction action) {
    HandoffStep found = null;
    for (HandoffStep step : p.steps()) {
      if (step.kind() == kind && step.action() == action) {
        found = step;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Why no target was put through: each target's reason, the last one's as the reason. */
  static Failure exhausted(HandoffProgress p) {
    List<String> parts = new ArrayList<>();
    FailureReason reason = FailureReason.UNKNOWN;
    boolean retryable = false;
    for (TargetOutcome outcome : p.targets()) {
      String who = outcome.target().participant().rawId();
      if (outcome.failure().isPresent()) {
        Failure failure = outcome.failure().get();
        reason = failure.reason();
        retryable |= failure.retryable();
        parts.add(
            "target "
                + (outcome.index() + 1)
                + " ("
                + who
                + "): "
                + failure.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + " — "
                + failure.message());
      } else {
        parts.add(
            "target "
                + (outcome.index() + 1)
                + " ("
                + who
                + "): "
                + outcome.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      }
    }
    return new Failure(
        reason,
        retryable,
        "no target was put through: " + String.join("; ", parts),
        dev.handoff.domain.failure.ProviderEvidence.NONE);
  }

  static Failure cancelled() {
    return Failure.of(FailureReason.CANCELLED, "the handoff was cancelled by the client");
  }

  static Failure callerGone() {
    return Failure.of(FailureReason.NOT_FOUND, "the caller's call ended before the handoff did");
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
