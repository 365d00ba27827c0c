package dev.handoff.ports.warm;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.HandoffProgress;
import dev.handoff.domain.operation.HandoffStep;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.StepEntry;
import dev.handoff.domain.operation.StepKind;
import dev.handoff.domain.operation.StepStatus;
import dev.handoff.domain.operation.TimelineEntry;
import dev.handoff.ports.out.OperationStore;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the warm handoff (and step) a provider event concerns — by the step correlation it echoes,
 * else by the caller's call, else by a consultation call a step placed — and says how it is
 * recorded there ({@link Match#entry}).
 *
 * <p>Long because an event can reach a handoff three ways (step correlation, caller's call,
 * consultation call), each with its recording rules.
 */
final class HandoffEvents {
  /** The states in which a handoff still takes its consultation calls' events. */
  private static final Set<OperationState> UNFINISHED =
      EnumSet.of(
          OperationState.REQUESTED,
          OperationState.SUBMITTED,
          OperationState.IN_PROGRESS,
          OperationState.ACCEPTED,
          OperationState.UNKNOWN);

  private final OperationStore store;

  HandoffEvents(OperationStore store) {
    this.store = store;
  }

  /** Which handoff (and step) an event concerns, and how it is recorded there. */
  static final class Match {
    final OperationId operation;
    final int step;
    final Kind kind;

    Match(OperationId operation, int step, Kind kind) {
      this.operation = operation;
      this.step = step;
      this.kind = kind;
    }

    Function<Operation, Operation.Entry> entry(ProviderEvent event, Instant now) {
      return op -> {
        Operation.Entry entry =
            op.entry(now, TimelineEntry.Source.PROVIDER_EVENT, what(op, event))
                .event(event.meta().eventId(), event.meta().occurredAt())
                .evidence(evidenceOf(event));
        if (step > 0) {
          HandoffStep target = HandoffProgress.of(op).step(step).orElseThrow();
          StepStatus status = statusAfter(target, event);
          entry.step(target.entry().with(status, factsOf(event)));
          failureOf(event, target).ifPresent(entry::failure);
        }
        return entry;
      };
    }

    private String what(Operation op, ProviderEvent event) {
      String type = event.meta().type();
      if (kind == Kind.CALLER_CALL_ENDED && !op.state().isFinal()) {
        return HandoffProgress.CALL_ENDED + " (" + type + ")";
      }
      return type;
    }

    private StepStatus statusAfter(HandoffStep target, ProviderEvent event) {
      StepStatus reported = reported(target, event);
      if (reported == null) {
        return target.status();
      }
      if (target.status().isSettled()) {
        // Only a reach changes once settled: its agent may answer after all, or hang up later.
        return target.kind() == StepKind.REACH && reported.isSettled() ? reported : target.status();
      }
      return WarmHandoffSaga.rank(reported) < WarmHandoffSaga.rank(target.status())
          ? target.status()
          : reported;
    }

    private StepStatus reported(HandoffStep target, ProviderEvent event) {
      if (kind == Kind.NOTE) {
        return null;
      }
      if (kind == Kind.CONSULTATION_ANSWERED) {
        return StepStatus.SUCCEEDED;
      }
      if (kind == Kind.CONSULTATION_ENDED) {
        return StepStatus.FAILED;
      }
      Progress progress = progressOf(event);
      if (progress == null) {
        return null;
      }
      switch (progress) {
        case COMPLETED:
          return StepStatus.SUCCEEDED;
        case FAILED:
        case CANCELLED:
          return StepStatus.FAILED;
        default:
          return StepStatus.IN_PROGRESS;
      }
    }

    private Optional<Failure> failureOf(ProviderEvent event, HandoffStep target) {
      if (kind == Kind.CONSULTATION_ENDED) {
        Optional<Failure> reported =
            event instanceof CallActionUpdate
                ? ((CallActionUpdate) event).failure()
                : event instanceof OperationUpdate
                    ? ((OperationUpdate) event).failure()
                    : event instanceof CallLifecycleEvent
                        ? ((CallLifecycleEvent) event).failure()
                        : Optional.empty();
        return Optional.of(
            reported.orElse(
                Failure.of(
                    FailureReason.CANCELLED,
                    target.status() == StepStatus.SUCCEEDED
                        ? "the agent hung up the consultation call"
                        : "the consultation call ended before it was answered",
                    evidenceOf(event))));
      }
      Optional<Failure> reported = Optional.empty();
      if (event instanceof OperationUpdate) {
        reported = ((OperationUpdate) event).failure();
      } else if (event instanceof CallActionUpdate) {
        reported = ((CallActionUpdate) event).failure();
      }
      if (reported.isEmpty() && progressOf(event) == Progress.CANCELLED) {
        reported =
            Optional.of(
                Failure.of(
                    FailureReason.CANCELLED,
                    "cancelled, as the provider reports",
                    evidenceOf(event)));
      }
      return reported;
    }

    private Map<String, String> factsOf(ProviderEvent event) {
      Map<String, String> facts = new LinkedHashMap<>();
      if (event instanceof OperationUpdate) {
        OperationUpdate update = (OperationUpdate) event;
        update.invitationId().ifPresent(id -> facts.put(StepEntry.INVITATION_FACT, id));
        if (update.progress() == Progress.COMPLETED) {
          update.participant().ifPresent(p -> facts.put(StepEntry.PARTICIPANT_FACT, p.rawId()));
        }
      }
      return facts;
    }
  }

  /** How an event is recorded. */
  enum Kind {
    /** By its own progress, on the step its correlation names. */
    STEP,
    /** Only noted. */
    NOTE,
    /** The caller's call ended. */
    CALLER_CALL_ENDED,
    /** The consultation call was answered. */
    CONSULTATION_ANSWERED,
    /** The consultation call ended. */
    CONSULTATION_ENDED
  }

  private static Progress progressOf(ProviderEvent event) {
    if (event instanceof OperationUpdate) {
      return ((OperationUpdate) event).progress();
    }
    if (event instanceof CallActionUpdate) {
      return ((CallActionUpdate) event).progress();
    }
    return null;
  }

  private static ProviderEvidence evidenceOf(ProviderEvent event) {
    if (event instanceof OperationUpdate) {
      return ((OperationUpdate) event).evidence();
    }
    if (event instanceof CallActionUpdate) {
      return ((CallActionUpdate) event).evidence();
    }
    if (event instanceof CallLifecycleEvent) {
      return ((CallLifecycleEvent) event).evidence();
    }
    return ProviderEvidence.NONE;
  }

  /**
   * @param event a provider event
   * @return the handoff (and step) it concerns and how it is recorded there; empty when it concerns
   *     no warm handoff
   */
  Optional<Match> match(ProviderEvent event) {
    Optional<String> correlation = Optional.empty();
    String callId;
    if (event instanceof OperationUpdate) {
      correlation = ((OperationUpdate) event).correlation();
      callId = ((OperationUpdate) event).callId();
    } else if (event instanceof CallActionUpdate) {
      correlation = ((CallActionUpdate) event).correlation();
      callId = ((CallActionUpdate) event).callId();
    } else if (event instanceof CallLifecycleEvent) {
      callId = ((CallLifecycleEvent) event).callId();
    } else {
      return Optional.empty();
    }
    if (correlation.isPresent()) {
      Optional<Match> byCorrelation = byCorrelation(correlation.get());
      if (byCorrelation.isPresent()) {
        return byCorrelation;
      }
    }
    Optional<Match> onCallerCall = onCallerCall(event, callId);
    if (onCallerCall.isPresent()) {
      return onCallerCall;
    }
    return onConsultationCall(event, callId);
  }

  private Optional<Match> byCorrelation(String correlation) {
    return StepTokens.parse(correlation)
        .flatMap(
            ref ->
                store
                    .find(ref.operation())
                    .filter(op -> op.kind() == OperationKind.WARM_HANDOFF)
                    .filter(op -> HandoffProgress.of(op).step(ref.step()).isPresent())
                    .map(op -> new Match(op.id(), ref.step(), Kind.STEP)));
  }

  private Optional<Match> onCallerCall(ProviderEvent event, String callId) {
    if (!mayConcernCallerCall(event)) {
      return Optional.empty(); // spares reading the call's operations on every other callback
    }
    Operation handoff = null;
    for (Operation op : store.findByCall(event.meta().provider(), callId)) {
      if (op.kind() == OperationKind.WARM_HANDOFF) {
        if (handoff == null || (!op.state().isFinal() && handoff.state().isFinal())) {
          handoff = op;
        }
      }
    }
    if (handoff == null) {
      return Optional.empty();
    }
    if (event instanceof CallLifecycleEvent) {
      CallLifecycleEvent lifecycle = (CallLifecycleEvent) event;
      return Optional.of(
          new Match(
              handoff.id(),
              0,
              lifecycle.change() == CallLifecycleEvent.Change.DISCONNECTED
                      || callerLeft(handoff, lifecycle)
                  ? Kind.CALLER_CALL_ENDED
                  : Kind.NOTE));
    }
    if (event instanceof OperationUpdate
        && ((OperationUpdate) event).scope() == OperationKind.TRANSFER) {
      HandoffProgress progress = HandoffProgress.of(handoff);
      Optional<HandoffStep> transfer =
          progress.steps().stream()
              .filter(s -> s.action() == CallAction.TRANSFER)
              .reduce((a, b) -> b);
      if (transfer.isPresent() && !transfer.get().status().isSettled()) {
        return Optional.of(new Match(handoff.id(), transfer.get().number(), Kind.STEP));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether an event can concern a handoff through its caller's call: a change of the call, or a
   * transfer's update that echoes no step's correlation (the only events {@link #onCallerCall}
   * matches).
   */
  private static boolean mayConcernCallerCall(ProviderEvent event) {
    return event instanceof CallLifecycleEvent
        || (event instanceof OperationUpdate
            && ((OperationUpdate) event).scope() == OperationKind.TRANSFER);
  }

  /**
   * Whether a roster of the caller's call says the caller hung up: it lists the call's participants
   * and the transferee is not among them, before the handoff began to put the caller through (ACS
   * keeps the call going for the bot and the agent; afterwards, a roster without the caller is how
   * a transfer in a group call ends).
   */
  private static boolean callerLeft(Operation handoff, CallLifecycleEvent roster) {
    if (roster.change() != CallLifecycleEvent.Change.PARTICIPANTS_UPDATED
        || roster.participants().isEmpty()
        || handoff.state().isFinal()) {
      return false;
    }
    HandoffProgress progress = HandoffProgress.of(handoff);
    if (progress.last(StepKind.CONNECT).isPresent()) {
      return false;
    }
    return progress
        .transferee()
        .map(Transferee::participant)
        .filter(caller -> roster.participants().stream().noneMatch(caller::sameParty))
        .isPresent();
  }

  /**
   * The unfinished warm handoff whose reach step placed the call, found with one indexed look-up of
   * the store ({@link OperationStore#findByRelatedCall}), however many handoffs are under way.
   */
  private Optional<Match> onConsultationCall(ProviderEvent event, String callId) {
    for (Operation op : store.findByRelatedCall(event.meta().provider(), callId)) {
      if (op.kind() != OperationKind.WARM_HANDOFF || !UNFINISHED.contains(op.state())) {
        continue;
      }
      HandoffProgress progress = HandoffProgress.of(op);
      for (HandoffStep step : progress.steps()) {
        if (step.kind() == StepKind.REACH
            && step.fact(StepEntry.CALL_FACT).filter(callId::equals).isPresent()) {
          return Optional.of(
              new Match(op.id(), step.number(), consultationKind(progress, step, event)));
        }
      }
    }
    return Optional.empty();
  }

  private static Kind consultationKind(
      HandoffProgress progress, HandoffStep reach, ProviderEvent event) {
    if (event instanceof CallLifecycleEvent
        && ((CallLifecycleEvent) event).change() == CallLifecycleEvent.Change.CONNECTED) {
      return Kind.CONSULTATION_ANSWERED;
    }
    // The call ended: the end of the call itself (Graph's terminated consultation call), a placed
    // call's own update where the provider reports one, or an update a provider's parser may give a
    // call that ends without a transfer (the end of a redirect, which the consultation call is
    // not).
    boolean ended =
        (event instanceof CallLifecycleEvent
                && ((CallLifecycleEvent) event).change() == CallLifecycleEvent.Change.DISCONNECTED)
            || (event instanceof CallActionUpdate
                && ((CallActionUpdate) event).action() == CallAction.PLACE_CALL
                && ((CallActionUpdate) event).progress().isFinal())
            || (event instanceof OperationUpdate
                && ((OperationUpdate) event).scope() == OperationKind.REDIRECT
                && ((OperationUpdate) event).progress().isFinal());
    if (ended) {
      boolean replaced = progress.last(StepKind.CONNECT, reach.target().getAsInt()).isPresent();
      return replaced ? Kind.NOTE : Kind.CONSULTATION_ENDED;
    }
    return Kind.NOTE;
  }
}
