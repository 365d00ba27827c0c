package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code RemoveParticipantRequest}: body of {@code POST
 * /calling/callConnections/{callConnectionId}/participants:remove}.
 *
 * @param participantToRemove who leaves the call; required
 * @param operationContext echoed in the response and the events
 * @param operationCallbackUri where this operation's events go instead of the call's callback
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemoveParticipantRequest(
    @JsonProperty("participantToRemove") CommunicationIdentifierModel participantToRemove,
    @JsonProperty("operationContext") String operationContext,
    @JsonProperty("operationCallbackUri") String operationCallbackUri) {}
