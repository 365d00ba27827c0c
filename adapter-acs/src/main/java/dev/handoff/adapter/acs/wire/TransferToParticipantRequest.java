package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code TransferToParticipantRequest}: body of {@code POST
 * /calling/callConnections/{callConnectionId}:transferToParticipant}.
 *
 * @param targetParticipant the transfer target; required
 * @param operationContext echoed in the response and the events
 * @param transferee the participant being transferred away
 * @param operationCallbackUri where this operation's events go instead of the call's callback
 * @param customCallingContext context for the target
 * @param sourceCallerIdNumber the caller id shown to a phone target
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferToParticipantRequest(
    @JsonProperty("targetParticipant") CommunicationIdentifierModel targetParticipant,
    @JsonProperty("operationContext") String operationContext,
    @JsonProperty("transferee") CommunicationIdentifierModel transferee,
    @JsonProperty("operationCallbackUri") String operationCallbackUri,
    @JsonProperty("customCallingContext") CustomCallingContext customCallingContext,
    @JsonProperty("sourceCallerIdNumber") PhoneNumberIdentifierModel sourceCallerIdNumber) {}
