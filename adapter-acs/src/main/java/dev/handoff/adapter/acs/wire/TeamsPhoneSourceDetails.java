package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code TeamsPhoneSourceDetails}: the entity passing the call on, as a Teams Phone agent sees it.
 *
 * @param source the entity's identity; required
 * @param language its language, ISO 639; required
 * @param status its status; required
 * @param intendedTargets who it meant the call for, by label
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamsPhoneSourceDetails(
    @JsonProperty("source") CommunicationIdentifierModel source,
    @JsonProperty("language") String language,
    @JsonProperty("status") String status,
    @JsonProperty("intendedTargets") Map<String, CommunicationIdentifierModel> intendedTargets) {}
