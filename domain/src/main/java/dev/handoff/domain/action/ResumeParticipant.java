package dev.handoff.domain.action;

import static dev.handoff.domain.action.ActionRules.orEmpty;

import dev.handoff.domain.Violations;
import dev.handoff.domain.command.Transferee;
import java.net.URI;
import java.util.Optional;

/**
 * Take a participant off hold: they hear the call again.
 *
 * @param callId the call
 * @param participant who was held
 * @param callbackUri where this action's events go
 */
public record ResumeParticipant(String callId, Transferee participant, Optional<URI> callbackUri)
    implements ActionCommand {

  /** Validates the command. */
  public ResumeParticipant {
    Violations v = Violations.of("ResumeParticipant");
    callbackUri = orEmpty(callbackUri);
    ActionRules.common(v, callId, callbackUri);
    v.required("participant", participant);
    v.throwIfAny();
  }

  @Override
  public CallAction action() {
    return CallAction.RESUME;
  }

  @Override
  public ResumeParticipant withCallbackUri(URI uri) {
    return new ResumeParticipant(callId, participant, Optional.ofNullable(uri));
  }
}
