package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code SipDiagnosticInfo}: a SIP response code or Q.850 cause with its text.
 *
 * @param code the code
 * @param message the text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SipDiagnosticInfo(
    @JsonProperty("code") Integer code, @JsonProperty("message") String message) {}
