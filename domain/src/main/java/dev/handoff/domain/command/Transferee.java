package dev.handoff.domain.command;

import dev.handoff.domain.Violations;
import dev.handoff.domain.participant.Participant;
import java.util.Optional;

/**
 * The party being transferred (RFC 5589 transferee). Providers require it when the call being
 * transferred has more than two parties.
 *
 * @param participant who is transferred
 * @param callParticipantId the provider's id of that participant in the call (Microsoft Graph's
 *     {@code participantId}), where the provider identifies participants that way
 */
public record Transferee(Participant participant, Optional<String> callParticipantId) {

  /** Validates the transferee. */
  public Transferee {
    Violations v = Violations.of("Transferee");
    v.required("participant", participant);
    callParticipantId = callParticipantId == null ? Optional.empty() : callParticipantId;
    callParticipantId.ifPresent(id -> v.identifier("callParticipantId", id));
    v.throwIfAny();
  }

  /**
   * @param participant who is transferred
   * @return the transferee, identified by identity only
   */
  public static Transferee of(Participant participant) {
    return new Transferee(participant, Optional.empty());
  }

  /**
   * @param participant who is transferred
   * @param callParticipantId the provider's participant id in the call
   * @return the transferee
   */
  public static Transferee of(Participant participant, String callParticipantId) {
    return new Transferee(participant, Optional.of(callParticipantId));
  }
}
