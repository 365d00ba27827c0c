package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Graph {@code incomingContext}: how an incoming call arrived.
 *
 * @param sourceParticipantId the participant that placed the call
 * @param observedParticipantId the participant observed by the bot
 * @param onBehalfOf on whose behalf the call was placed
 * @param transferor who transferred the call here
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncomingContext(
    String sourceParticipantId,
    String observedParticipantId,
    GraphIdentitySet onBehalfOf,
    GraphIdentitySet transferor) {}
