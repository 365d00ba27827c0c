package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code HoldRequest}: body of {@code POST /calling/callConnections/{callConnectionId}:hold}.
 *
 * @param targetParticipant who is put on hold; required
 * @param playSourceInfo what they hear while on hold; the service's music when absent
 * @param operationContext echoed in the events
 * @param operationCallbackUri where this operation's events go instead of the call's callback
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HoldRequest(
    @JsonProperty("targetParticipant") CommunicationIdentifierModel targetParticipant,
    @JsonProperty("playSourceInfo") PlaySource playSourceInfo,
    @JsonProperty("operationContext") String operationContext,
    @JsonProperty("operationCallbackUri") String operationCallbackUri) {}
