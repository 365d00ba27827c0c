package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Graph {@code invitationParticipantInfo}: who a transfer, invite or redirect goes to.
 *
 * <p>Only the members the v1.0 schema defines and Handoff can fill are modelled: {@code
 * endpointType} (beta only), {@code hidden}, {@code participantId} and {@code
 * removeFromDefaultAudioRoutingGroup} have no counterpart in the domain, and the doc examples'
 * {@code languageId} and {@code region} are in no schema.
 *
 * @param identity who
 * @param replacesCallId the consultation call the target is in (consultative transfer)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvitationParticipantInfo(GraphIdentitySet identity, String replacesCallId) {}
