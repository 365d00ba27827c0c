package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /communications/calls/{id}/participants/{id}/startHoldMusic}.
 *
 * @param customPrompt what the participant hears on hold; Graph's hold music when absent
 * @param clientContext echoed in the operation's notifications (at most 256 characters)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartHoldMusicRequest(MediaPrompt customPrompt, String clientContext) {}
