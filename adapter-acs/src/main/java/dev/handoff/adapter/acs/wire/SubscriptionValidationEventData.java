package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code data} of Event Grid's {@code Microsoft.EventGrid.SubscriptionValidationEvent}.
 *
 * @param validationCode the code to echo back to prove ownership of the endpoint
 * @param validationUrl a URL to GET instead, for manual validation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionValidationEventData(
    @JsonProperty("validationCode") String validationCode,
    @JsonProperty("validationUrl") String validationUrl) {}
