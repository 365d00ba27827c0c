package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code CancelAddParticipantResponse}: the 202 body of a cancellation.
 *
 * @param invitationId the invitation being withdrawn
 * @param operationContext the echoed operation context
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CancelAddParticipantResponse(
    @JsonProperty("invitationId") String invitationId,
    @JsonProperty("operationContext") String operationContext) {}
