package dev.handoff.ports.testing;

import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import java.time.Instant;
import java.util.Optional;

/** Builds provider events for tests. */
public final class Events {
  private Events() {}

  /**
   * @param id the event id
   * @param callId the call
   * @param scope the operation kind
   * @param progress the progress
   * @return an update without correlation or invitation
   */
  public static OperationUpdate update(
      String id, String callId, OperationKind scope, Progress progress) {
    return update(id, callId, scope, progress, null, null);
  }

  /**
   * @param id the event id
   * @param callId the call
   * @param scope the operation kind
   * @param progress the progress
   * @param correlation the echoed correlation, or null
   * @param invitationId the invitation, or null
   * @return the update
   */
  public static OperationUpdate update(
      String id,
      String callId,
      OperationKind scope,
      Progress progress,
      String correlation,
      String invitationId) {
    return new OperationUpdate(
        new EventMeta(Operations.PROVIDER, id, "Fake." + scope + "." + progress, Instant.EPOCH),
        callId,
        scope,
        progress,
        Optional.ofNullable(correlation),
        Optional.ofNullable(invitationId),
        Optional.empty(),
        progress == Progress.FAILED
            ? Optional.of(Failure.of(FailureReason.BUSY, "busy"))
            : Optional.empty(),
        null);
  }

  /**
   * @param id the event id
   * @param callId the call
   * @return an incoming call from a phone number to another
   */
  public static dev.handoff.domain.event.IncomingCall incoming(String id, String callId) {
    return new dev.handoff.domain.event.IncomingCall(
        new EventMeta(Operations.PROVIDER, id, "Fake.IncomingCall", Instant.EPOCH),
        callId,
        "context-" + callId,
        dev.handoff.domain.participant.PhoneNumber.of("+14255550123"),
        dev.handoff.domain.participant.PhoneNumber.of("+18005550100"),
        Optional.empty(),
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * @param id the event id
   * @param callId the call
   * @return the call's disconnection
   */
  public static dev.handoff.domain.event.CallLifecycleEvent disconnected(String id, String callId) {
    return new dev.handoff.domain.event.CallLifecycleEvent(
        new EventMeta(Operations.PROVIDER, id, "Fake.Disconnected", Instant.EPOCH),
        callId,
        dev.handoff.domain.event.CallLifecycleEvent.Change.DISCONNECTED,
        java.util.List.of(),
        null);
  }
}
