package dev.handoff.contract.port;

import java.util.List;
import java.util.Objects;

/**
 * A connected call the application is in, created on the platform for one test.
 *
 * @param callId the id the adapter addresses the call by (ACS call connection id, Graph call id)
 * @param parties the remote parties, in the order the platform reports them; at least one
 */
public record TestCall(String callId, List<CallParty> parties) {

  /** Validates and copies. */
  public TestCall {
    Objects.requireNonNull(callId, "callId");
    parties = List.copyOf(Objects.requireNonNull(parties, "parties"));
    if (parties.isEmpty()) {
      throw new IllegalArgumentException("parties: a call has at least one remote party");
    }
  }
}
