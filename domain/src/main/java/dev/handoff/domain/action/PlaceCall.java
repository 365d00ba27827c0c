package dev.handoff.domain.action;

import static dev.handoff.domain.action.ActionRules.orEmpty;

import dev.handoff.domain.Violations;
import dev.handoff.domain.participant.Participant;
import java.net.URI;
import java.util.Optional;

/**
 * The application places a new call to one party: the consultation call of a warm handoff, which
 * the caller's transfer later replaces.
 *
 * @param target whom the call goes to
 * @param callbackUri where the new call's events go
 */
public record PlaceCall(Participant target, Optional<URI> callbackUri) implements ActionCommand {

  /** Validates the command. */
  public PlaceCall {
    Violations v = Violations.of("PlaceCall");
    callbackUri = orEmpty(callbackUri);
    v.required("target", target);
    callbackUri.ifPresent(uri -> v.callbackUri("callbackUri", uri));
    v.throwIfAny();
  }

  @Override
  public CallAction action() {
    return CallAction.PLACE_CALL;
  }

  @Override
  public PlaceCall withCallbackUri(URI uri) {
    return new PlaceCall(target, Optional.ofNullable(uri));
  }
}
