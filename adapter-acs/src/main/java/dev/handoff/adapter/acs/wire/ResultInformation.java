package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code ResultInformation}: the outcome an event reports.
 *
 * @param code the code, following SIP classes (200, 487, 603, ...)
 * @param subCode the Call Automation sub-code (0 for success, 7015, 8538, ...)
 * @param message the service's message
 * @param sipDetails the SIP response behind the result
 * @param q850Details the Q.850 cause behind the result
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultInformation(
    @JsonProperty("code") Integer code,
    @JsonProperty("subCode") Integer subCode,
    @JsonProperty("message") String message,
    @JsonProperty("sipDetails") SipDiagnosticInfo sipDetails,
    @JsonProperty("q850Details") SipDiagnosticInfo q850Details) {}
