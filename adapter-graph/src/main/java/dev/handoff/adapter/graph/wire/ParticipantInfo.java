package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Graph {@code participantInfo}: the transferee of a group-call transfer, or a call participant's
 * details in a notification.
 *
 * @param identity who
 * @param participantId the participant's id in the call
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantInfo(GraphIdentitySet identity, String participantId) {}
