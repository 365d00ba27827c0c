package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code MicrosoftTeamsUserIdentifierModel}: a Teams user.
 *
 * @param userId the Entra object id, or the visitor id of an anonymous user; required
 * @param isAnonymous whether the user is an anonymous visitor; false when absent
 * @param cloud {@code public}, {@code dod} or {@code gcch}; {@code public} when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MicrosoftTeamsUserIdentifierModel(
    @JsonProperty("userId") String userId,
    @JsonProperty("isAnonymous") Boolean isAnonymous,
    @JsonProperty("cloud") String cloud) {}
