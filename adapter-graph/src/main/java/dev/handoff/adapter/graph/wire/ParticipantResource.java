package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Graph {@code participant} of a roster notification.
 *
 * @param odataType the type, when stated
 * @param id the participant's id in the call
 * @param info who the participant is
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantResource(
    @JsonProperty("@odata.type") String odataType, String id, ParticipantInfo info) {}
