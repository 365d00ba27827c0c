package dev.handoff.adapter.acs.events;

import dev.handoff.adapter.acs.mapping.ParticipantReader;
import dev.handoff.adapter.acs.mapping.WireFormatException;
import dev.handoff.adapter.acs.wire.CallAutomationEventData;
import dev.handoff.adapter.acs.wire.CallParticipant;
import dev.handoff.adapter.acs.wire.CommunicationIdentifierModel;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.participant.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps the Call Automation mid-call events the adapter knows. */
final class MidCallEvents {
  private MidCallEvents() {}

  /** The events mapped to operation updates, and how. */
  private enum Update {
    CALL_TRANSFER_ACCEPTED("CallTransferAccepted", OperationKind.TRANSFER, true),
    CALL_TRANSFER_FAILED("CallTransferFailed", OperationKind.TRANSFER, false),
    ADD_PARTICIPANT_SUCCEEDED("AddParticipantSucceeded", OperationKind.ADD_PARTICIPANT, true),
    ADD_PARTICIPANT_FAILED("AddParticipantFailed", OperationKind.ADD_PARTICIPANT, false),
    CANCEL_ADD_PARTICIPANT_SUCCEEDED(
        "CancelAddParticipantSucceeded", OperationKind.CANCEL_ADD_PARTICIPANT, true),
    CANCEL_ADD_PARTICIPANT_FAILED(
        "CancelAddParticipantFailed", OperationKind.CANCEL_ADD_PARTICIPANT, false);

    private final String eventName;
    private final OperationKind scope;
    private final boolean success;

    Update(String eventName, OperationKind scope, boolean success) {
      this.eventName = eventName;
      this.scope = scope;
      this.success = success;
    }
  }

  /** The events mapped to call lifecycle events. */
  private enum Lifecycle {
    CALL_CONNECTED("CallConnected", CallLifecycleEvent.Change.CONNECTED),
    CALL_DISCONNECTED("CallDisconnected", CallLifecycleEvent.Change.DISCONNECTED),
    PARTICIPANTS_UPDATED("ParticipantsUpdated", CallLifecycleEvent.Change.PARTICIPANTS_UPDATED);

    private final String eventName;
    private final CallLifecycleEvent.Change change;

    Lifecycle(String eventName, CallLifecycleEvent.Change change) {
      this.eventName = eventName;
      this.change = change;
    }
  }

  static Optional<ProviderEvent> map(Envelope envelope, EventMeta meta) {
    for (Update update : Update.values()) {
      if (envelope.is(update.eventName)) {
        CallAutomationEventData data = AcsEventParser.data(envelope, CallAutomationEventData.class);
        return Optional.of(update(update, envelope, meta, data));
      }
    }
    for (Lifecycle lifecycle : Lifecycle.values()) {
      if (envelope.is(lifecycle.eventName)) {
        CallAutomationEventData data = AcsEventParser.data(envelope, CallAutomationEventData.class);
        return Optional.of(lifecycle(lifecycle, envelope, meta, data));
      }
    }
    return Optional.empty();
  }

  private static OperationUpdate update(
      Update kind, Envelope envelope, EventMeta meta, CallAutomationEventData data) {
    ProviderEvidence.Builder evidence =
        EventEvidence.of(data.resultInformation(), data.correlationId(), data.serverCallId());
    Optional<Participant> participant = Optional.empty();
    if (kind.scope == OperationKind.TRANSFER) {
      participant = optionalParticipant(data.transferTarget(), "data.transferTarget");
      participant.ifPresent(p -> evidence.reference("transferTarget", p.rawId()));
      optionalParticipant(data.transferee(), "data.transferee")
          .ifPresent(p -> evidence.reference("transferee", p.rawId()));
    } else if (kind.scope == OperationKind.ADD_PARTICIPANT) {
      participant = optionalParticipant(data.participant(), "data.participant");
    }
    ProviderEvidence built = evidence.build();
    Progress progress = Progress.COMPLETED;
    Optional<Failure> failure = Optional.empty();
    if (!kind.success) {
      FailureReason reason = EventResultTable.reason(data.resultInformation());
      failure = Optional.of(Failure.of(reason, failureMessage(envelope, data), built));
      boolean cancelled =
          kind.scope == OperationKind.ADD_PARTICIPANT && reason == FailureReason.CANCELLED;
      progress = cancelled ? Progress.CANCELLED : Progress.FAILED;
    }
    return new OperationUpdate(
        meta,
        callId(envelope, data),
        kind.scope,
        progress,
        nonBlank(data.operationContext()),
        nonBlank(data.invitationId()),
        participant,
        failure,
        built);
  }

  private static CallLifecycleEvent lifecycle(
      Lifecycle kind, Envelope envelope, EventMeta meta, CallAutomationEventData data) {
    ProviderEvidence.Builder evidence =
        EventEvidence.of(data.resultInformation(), data.correlationId(), data.serverCallId());
    List<Participant> participants = new ArrayList<>();
    if (kind == Lifecycle.PARTICIPANTS_UPDATED) {
      if (data.sequenceNumber() != null) {
        evidence.reference("sequenceNumber", String.valueOf(data.sequenceNumber()));
      }
      List<CallParticipant> roster = data.participants() == null ? List.of() : data.participants();
      for (int i = 0; i < roster.size(); i++) {
        CallParticipant entry = roster.get(i);
        String path = "data.participants[" + i + "]";
        if (entry == null) {
          throw new WireFormatException(path, "is null");
        }
        participants.add(ParticipantReader.read(entry.identifier(), path + ".identifier"));
      }
    }
    return new CallLifecycleEvent(
        meta, callId(envelope, data), kind.change, participants, evidence.build());
  }

  private static String failureMessage(Envelope envelope, CallAutomationEventData data) {
    if (data.resultInformation() == null) {
      return envelope.name() + " without resultInformation";
    }
    String message = data.resultInformation().message();
    if (message != null && !message.isBlank()) {
      return message;
    }
    return envelope.name()
        + " with code "
        + data.resultInformation().code()
        + ", subCode "
        + data.resultInformation().subCode();
  }

  private static String callId(Envelope envelope, CallAutomationEventData data) {
    return nonBlank(data.callConnectionId())
        .or(envelope::callConnectionFromSource)
        .orElseThrow(
            () ->
                new WireFormatException(
                    "data.callConnectionId",
                    "is missing, and source '" + envelope.source() + "' names no call connection"));
  }

  private static Optional<Participant> optionalParticipant(
      CommunicationIdentifierModel model, String path) {
    return model == null ? Optional.empty() : Optional.of(ParticipantReader.read(model, path));
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
