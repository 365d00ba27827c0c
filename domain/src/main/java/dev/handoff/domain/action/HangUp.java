package dev.handoff.domain.action;

import dev.handoff.domain.Violations;
import java.net.URI;
import java.util.Optional;

/**
 * The application hangs up its own leg of a call. Where others remain (a caller and an agent) the
 * call goes on without the application; a call between the application and one other party ends.
 *
 * @param callId the call
 */
public record HangUp(String callId) implements ActionCommand {

  /** Validates the command. */
  public HangUp {
    Violations v = Violations.of("HangUp");
    v.identifier("callId", callId);
    v.throwIfAny();
  }

  @Override
  public CallAction action() {
    return CallAction.HANG_UP;
  }

  /**
   * @return always empty: hanging up has no per-action callback
   */
  @Override
  public Optional<URI> callbackUri() {
    return Optional.empty();
  }

  /**
   * @param uri ignored: hanging up has no per-action callback
   * @return this command
   */
  @Override
  public HangUp withCallbackUri(URI uri) {
    return this;
  }
}
