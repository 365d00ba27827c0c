package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code AddParticipantResponse}: the 202 body of an add.
 *
 * @param participant the invited participant
 * @param operationContext the echoed operation context
 * @param invitationId the invitation, needed to cancel it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AddParticipantResponse(
    @JsonProperty("participant") CallParticipant participant,
    @JsonProperty("operationContext") String operationContext,
    @JsonProperty("invitationId") String invitationId) {}
