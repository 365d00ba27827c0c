package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code CommunicationUserIdentifierModel}: a user created with an ACS resource.
 *
 * @param id the user's id, e.g. {@code 8:acs:<resource id>_<user id>}; required
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommunicationUserIdentifierModel(@JsonProperty("id") String id) {}
