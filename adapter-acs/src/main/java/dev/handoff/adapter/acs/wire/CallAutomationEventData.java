package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code data} of the mid-call events the adapter maps: the union of the definitions {@code
 * CallConnected}, {@code CallDisconnected}, {@code CallTransferAccepted}, {@code
 * CallTransferFailed}, {@code AddParticipantSucceeded}, {@code AddParticipantFailed}, {@code
 * CancelAddParticipantSucceeded}, {@code CancelAddParticipantFailed} and {@code
 * ParticipantsUpdated}; each event carries a subset. Undocumented extras the service adds ({@code
 * version}, {@code publicEventType}) are ignored.
 *
 * @param callConnectionId the call connection
 * @param serverCallId the server call id
 * @param correlationId the call's correlation (chain) id
 * @param operationContext the operation context the request carried
 * @param resultInformation the outcome
 * @param transferTarget who the call was transferred to (CallTransferAccepted)
 * @param transferee who was transferred (CallTransferAccepted)
 * @param participant the participant added or not (AddParticipant*)
 * @param invitationId the invitation (CancelAddParticipant*)
 * @param sequenceNumber the roster's sequence number (ParticipantsUpdated)
 * @param participants the roster (ParticipantsUpdated)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallAutomationEventData(
    @JsonProperty("callConnectionId") String callConnectionId,
    @JsonProperty("serverCallId") String serverCallId,
    @JsonProperty("correlationId") String correlationId,
    @JsonProperty("operationContext") String operationContext,
    @JsonProperty("resultInformation") ResultInformation resultInformation,
    @JsonProperty("transferTarget") CommunicationIdentifierModel transferTarget,
    @JsonProperty("transferee") CommunicationIdentifierModel transferee,
    @JsonProperty("participant") CommunicationIdentifierModel participant,
    @JsonProperty("invitationId") String invitationId,
    @JsonProperty("sequenceNumber") Integer sequenceNumber,
    @JsonProperty("participants") List<CallParticipant> participants) {}
