package dev.handoff.domain.event;

import dev.handoff.domain.Violations;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.participant.Participant;
import java.util.List;
import java.util.Optional;

/**
 * A change of the call itself rather than of one operation.
 *
 * @param meta what every event carries
 * @param callId the call
 * @param change what changed
 * @param participants the call's participants, for {@link Change#PARTICIPANTS_UPDATED}
 * @param evidence what the provider said
 * @param failure for {@link Change#DISCONNECTED}: why the leg ended, when the provider reports the
 *     end as an error (a result code of failure); empty for an ordinary end (a hang-up, the end of
 *     a transfer or redirect)
 */
public record CallLifecycleEvent(
    EventMeta meta,
    String callId,
    Change change,
    List<Participant> participants,
    ProviderEvidence evidence,
    Optional<Failure> failure)
    implements ProviderEvent {

  /** What changed. */
  public enum Change {
    /** The application's leg of the call is connected. */
    CONNECTED,
    /** The application's leg of the call ended. */
    DISCONNECTED,
    /** The roster changed. */
    PARTICIPANTS_UPDATED
  }

  /** Validates the event. */
  public CallLifecycleEvent {
    Violations v = Violations.of("CallLifecycleEvent");
    v.required("meta", meta);
    v.identifier("callId", callId);
    v.required("change", change);
    participants = participants == null ? List.of() : List.copyOf(participants);
    evidence = evidence == null ? ProviderEvidence.NONE : evidence;
    failure = failure == null ? Optional.empty() : failure;
    v.check(
        failure.isEmpty() || change == Change.DISCONNECTED,
        "failure",
        "is given only when the leg disconnected",
        null);
    v.throwIfAny();
  }

  /**
   * An event without a failure.
   *
   * @param meta what every event carries
   * @param callId the call
   * @param change what changed
   * @param participants the call's participants, for {@link Change#PARTICIPANTS_UPDATED}
   * @param evidence what the provider said
   */
  public CallLifecycleEvent(
      EventMeta meta,
      String callId,
      Change change,
      List<Participant> participants,
      ProviderEvidence evidence) {
    this(meta, callId, change, participants, evidence, Optional.empty());
  }
}
