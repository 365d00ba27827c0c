package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The members of a Graph {@code call} the adapter reads from a {@code GET} or a create answer.
 *
 * @param id the call id
 * @param state the call state
 * @param myParticipantId the application's own participant id in the call
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallSummary(String id, String state, String myParticipantId) {}
