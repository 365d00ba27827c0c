package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The token endpoint's error answer (Microsoft Entra ID).
 *
 * @param error the OAuth error, e.g. {@code invalid_client}
 * @param errorDescription the description, e.g. {@code AADSTS7000215: Invalid client secret ...}
 * @param errorCodes the Entra error codes
 * @param traceId Entra's trace id
 * @param correlationId Entra's correlation id
 * @param timestamp when
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenErrorResponse(
    String error,
    @JsonProperty("error_description") String errorDescription,
    @JsonProperty("error_codes") List<Long> errorCodes,
    @JsonProperty("trace_id") String traceId,
    @JsonProperty("correlation_id") String correlationId,
    String timestamp) {}
