package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code CommunicationErrorResponse}: the body of every error answer.
 *
 * @param error the error; required
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommunicationErrorResponse(@JsonProperty("error") CommunicationError error) {}
