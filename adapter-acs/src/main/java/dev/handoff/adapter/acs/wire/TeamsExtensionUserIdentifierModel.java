package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code TeamsExtensionUserIdentifierModel}: a Teams Phone user reached through an ACS resource.
 *
 * @param userId the user's Entra object id; required
 * @param tenantId the user's tenant; required
 * @param resourceId the ACS resource id; required
 * @param cloud {@code public}, {@code dod} or {@code gcch}; {@code public} when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamsExtensionUserIdentifierModel(
    @JsonProperty("userId") String userId,
    @JsonProperty("tenantId") String tenantId,
    @JsonProperty("resourceId") String resourceId,
    @JsonProperty("cloud") String cloud) {}
