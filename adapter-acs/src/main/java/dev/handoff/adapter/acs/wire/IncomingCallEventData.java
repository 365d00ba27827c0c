package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code IncomingCall}: the {@code data} of the Event Grid event announcing a call.
 *
 * @param to who was called
 * @param from the caller
 * @param callerDisplayName the caller's display name
 * @param serverCallId the server call id
 * @param customContext the custom context the caller's side sent
 * @param incomingCallContext the opaque context needed to answer, reject or redirect the call
 * @param onBehalfOfCallee the callee the call is on behalf of
 * @param correlationId the call's correlation (chain) id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncomingCallEventData(
    @JsonProperty("to") CommunicationIdentifierModel to,
    @JsonProperty("from") CommunicationIdentifierModel from,
    @JsonProperty("callerDisplayName") String callerDisplayName,
    @JsonProperty("serverCallId") String serverCallId,
    @JsonProperty("customContext") CustomCallingContext customContext,
    @JsonProperty("incomingCallContext") String incomingCallContext,
    @JsonProperty("onBehalfOfCallee") CommunicationIdentifierModel onBehalfOfCallee,
    @JsonProperty("correlationId") String correlationId) {}
