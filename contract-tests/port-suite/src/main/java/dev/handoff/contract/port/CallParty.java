package dev.handoff.contract.port;

import dev.handoff.domain.participant.Participant;
import java.util.Objects;
import java.util.Optional;

/**
 * A remote party of a test call.
 *
 * @param participant who it is
 * @param callParticipantId the provider's id of the party in the call, where the provider has one
 *     (Microsoft Graph's {@code participantId}); empty otherwise
 */
public record CallParty(Participant participant, Optional<String> callParticipantId) {

  /** Validates the parts. */
  public CallParty {
    Objects.requireNonNull(participant, "participant");
    callParticipantId = callParticipantId == null ? Optional.empty() : callParticipantId;
  }

  /**
   * @param participant who it is
   * @return a party without a provider participant id
   */
  public static CallParty of(Participant participant) {
    return new CallParty(participant, Optional.empty());
  }
}
