package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Graph {@code identity} or one of its derived types ({@code communicationsUserIdentity}, {@code
 * communicationsApplicationInstanceIdentity}, {@code azureCommunicationServicesUserIdentity}, ...).
 *
 * @param odataType the derived type, when stated
 * @param id the identity's id: an Entra object id, an application id, an E.164 number
 * @param displayName the display name
 * @param tenantId the tenant of a user or an application instance
 * @param azureCommunicationServicesResourceId the ACS resource of an ACS user (read only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GraphIdentity(
    @JsonProperty("@odata.type") String odataType,
    String id,
    String displayName,
    String tenantId,
    String azureCommunicationServicesResourceId) {}
