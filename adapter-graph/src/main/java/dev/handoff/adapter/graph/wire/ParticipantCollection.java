package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of {@code GET /communications/calls/{id}/participants}.
 *
 * @param value the participants on this page, the application itself included
 * @param nextLink where the next page is, when there is one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantCollection(
    List<ParticipantResource> value, @JsonProperty("@odata.nextLink") String nextLink) {}
