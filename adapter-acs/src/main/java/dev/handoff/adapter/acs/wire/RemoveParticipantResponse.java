package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code RemoveParticipantResponse}: the 202 answer to a removal.
 *
 * @param operationContext the operation context the request carried
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemoveParticipantResponse(
    @JsonProperty("operationContext") String operationContext) {}
