package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code data} of the events that answer a warm handoff's media and roster actions: the union
 * of the definitions {@code HoldFailed}, {@code PlayStarted}, {@code PlayCompleted}, {@code
 * PlayFailed}, {@code PlayCanceled}, {@code RemoveParticipantSucceeded} and {@code
 * RemoveParticipantFailed}; each event carries a subset. Undocumented extras the service adds are
 * ignored.
 *
 * @param callConnectionId the call connection
 * @param serverCallId the server call id
 * @param correlationId the call's correlation (chain) id
 * @param operationContext the operation context the request carried
 * @param resultInformation the outcome
 * @param participant the participant removed or not (RemoveParticipant*)
 * @param failedPlaySourceIndex which play source failed (PlayFailed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallActionEventData(
    @JsonProperty("callConnectionId") String callConnectionId,
    @JsonProperty("serverCallId") String serverCallId,
    @JsonProperty("correlationId") String correlationId,
    @JsonProperty("operationContext") String operationContext,
    @JsonProperty("resultInformation") ResultInformation resultInformation,
    @JsonProperty("participant") CommunicationIdentifierModel participant,
    @JsonProperty("failedPlaySourceIndex") Integer failedPlaySourceIndex) {}
