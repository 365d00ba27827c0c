package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code AddParticipantRequest}: body of {@code POST
 * /calling/callConnections/{callConnectionId}/participants:add}.
 *
 * @param sourceCallerIdNumber the caller id shown to a phone invitee
 * @param sourceDisplayName the name shown to the invitee
 * @param participantToAdd the invitee; required
 * @param invitationTimeoutInSeconds how long the invitation rings, 0 to 180
 * @param operationContext echoed in the response and the events
 * @param operationCallbackUri where this operation's events go instead of the call's callback
 * @param customCallingContext context for the invitee
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AddParticipantRequest(
    @JsonProperty("sourceCallerIdNumber") PhoneNumberIdentifierModel sourceCallerIdNumber,
    @JsonProperty("sourceDisplayName") String sourceDisplayName,
    @JsonProperty("participantToAdd") CommunicationIdentifierModel participantToAdd,
    @JsonProperty("invitationTimeoutInSeconds") Integer invitationTimeoutInSeconds,
    @JsonProperty("operationContext") String operationContext,
    @JsonProperty("operationCallbackUri") String operationCallbackUri,
    @JsonProperty("customCallingContext") CustomCallingContext customCallingContext) {}
