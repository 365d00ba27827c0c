package dev.handoff.domain.action;

import static dev.handoff.domain.action.ActionRules.orEmpty;

import dev.handoff.domain.Violations;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.command.Transferee;
import java.net.URI;
import java.util.Optional;

/**
 * Put a participant on hold: they no longer hear the call, and hear hold audio instead.
 *
 * @param callId the call
 * @param participant who is held, by identity and, where the provider needs it, its participant id
 *     in the call
 * @param audio what they hear; the provider's hold music when absent
 * @param callbackUri where this action's events go
 */
public record HoldParticipant(
    String callId, Transferee participant, Optional<Prompt> audio, Optional<URI> callbackUri)
    implements ActionCommand {

  /** Validates the command. */
  public HoldParticipant {
    Violations v = Violations.of("HoldParticipant");
    audio = orEmpty(audio);
    callbackUri = orEmpty(callbackUri);
    ActionRules.common(v, callId, callbackUri);
    v.required("participant", participant);
    v.throwIfAny();
  }

  @Override
  public CallAction action() {
    return CallAction.HOLD;
  }

  @Override
  public HoldParticipant withCallbackUri(URI uri) {
    return new HoldParticipant(callId, participant, audio, Optional.ofNullable(uri));
  }
}
