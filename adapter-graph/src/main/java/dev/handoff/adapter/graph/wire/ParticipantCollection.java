package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The answer to {@code GET /communications/calls/{id}/participants}.
 *
 * @param value the participants, the application itself included
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantCollection(List<ParticipantResource> value) {}
