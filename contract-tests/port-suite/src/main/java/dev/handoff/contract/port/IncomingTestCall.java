package dev.handoff.contract.port;

import java.util.Objects;

/**
 * An incoming call to the application that is not answered yet, as the provider announced it.
 *
 * @param callId the call id a redirect names (ACS server call id, Graph call id)
 * @param incomingCallContext the provider's incoming-call context (Graph reports the call id)
 */
public record IncomingTestCall(String callId, String incomingCallContext) {

  /** Validates the parts. */
  public IncomingTestCall {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(incomingCallContext, "incomingCallContext");
  }
}
