package dev.handoff.adapter.acs.events;

import dev.handoff.adapter.acs.mapping.ParticipantReader;
import dev.handoff.adapter.acs.mapping.WireFormatException;
import dev.handoff.adapter.acs.wire.CallActionEventData;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.participant.Participant;
import java.util.Optional;

/**
 * Maps the events that answer a warm handoff's media and roster actions to {@link
 * CallActionUpdate}s: {@code HoldFailed}; {@code PlayStarted}, {@code PlayCompleted}, {@code
 * PlayFailed}, {@code PlayCanceled}; {@code RemoveParticipantSucceeded}, {@code
 * RemoveParticipantFailed}. ACS reports a successful hold or unhold by its 200 answer alone.
 */
final class ActionEvents {
  private ActionEvents() {}

  private enum Kind {
    HOLD_FAILED("HoldFailed", CallAction.HOLD, Progress.FAILED),
    PLAY_STARTED("PlayStarted", CallAction.PLAY, Progress.IN_PROGRESS),
    PLAY_COMPLETED("PlayCompleted", CallAction.PLAY, Progress.COMPLETED),
    PLAY_FAILED("PlayFailed", CallAction.PLAY, Progress.FAILED),
    PLAY_CANCELED("PlayCanceled", CallAction.PLAY, Progress.CANCELLED),
    REMOVE_SUCCEEDED(
        "RemoveParticipantSucceeded", CallAction.REMOVE_PARTICIPANT, Progress.COMPLETED),
    REMOVE_FAILED("RemoveParticipantFailed", CallAction.REMOVE_PARTICIPANT, Progress.FAILED);

    private final String eventName;
    private final CallAction action;
    private final Progress progress;

    Kind(String eventName, CallAction action, Progress progress) {
      this.eventName = eventName;
      this.action = action;
      this.progress = progress;
    }
  }

  static Optional<ProviderEvent> map(Envelope envelope, EventMeta meta) {
    for (Kind kind : Kind.values()) {
      if (envelope.is(kind.eventName)) {
        CallActionEventData data = AcsEventParser.data(envelope, CallActionEventData.class);
        return Optional.of(update(kind, envelope, meta, data));
      }
    }
    return Optional.empty();
  }

  private static CallActionUpdate update(
      Kind kind, Envelope envelope, EventMeta meta, CallActionEventData data) {
    ProviderEvidence.Builder evidence =
        EventEvidence.of(data.resultInformation(), data.correlationId(), data.serverCallId());
    if (data.failedPlaySourceIndex() != null) {
      evidence.reference("failedPlaySourceIndex", String.valueOf(data.failedPlaySourceIndex()));
    }
    Optional<Participant> participant =
        data.participant() == null
            ? Optional.empty()
            : Optional.of(ParticipantReader.read(data.participant(), "data.participant"));
    ProviderEvidence built = evidence.build();
    Optional<Failure> failure = Optional.empty();
    if (kind.progress == Progress.FAILED) {
      failure =
          Optional.of(
              Failure.of(
                  EventResultTable.reason(data.resultInformation()),
                  message(envelope, data),
                  built));
    } else if (kind.progress == Progress.CANCELLED) {
      failure = Optional.of(Failure.of(FailureReason.CANCELLED, message(envelope, data), built));
    }
    return new CallActionUpdate(
        meta,
        callId(envelope, data),
        kind.action,
        kind.progress,
        nonBlank(data.operationContext()),
        participant,
        failure,
        built);
  }

  private static String message(Envelope envelope, CallActionEventData data) {
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

  private static String callId(Envelope envelope, CallActionEventData data) {
    return nonBlank(data.callConnectionId())
        .or(envelope::callConnectionFromSource)
        .orElseThrow(
            () ->
                new WireFormatException(
                    "data.callConnectionId",
                    "is missing, and source '" + envelope.source() + "' names no call connection"));
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
