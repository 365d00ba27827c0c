package dev.handoff.contract.port.fake;

import dev.handoff.domain.action.ActionCommand;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.action.HangUp;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.RemoveParticipant;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.TransferMode;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.PlacedCall;
import dev.handoff.ports.out.Roster;
import dev.handoff.ports.out.SubmitContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** An adapter for {@link FakeProvider}: right by default, wrong in the ways it is told. */
final class FakeCallControl implements CallControl {
  private final FakeProvider provider;
  private final ProviderCapabilities capabilities;
  private final Set<Mistake> mistakes;

  FakeCallControl(FakeProvider provider, ProviderCapabilities capabilities, Set<Mistake> mistakes) {
    this.provider = provider;
    this.capabilities = capabilities;
    this.mistakes = mistakes;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return capabilities;
  }

  @Override
  public List<CapabilityViolation> check(CallCommand command) {
    List<CapabilityViolation> found = capabilities.check(command);
    if (mistakes.contains(Mistake.SENDS_UNDECLARED_SIP_HEADERS)) {
      return found.stream()
          .filter(v -> !v.path().endsWith("sipHeaders"))
          .collect(Collectors.toList());
    }
    return found;
  }

  private void requireSupported(CallCommand command) {
    List<CapabilityViolation> found = check(command);
    if (!found.isEmpty()) {
      throw new dev.handoff.domain.provider.UnsupportedByProviderException(
          capabilities.provider(), found);
    }
  }

  @Override
  public SubmitResult transfer(CallTransfer command, SubmitContext context) {
    requireSupported(command);
    URI callback =
        mistakes.contains(Mistake.IGNORES_TRANSFER_CALLBACK)
            ? null
            : command.callbackUri().orElse(null);
    return send(
        new FakeRequest(
            "TRANSFER",
            command.callId(),
            List.of(party(command.target())),
            command.transferee().map(t -> t.participant().rawId()).orElse(null),
            command.transferee().flatMap(t -> t.callParticipantId()).orElse(null),
            command.mode() instanceof TransferMode.Consultative
                ? ((TransferMode.Consultative) command.mode()).replacesCallId()
                : null,
            null,
            sip(command.callingContext()),
            userToUser(command.callingContext()),
            command.callingContext().voipHeaders(),
            command.callingContext().teamsPhoneCallDetails().orElse(null),
            command.sourceCallerId().map(id -> id.value()).orElse(null),
            null,
            null,
            callback == null ? null : callback.toString(),
            context.correlation(),
            context.submission().requestId().toString(),
            null));
  }

  @Override
  public SubmitResult addParticipant(AddParticipant command, SubmitContext context) {
    requireSupported(command);
    return send(
        new FakeRequest(
            "ADD",
            command.callId(),
            List.of(party(command.participant())),
            null,
            null,
            null,
            null,
            sip(command.callingContext()),
            userToUser(command.callingContext()),
            command.callingContext().voipHeaders(),
            command.callingContext().teamsPhoneCallDetails().orElse(null),
            command.sourceCallerId().map(id -> id.value()).orElse(null),
            command.sourceDisplayName().orElse(null),
            command.invitationTimeout().map(d -> (int) d.getSeconds()).orElse(null),
            command.callbackUri().map(URI::toString).orElse(null),
            context.correlation(),
            context.submission().requestId().toString(),
            null));
  }

  @Override
  public SubmitResult cancelAddParticipant(CancelAddParticipant command, SubmitContext context) {
    requireSupported(command);
    return send(
        new FakeRequest(
            "CANCEL",
            command.callId(),
            List.of(),
            null,
            null,
            null,
            command.invitationId(),
            Map.of(),
            null,
            Map.of(),
            null,
            null,
            null,
            null,
            command.callbackUri().map(URI::toString).orElse(null),
            context.correlation(),
            context.submission().requestId().toString(),
            null));
  }

  @Override
  public SubmitResult redirect(RedirectCall command, SubmitContext context) {
    requireSupported(command);
    return send(
        new FakeRequest(
            "REDIRECT",
            command.callId(),
            command.targets().stream().map(this::party).collect(Collectors.toList()),
            null,
            null,
            null,
            null,
            Map.of(),
            null,
            Map.of(),
            null,
            null,
            null,
            command.ringTimeout().map(Duration::getSeconds).map(Long::intValue).orElse(null),
            command.callbackUri().map(URI::toString).orElse(null),
            context.correlation(),
            context.submission().requestId().toString(),
            command.incomingCallContext()));
  }

  // ------------------------------------------------------------ a warm handoff's actions

  @Override
  public Roster participants(String callId) {
    if (!capabilities.supports(Capability.WARM_HANDOFF)) {
      return CallControl.super.participants(callId);
    }
    List<String> listed = provider.participants(callId);
    if (listed == null) {
      return Roster.failed(Failure.of(FailureReason.NOT_FOUND, "no such call"));
    }
    return Roster.of(
        listed.stream()
            .map(raw -> Transferee.of(Participant.fromRawId(raw)))
            .collect(Collectors.toList()),
        ProviderEvidence.NONE);
  }

  @Override
  public SubmitResult hold(HoldParticipant command, SubmitContext context) {
    capabilities.requireSupported(command);
    Prompt audio =
        mistakes.contains(Mistake.DROPS_HOLD_AUDIO) ? null : command.audio().orElse(null);
    return act(
        new FakeAction(
            CallAction.HOLD,
            command.callId(),
            command.participant().participant().rawId(),
            audio,
            callback(command),
            context.correlation()));
  }

  @Override
  public SubmitResult resume(ResumeParticipant command, SubmitContext context) {
    capabilities.requireSupported(command);
    return act(
        new FakeAction(
            CallAction.RESUME,
            command.callId(),
            command.participant().participant().rawId(),
            null,
            callback(command),
            context.correlation()));
  }

  @Override
  public SubmitResult play(PlayPrompt command, SubmitContext context) {
    capabilities.requireSupported(command);
    return act(
        new FakeAction(
            CallAction.PLAY,
            command.callId(),
            command.playTo().map(Participant::rawId).orElse(null),
            command.prompt(),
            callback(command),
            context.correlation()));
  }

  @Override
  public SubmitResult removeParticipant(RemoveParticipant command, SubmitContext context) {
    capabilities.requireSupported(command);
    return act(
        new FakeAction(
            CallAction.REMOVE_PARTICIPANT,
            command.callId(),
            command.participant().rawId(),
            null,
            callback(command),
            context.correlation()));
  }

  @Override
  public SubmitResult hangUp(HangUp command, SubmitContext context) {
    capabilities.requireSupported(command);
    return act(new FakeAction(CallAction.HANG_UP, command.callId(), null, null, null, null));
  }

  @Override
  public PlacedCall placeCall(PlaceCall command, SubmitContext context) {
    capabilities.requireSupported(command);
    FakeProvider.Answer answer =
        provider.handle(
            new FakeAction(
                CallAction.PLACE_CALL,
                null,
                command.target().rawId(),
                null,
                callback(command),
                context.correlation()));
    return new PlacedCall(
        new SubmitResult.Accepted(Optional.empty(), ProviderEvidence.NONE),
        Optional.of(answer.invitationId()));
  }

  private static String callback(ActionCommand command) {
    return command.callbackUri().map(URI::toString).orElse(null);
  }

  private SubmitResult act(FakeAction action) {
    FakeProvider.Answer answer = provider.handle(action);
    switch (answer.status()) {
      case 202:
        return new SubmitResult.Accepted(Optional.empty(), ProviderEvidence.NONE);
      case 204:
        return new SubmitResult.Completed(ProviderEvidence.NONE);
      default:
        return new SubmitResult.Rejected(Failure.of(FailureReason.NOT_FOUND, "no such call"));
    }
  }

  private FakeRequest.Party party(Participant participant) {
    String name =
        mistakes.contains(Mistake.DROPS_DISPLAY_NAMES)
            ? null
            : participant.displayName().orElse(null);
    return new FakeRequest.Party(participant.rawId(), name);
  }

  private Map<String, String> sip(CallingContext context) {
    return mistakes.contains(Mistake.DROPS_SIP_HEADERS_AND_USER_TO_USER)
        ? Map.of()
        : context.sipHeaders();
  }

  private String userToUser(CallingContext context) {
    return mistakes.contains(Mistake.DROPS_SIP_HEADERS_AND_USER_TO_USER)
        ? null
        : context.userToUser().orElse(null);
  }

  private SubmitResult send(FakeRequest request) {
    FakeProvider.Answer answer;
    try {
      answer = provider.handle(request);
    } catch (FakeProvider.LostAnswer lost) {
      if (!capabilities.supports(Capability.REPEATABLE_REQUESTS)) {
        return new SubmitResult.Indeterminate(
            Failure.of(FailureReason.TIMEOUT, "the answer was lost: " + lost.getMessage()));
      }
      answer = provider.handle(request);
    }
    switch (answer.status()) {
      case 202:
        return new SubmitResult.Accepted(
            Optional.ofNullable(answer.invitationId()), ProviderEvidence.NONE);
      case 204:
        return new SubmitResult.Completed(ProviderEvidence.NONE);
      default:
        return new SubmitResult.Rejected(Failure.of(FailureReason.NOT_FOUND, "no such call"));
    }
  }
}
