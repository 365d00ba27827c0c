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
}
