package dev.handoff.domain.command;

import static dev.handoff.domain.command.CommandRules.orEmpty;

import dev.handoff.domain.Violations;
import java.net.URI;
import java.util.Optional;

/**
 * Withdraw an invitation that has not been answered yet.
 *
 * @param callId the call the participant was being added to
 * @param invitationId the invitation, as the provider returned it when the add was accepted
 * @param operationContext the application's correlation string
 * @param callbackUri where this operation's events go instead of the call's default callback
 */
public record CancelAddParticipant(
    String callId,
    String invitationId,
    Optional<String> operationContext,
    Optional<URI> callbackUri)
    implements CallCommand {

  /** Validates the command and reports every broken rule. */
  public CancelAddParticipant {
    Violations v = Violations.of("CancelAddParticipant");
    operationContext = orEmpty(operationContext);
    callbackUri = orEmpty(callbackUri);
    CommandRules.common(v, callId, operationContext, callbackUri);
    v.identifier("invitationId", invitationId);
    v.throwIfAny();
  }

  @Override
  public CancelAddParticipant withCallbackUri(URI uri) {
    return new CancelAddParticipant(
        callId, invitationId, operationContext, Optional.ofNullable(uri));
  }

  /**
   * @param callId the call
   * @param invitationId the invitation
   * @return the command without operation context or callback override
   */
  public static CancelAddParticipant of(String callId, String invitationId) {
    return new CancelAddParticipant(callId, invitationId, Optional.empty(), Optional.empty());
  }

  @Override
  public <R> R accept(CallCommand.Visitor<R> visitor) {
    return visitor.cancelAddParticipant(this);
  }
}
