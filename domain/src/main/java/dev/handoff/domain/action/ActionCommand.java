package dev.handoff.domain.action;

import java.net.URI;
import java.util.Optional;

/**
 * A request for one provider action that a warm handoff's step sends. Unlike a {@link
 * dev.handoff.domain.command.CallCommand} it is no operation of its own: it belongs to the handoff
 * operation whose step sends it. Every action command is valid once constructed.
 */
public sealed interface ActionCommand
    permits HoldParticipant, ResumeParticipant, PlayPrompt, RemoveParticipant, HangUp, PlaceCall {

  /**
   * @return the action it asks for
   */
  CallAction action();

  /**
   * @return where the provider should send this action's events instead of the call's default
   *     callback
   */
  Optional<URI> callbackUri();

  /**
   * @param uri where the provider should send this action's events
   * @return this command with that callback URI
   */
  ActionCommand withCallbackUri(URI uri);
}
