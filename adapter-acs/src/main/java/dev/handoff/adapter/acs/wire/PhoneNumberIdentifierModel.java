package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code PhoneNumberIdentifierModel}: a phone number. Used inside an identifier and, bare, as
 * {@code sourceCallerIdNumber}.
 *
 * @param value the number, usually E.164; {@code anonymous} for a withheld number; required
 * @param isAnonymous whether the number is withheld; false when absent
 * @param assertedId the asserted id, generated when one number joins one call more than once
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhoneNumberIdentifierModel(
    @JsonProperty("value") String value,
    @JsonProperty("isAnonymous") Boolean isAnonymous,
    @JsonProperty("assertedId") String assertedId) {}
