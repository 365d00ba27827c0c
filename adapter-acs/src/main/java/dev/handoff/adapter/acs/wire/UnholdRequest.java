package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code UnholdRequest}: body of {@code POST /calling/callConnections/{callConnectionId}:unhold}.
 *
 * @param targetParticipant who is taken off hold; required
 * @param operationContext echoed in the events
 * @param operationCallbackUri where this operation's events go instead of the call's callback
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnholdRequest(
    @JsonProperty("targetParticipant") CommunicationIdentifierModel targetParticipant,
    @JsonProperty("operationContext") String operationContext,
    @JsonProperty("operationCallbackUri") String operationCallbackUri) {}
