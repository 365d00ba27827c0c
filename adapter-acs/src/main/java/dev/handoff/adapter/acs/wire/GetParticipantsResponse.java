package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GetParticipantsResponse}: one page of the 200 answer to {@code GET
 * /calling/callConnections/{callConnectionId}/participants}.
 *
 * @param value the participants on this page (recording and transcription bots are left out);
 *     required
 * @param nextLink where the next page is, when there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetParticipantsResponse(
    @JsonProperty("value") List<CallParticipant> value,
    @JsonProperty("nextLink") String nextLink) {}
