package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code CommunicationError}. Call Automation puts its sub-code here as a string, e.g. {@code
 * {"code":"8522","message":"Call not found."}}.
 *
 * @param code the error code; required
 * @param message the error message; required
 * @param target the error target
 * @param details further errors that led to this one
 * @param innererror the inner error
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommunicationError(
    @JsonProperty("code") String code,
    @JsonProperty("message") String message,
    @JsonProperty("target") String target,
    @JsonProperty("details") List<CommunicationError> details,
    @JsonProperty("innererror") CommunicationError innererror) {}
