package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code CancelAddParticipantRequest}: body of {@code POST
 * /calling/callConnections/{callConnectionId}/participants:cancelAddParticipant}.
 *
 * @param invitationId the invitation to withdraw; required
 * @param operationContext echoed in the response and the events
 * @param operationCallbackUri where this operation's events go instead of the call's callback
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CancelAddParticipantRequest(
    @JsonProperty("invitationId") String invitationId,
    @JsonProperty("operationContext") String operationContext,
    @JsonProperty("operationCallbackUri") String operationCallbackUri) {}
