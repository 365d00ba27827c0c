package dev.handoff.domain.action;

import static dev.handoff.domain.action.ActionRules.orEmpty;

import dev.handoff.domain.Violations;
import dev.handoff.domain.participant.Participant;
import java.net.URI;
import java.util.Optional;

/**
 * Remove a participant from a call.
 *
 * @param callId the call
 * @param participant who is removed
 * @param callbackUri where this action's events go
 */
public record RemoveParticipant(String callId, Participant participant, Optional<URI> callbackUri)
    implements ActionCommand {

  /** Validates the command. */
  public RemoveParticipant {
    Violations v = Violations.of("RemoveParticipant");
    callbackUri = orEmpty(callbackUri);
    ActionRules.common(v, callId, callbackUri);
    v.required("participant", participant);
    v.throwIfAny();
  }

  @Override
  public CallAction action() {
    return CallAction.REMOVE_PARTICIPANT;
  }

  @Override
  public RemoveParticipant withCallbackUri(URI uri) {
    return new RemoveParticipant(callId, participant, Optional.ofNullable(uri));
  }
}
