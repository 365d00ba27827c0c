package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code MicrosoftTeamsAppIdentifierModel}: a Teams application (bot or resource account).
 *
 * @param appId the application id; required
 * @param cloud {@code public}, {@code dod} or {@code gcch}; {@code public} when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MicrosoftTeamsAppIdentifierModel(
    @JsonProperty("appId") String appId, @JsonProperty("cloud") String cloud) {}
