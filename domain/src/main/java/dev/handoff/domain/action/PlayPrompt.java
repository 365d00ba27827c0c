package dev.handoff.domain.action;

import static dev.handoff.domain.action.ActionRules.orEmpty;

import dev.handoff.domain.Violations;
import dev.handoff.domain.command.Prompt;
import dev.handoff.domain.participant.Participant;
import java.net.URI;
import java.util.Optional;

/**
 * Play a prompt in a call, to one participant or to everyone.
 *
 * @param callId the call
 * @param prompt what is played
 * @param playTo the one participant who hears it; everyone in the call when absent
 * @param callbackUri where this action's events go
 */
public record PlayPrompt(
    String callId, Prompt prompt, Optional<Participant> playTo, Optional<URI> callbackUri)
    implements ActionCommand {

  /** Validates the command. */
  public PlayPrompt {
    Violations v = Violations.of("PlayPrompt");
    playTo = orEmpty(playTo);
    callbackUri = orEmpty(callbackUri);
    ActionRules.common(v, callId, callbackUri);
    v.required("prompt", prompt);
    v.throwIfAny();
  }

  @Override
  public CallAction action() {
    return CallAction.PLAY;
  }

  @Override
  public PlayPrompt withCallbackUri(URI uri) {
    return new PlayPrompt(callId, prompt, playTo, Optional.ofNullable(uri));
  }
}
