package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GetParticipantsResponse}: the 200 answer to {@code GET
 * /calling/callConnections/{callConnectionId}/participants}.
 *
 * @param value the call's participants (recording and transcription bots are left out); required
 * @param nextLink where the list continues, when it does
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetParticipantsResponse(
    @JsonProperty("value") List<CallParticipant> value,
    @JsonProperty("nextLink") String nextLink) {}
