package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code CallParticipant}: a participant of a call.
 *
 * @param identifier who it is
 * @param isMuted whether the participant is muted
 * @param isOnHold whether the participant is on hold
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallParticipant(
    @JsonProperty("identifier") CommunicationIdentifierModel identifier,
    @JsonProperty("isMuted") Boolean isMuted,
    @JsonProperty("isOnHold") Boolean isOnHold) {}
