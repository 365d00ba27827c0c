package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code TransferCallResponse}: the 202 body of a transfer ({@code {}} when no operation context
 * was sent).
 *
 * @param operationContext the echoed operation context
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferCallResponse(@JsonProperty("operationContext") String operationContext) {}
