package dev.handoff.ports.warm;

import dev.handoff.domain.HandoffException;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.RemoveParticipant;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.Fallback;
import dev.handoff.domain.command.HandoffTarget;
import dev.handoff.domain.command.TransferMode;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.HandoffProgress;
import dev.handoff.domain.operation.HandoffStep;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.StepEntry;
import dev.handoff.domain.operation.StepKind;
import dev.handoff.domain.operation.StepStatus;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.Participant;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.PlacedCall;
import dev.handoff.ports.out.Roster;
import dev.handoff.ports.out.SubmitContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Builds each step's provider request from the command and what earlier steps learned, sends it
 * with the step's own correlation and submission token, and reads the answer as the step's next
 * status.
 *
 * <p>Long because it builds the provider command of every kind of step, each a short method; it
 * sends and reads answers only.
 */
final class StepActions {
  private static final Logger LOG = Logger.getLogger(StepActions.class.getName());

  /**
   * Actions whose effect is the same however often they reach the provider (holding the held,
   * taking the resumed off hold, hanging up what is gone, reading the roster): an interrupted one
   * is sent again even where the provider has no repeatable requests, since the caller must never
   * be left on hold.
   */
  static final Set<CallAction> SAME_EFFECT_WHEN_REPEATED =
      EnumSet.of(
          CallAction.FIND_TRANSFEREE, CallAction.HOLD, CallAction.RESUME, CallAction.HANG_UP);

  /**
   * What sending a step gave.
   *
   * @param status the step's status by the answer
   * @param facts what the answer taught
   * @param failure why it failed
   * @param evidence what the provider said
   * @param what what happened, for the timeline
   * @param fromProvider whether the provider answered (else Handoff itself refused or failed)
   */
  record Outcome(
      StepStatus status,
      Map<String, String> facts,
      Optional<Failure> failure,
      ProviderEvidence evidence,
      String what,
      boolean fromProvider) {}

  private final CallControl provider;
  private final HandoffPlan plan;

  StepActions(CallControl provider, HandoffPlan plan) {
    this.provider = provider;
    this.plan = plan;
  }

  /**
   * @param action an action
   * @return whether an interrupted one may be sent again
   */
  boolean resendable(CallAction action) {
    return provider.repeatable(action) || SAME_EFFECT_WHEN_REPEATED.contains(action);
  }

  Outcome send(Operation operation, HandoffProgress progress, HandoffStep step) {
    SubmitContext context =
        new SubmitContext(
            operation.id(),
            StepTokens.correlation(operation.id(), step.number()),
            StepTokens.token(operation, step));
    try {
      return dispatch(progress, step, context);
    } catch (HandoffException refused) {
      return new Outcome(
          StepStatus.FAILED,
          Map.of(),
          Optional.of(Failure.of(FailureReason.INVALID_REQUEST, refused.getMessage())),
          ProviderEvidence.NONE,
          step.action().wireName() + " refused before it was sent",
          false);
    } catch (RuntimeException failure) {
      LOG.log(
          Level.WARNING,
          "Provider adapter failed on step " + step.number() + " of " + operation.id(),
          failure);
      return new Outcome(
          resendable(step.action()) ? StepStatus.REQUESTED : StepStatus.UNKNOWN,
          Map.of(),
          Optional.of(
              Failure.of(
                  FailureReason.UNKNOWN,
                  "the provider adapter failed unexpectedly, so it is not known whether the"
                      + " request was sent: "
                      + failure)),
          ProviderEvidence.NONE,
          step.action().wireName() + ": the adapter failed",
          false);
    }
  }

  private Outcome dispatch(HandoffProgress p, HandoffStep step, SubmitContext context) {
    WarmHandoff command = p.command();
    String callId = command.callId();
    switch (step.action()) {
      case FIND_TRANSFEREE:
        return found(provider.participants(callId), command);
      case HOLD:
        return answered(
            step,
            provider.hold(
                new HoldParticipant(
                    callId, transferee(p), command.holdAudio(), command.callbackUri()),
                context));
      case RESUME:
        return answered(
            step,
            provider.resume(
                new ResumeParticipant(callId, transferee(p), command.callbackUri()), context));
      case ADD_PARTICIPANT:
        {
          HandoffTarget target = target(p, step);
          return answered(
              step,
              provider.addParticipant(
                  AddParticipant.builder(callId, target.participant())
                      .invitationTimeout(target.ringTimeout())
                      .sourceCallerId(command.sourceCallerId().orElse(null))
                      .callingContext(command.briefing().callingContext())
                      .callbackUri(command.callbackUri().orElse(null))
                      .build(),
                  context));
        }
      case PLACE_CALL:
        return placed(
            step,
            provider.placeCall(
                new PlaceCall(target(p, step).participant(), command.callbackUri()), context));
      case PLAY:
        return answered(step, provider.play(briefing(p, step), context));
      case TRANSFER:
        return answered(step, provider.transfer(transfer(p, step), context));
      case CANCEL_ADD_PARTICIPANT:
        return answered(
            step,
            provider.cancelAddParticipant(
                withCallback(
                    CancelAddParticipant.of(callId, reachFact(p, step, StepEntry.INVITATION_FACT)),
                    command),
                context));
      case REMOVE_PARTICIPANT:
        return answered(
            step,
            provider.removeParticipant(
                new RemoveParticipant(callId, agent(p, step), command.callbackUri()), context));
      case HANG_UP:
        return answered(
            step,
            provider.hangUp(
                new HangUp(
                    step.kind() == StepKind.UNDO
                        ? reachFact(p, step, StepEntry.CALL_FACT)
                        : callId),
                context));
      default:
        throw new IllegalStateException("no request for " + step.action());
    }
  }

  private Outcome found(Roster roster, WarmHandoff command) {
    if (roster.failure().isPresent()) {
      return new Outcome(
          StepStatus.FAILED,
          Map.of(),
          roster.failure(),
          roster.evidence(),
          "the call's participants could not be listed",
          true);
    }
    List<Transferee> others =
        roster.participants().stream()
            .filter(
                t ->
                    command.targets().stream()
                        .noneMatch(target -> target.participant().sameParty(t.participant())))
            .collect(Collectors.toList());
    if (others.size() != 1) {
      return new Outcome(
          StepStatus.FAILED,
          Map.of(),
          Optional.of(
              new Failure(
                  FailureReason.INVALID_REQUEST,
                  false,
                  "the call has "
                      + others.size()
                      + " participant(s) besides the application: "
                      + others.stream()
                          .map(t -> t.participant().rawId())
                          .collect(Collectors.joining(", "))
                      + "; name the transferee",
                  roster.evidence())),
          roster.evidence(),
          "no single transferee in the call",
          true);
    }
    Transferee caller = others.get(0);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put(StepEntry.PARTICIPANT_FACT, caller.participant().rawId());
    caller.callParticipantId().ifPresent(id -> facts.put(StepEntry.PARTICIPANT_ID_FACT, id));
    return new Outcome(
        StepStatus.SUCCEEDED,
        facts,
        Optional.empty(),
        roster.evidence(),
        "found the transferee " + caller.participant().rawId(),
        true);
  }

  private Outcome answered(HandoffStep step, SubmitResult result) {
    String action = step.action().wireName();
    if (result instanceof SubmitResult.Accepted) {
      Map<String, String> facts = new LinkedHashMap<>();
      ((SubmitResult.Accepted) result)
          .invitationId()
          .ifPresent(id -> facts.put(StepEntry.INVITATION_FACT, id));
      return new Outcome(
          StepStatus.ACCEPTED,
          facts,
          Optional.empty(),
          result.evidence(),
          action + " accepted by the provider",
          true);
    }
    if (result instanceof SubmitResult.Completed) {
      return new Outcome(
          StepStatus.SUCCEEDED,
          Map.of(),
          Optional.empty(),
          result.evidence(),
          action + " done",
          true);
    }
    if (result instanceof SubmitResult.Rejected) {
      Failure failure = ((SubmitResult.Rejected) result).failure();
      boolean goneAlready =
          failure.reason() == FailureReason.NOT_FOUND
              && step.kind() == StepKind.UNDO
              && (step.action() == CallAction.HANG_UP
                  || step.action() == CallAction.REMOVE_PARTICIPANT);
      if (goneAlready) {
        return new Outcome(
            StepStatus.SUCCEEDED,
            Map.of(),
            Optional.empty(),
            result.evidence(),
            action + ": already gone",
            true);
      }
      return new Outcome(
          StepStatus.FAILED,
          Map.of(),
          Optional.of(failure),
          result.evidence(),
          action + " rejected by the provider",
          true);
    }
    Failure failure = ((SubmitResult.Indeterminate) result).failure();
    boolean again = resendable(step.action());
    return new Outcome(
        again ? StepStatus.REQUESTED : StepStatus.UNKNOWN,
        Map.of(),
        Optional.of(failure),
        result.evidence(),
        again
            ? action + ": the answer was ambiguous; it is sent again with the same token"
            : action + ": the answer was ambiguous, and it is not sent again",
        true);
  }

  private Outcome placed(HandoffStep step, PlacedCall placed) {
    Outcome outcome = answered(step, placed.result());
    if (placed.callId().isEmpty()) {
      return outcome;
    }
    Map<String, String> facts = new LinkedHashMap<>(outcome.facts());
    facts.put(StepEntry.CALL_FACT, placed.callId().get());
    return new Outcome(
        outcome.status(),
        facts,
        outcome.failure(),
        outcome.evidence(),
        "placeCall accepted by the provider: consultation call " + placed.callId().get(),
        true);
  }

  private PlayPrompt briefing(HandoffProgress p, HandoffStep step) {
    WarmHandoff command = p.command();
    var prompt =
        command
            .briefing()
            .prompt()
            .orElseThrow(() -> new IllegalStateException("a briefing step without a prompt"));
    if (plan == HandoffPlan.CONSULTATION) {
      return new PlayPrompt(
          reachFact(p, step, StepEntry.CALL_FACT), prompt, Optional.empty(), command.callbackUri());
    }
    return new PlayPrompt(
        command.callId(), prompt, Optional.of(agent(p, step)), command.callbackUri());
  }

  private CallTransfer transfer(HandoffProgress p, HandoffStep step) {
    WarmHandoff command = p.command();
    if (step.kind() == StepKind.FALLBACK) {
      Participant last = ((Fallback.LastTarget) command.fallback()).participant();
      return CallTransfer.builder(command.callId(), last)
          .mode(TransferMode.blind())
          .callbackUri(command.callbackUri().orElse(null))
          .build();
    }
    return CallTransfer.builder(command.callId(), target(p, step).participant())
        .replacing(reachFact(p, step, StepEntry.CALL_FACT))
        .callbackUri(command.callbackUri().orElse(null))
        .build();
  }

  private static CancelAddParticipant withCallback(
      CancelAddParticipant cancel, WarmHandoff command) {
    return command.callbackUri().map(cancel::withCallbackUri).orElse(cancel);
  }

  private static Transferee transferee(HandoffProgress p) {
    return p.transferee()
        .orElseThrow(() -> new IllegalStateException("no transferee for " + p.operation().id()));
  }

  private static HandoffTarget target(HandoffProgress p, HandoffStep step) {
    return p.command().targets().get(step.target().getAsInt());
  }

  /** The agent as the provider reported them when they joined, else as the target names them. */
  private static Participant agent(HandoffProgress p, HandoffStep step) {
    return p.last(StepKind.REACH, step.target().getAsInt())
        .flatMap(reach -> reach.fact(StepEntry.PARTICIPANT_FACT))
        .map(Participant::fromRawId)
        .orElse(target(p, step).participant());
  }

  private static String reachFact(HandoffProgress p, HandoffStep step, String fact) {
    return p.last(StepKind.REACH, step.target().getAsInt())
        .flatMap(reach -> reach.fact(fact))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "step " + step.number() + " needs the " + fact + " its reach did not learn"));
  }
}
