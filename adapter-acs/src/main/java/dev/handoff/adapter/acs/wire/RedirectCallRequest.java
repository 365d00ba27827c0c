package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code RedirectCallRequest}: body of {@code POST /calling/callConnections:redirect}. Nothing but
 * the incoming call's context and one target: no operation context, callback or custom context.
 *
 * @param incomingCallContext the opaque context of the IncomingCall event; required
 * @param target where the call goes; required
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RedirectCallRequest(
    @JsonProperty("incomingCallContext") String incomingCallContext,
    @JsonProperty("target") CommunicationIdentifierModel target) {}
