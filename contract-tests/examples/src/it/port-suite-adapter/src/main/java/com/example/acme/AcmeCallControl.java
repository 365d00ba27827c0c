package com.example.acme;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.context.CallingContext;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.ParticipantKind;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.SubmitContext;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A Handoff adapter for Acme Voice: phone numbers only, SIP context, display names. */
public final class AcmeCallControl implements CallControl {
  /** Acme Voice. */
  public static final ProviderId PROVIDER = ProviderId.of("acme-voice");

  /** What Acme Voice can carry. */
  public static final ProviderCapabilities CAPABILITIES =
      ProviderCapabilities.builder(PROVIDER)
          .supports(
              Capability.TRANSFER,
              Capability.TRANSFER_CALLBACK_OVERRIDE,
              Capability.ADD_PARTICIPANT,
              Capability.INVITATION_TIMEOUT,
              Capability.CANCEL_ADD_PARTICIPANT,
              Capability.REDIRECT,
              Capability.REDIRECT_RING_TIMEOUT,
              Capability.SIP_HEADERS,
              Capability.USER_TO_USER,
              Capability.PARTICIPANT_DISPLAY_NAME,
              Capability.REPEATABLE_REQUESTS)
          .addresses(ParticipantKind.PHONE_NUMBER)
          .maxRedirectTargets(2)
          .build();

  private final AcmeVoiceApi api;

  /**
   * @param api Acme Voice's client
   */
  public AcmeCallControl(AcmeVoiceApi api) {
    this.api = api;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public SubmitResult transfer(CallTransfer command, SubmitContext context) {
    CAPABILITIES.requireSupported(command);
    return send(
        new AcmeRequest(
            "transfer",
            command.callId(),
            List.of(number(command.target())),
            command.target().displayName().orElse(null),
            command.callingContext().sipHeaders(),
            command.callingContext().userToUser().orElse(null),
            null,
            command.callbackUri().map(URI::toString).orElse(null),
            context.correlation(),
            context.submission().requestId().toString(),
            null,
            null));
  }

  @Override
  public SubmitResult addParticipant(AddParticipant command, SubmitContext context) {
    CAPABILITIES.requireSupported(command);
    CallingContext calling = command.callingContext();
    return send(
        new AcmeRequest(
            "invite",
            command.callId(),
            List.of(number(command.participant())),
            command.participant().displayName().orElse(null),
            calling.sipHeaders(),
            calling.userToUser().orElse(null),
            command.invitationTimeout().map(t -> (int) t.getSeconds()).orElse(null),
            null,
            context.correlation(),
            context.submission().requestId().toString(),
            null,
            null));
  }

  @Override
  public SubmitResult cancelAddParticipant(CancelAddParticipant command, SubmitContext context) {
    CAPABILITIES.requireSupported(command);
    return send(
        new AcmeRequest(
            "cancel",
            command.callId(),
            List.of(),
            null,
            Map.of(),
            null,
            null,
            null,
            context.correlation(),
            context.submission().requestId().toString(),
            command.invitationId(),
            null));
  }

  @Override
  public SubmitResult redirect(RedirectCall command, SubmitContext context) {
    CAPABILITIES.requireSupported(command);
    return send(
        new AcmeRequest(
            "redirect",
            command.callId(),
            command.targets().stream().map(AcmeCallControl::number).collect(Collectors.toList()),
            null,
            Map.of(),
            null,
            command.ringTimeout().map(t -> (int) t.getSeconds()).orElse(null),
            null,
            context.correlation(),
            context.submission().requestId().toString(),
            null,
            command.incomingCallContext()));
  }

  private static String number(Participant participant) {
    return ((PhoneNumber) participant).value();
  }

  /** Sends once, and once more with the same idempotency key when the answer was lost. */
  private SubmitResult send(AcmeRequest request) {
    AcmeVoiceApi.Answer answer;
    try {
      answer = api.send(request);
    } catch (IOException lost) {
      try {
        answer = api.send(request);
      } catch (IOException lostAgain) {
        return new SubmitResult.Indeterminate(
            Failure.of(FailureReason.TIMEOUT, "Acme Voice did not answer: " + lostAgain));
      }
    }
    switch (answer.status()) {
      case 202:
        return new SubmitResult.Accepted(
            Optional.ofNullable(answer.invitationId()), ProviderEvidence.NONE);
      case 204:
        return new SubmitResult.Completed(ProviderEvidence.NONE);
      case 404:
        return new SubmitResult.Rejected(
            Failure.of(FailureReason.NOT_FOUND, "Acme Voice knows no call " + request.callId()));
      default:
        return new SubmitResult.Rejected(
            Failure.of(FailureReason.PROVIDER_ERROR, "Acme Voice answered " + answer.status()));
    }
  }
}
