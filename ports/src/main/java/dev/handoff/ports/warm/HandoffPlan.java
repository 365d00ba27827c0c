package dev.handoff.ports.warm;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;

/**
 * How a provider carries a warm handoff's steps. Either the agent is invited into the caller's
 * call, briefed there by a prompt only they hear, and the caller is taken off hold before the
 * application leaves (Azure Communication Services); or the agent is called on a consultation call
 * of its own, briefed there, and the caller's call is transferred to replace it (Microsoft Graph).
 */
enum HandoffPlan {
  /** The agent joins the caller's call. */
  IN_CALL(CallAction.ADD_PARTICIPANT, CallAction.RESUME, CallAction.REMOVE_PARTICIPANT, true),
  /** The agent is reached on a consultation call that the caller's transfer replaces. */
  CONSULTATION(CallAction.PLACE_CALL, CallAction.TRANSFER, CallAction.HANG_UP, false);

  private final CallAction reach;
  private final CallAction connect;
  private final CallAction dismiss;
  private final boolean providerRings;

  HandoffPlan(CallAction reach, CallAction connect, CallAction dismiss, boolean providerRings) {
    this.reach = reach;
    this.connect = connect;
    this.dismiss = dismiss;
    this.providerRings = providerRings;
  }

  /**
   * @param capabilities what the provider declares
   * @return the plan it carries
   */
  static HandoffPlan of(ProviderCapabilities capabilities) {
    return capabilities.supports(Capability.CONSULTATION_CALL) ? CONSULTATION : IN_CALL;
  }

  /** The action that reaches a target. */
  CallAction reach() {
    return reach;
  }

  /** The first action that connects the caller to the agent. */
  CallAction connect() {
    return connect;
  }

  /** The action that sends away an agent who answered but will not be connected. */
  CallAction dismiss() {
    return dismiss;
  }

  /** The action that withdraws a target still ringing. */
  CallAction withdraw() {
    return this == IN_CALL ? CallAction.CANCEL_ADD_PARTICIPANT : CallAction.HANG_UP;
  }

  /**
   * Whether the provider ends the ringing itself at the ring timeout (an invitation timeout), so
   * that the saga waits a grace beyond it before withdrawing.
   */
  boolean providerRings() {
    return providerRings;
  }
}
