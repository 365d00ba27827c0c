package dev.handoff.domain.command;

import java.net.URI;
import java.util.Optional;

/** A call-control command. Every command is valid once constructed. */
public sealed interface CallCommand
    permits CallTransfer, AddParticipant, CancelAddParticipant, RedirectCall, WarmHandoff {

  /**
   * @return the id of the call the command acts on, as the provider knows it (ACS call connection
   *     id or server call id, Graph call id)
   */
  String callId();

  /**
   * @return the application's own correlation string, returned with every change of the operation;
   *     sent to providers that echo one. How long it may be is the provider's limit ({@link
   *     dev.handoff.domain.provider.ProviderLimits#operationContextLength()})
   */
  Optional<String> operationContext();

  /**
   * @return where the provider should send this operation's events instead of the call's default
   *     callback
   */
  Optional<URI> callbackUri();

  /**
   * @param uri where the provider should send this operation's events
   * @return this command with that callback URI
   * @throws dev.handoff.domain.ValidationException when the URI is not an absolute http(s) URI
   */
  CallCommand withCallbackUri(URI uri);

  /**
   * Hands this command to the visitor's method for its kind. Every place that treats the kinds
   * differently goes through here, so a new kind of command does not compile until each of those
   * places handles it.
   *
   * @param visitor what to do for each kind of command
   * @param <R> what the visitor returns
   * @return what the visitor returned for this command
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * What to do for each kind of command; one method per permitted type, none of them defaulted.
   *
   * @param <R> what each method returns
   */
  interface Visitor<R> {
    /**
     * @param transfer a transfer
     * @return the result for a transfer
     */
    R transfer(CallTransfer transfer);

    /**
     * @param add an invitation of a participant
     * @return the result for an invitation
     */
    R addParticipant(AddParticipant add);

    /**
     * @param cancel the cancellation of an invitation
     * @return the result for a cancellation
     */
    R cancelAddParticipant(CancelAddParticipant cancel);

    /**
     * @param redirect a redirect of an incoming call
     * @return the result for a redirect
     */
    R redirect(RedirectCall redirect);

    /**
     * @param handoff a warm handoff
     * @return the result for a warm handoff
     */
    R warmHandoff(WarmHandoff handoff);
  }
}
