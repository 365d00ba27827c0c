package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code PlayRequest}: body of {@code POST /calling/callConnections/{callConnectionId}:play}.
 *
 * @param playSources what is played; required
 * @param playTo who hears it; everyone in the call when absent
 * @param interruptCallMediaOperation whether the play may barge into queued or playing media
 * @param playOptions whether to loop
 * @param operationContext echoed in the events
 * @param operationCallbackUri where this operation's events go instead of the call's callback
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlayRequest(
    @JsonProperty("playSources") List<PlaySource> playSources,
    @JsonProperty("playTo") List<CommunicationIdentifierModel> playTo,
    @JsonProperty("interruptCallMediaOperation") Boolean interruptCallMediaOperation,
    @JsonProperty("playOptions") PlayOptions playOptions,
    @JsonProperty("operationContext") String operationContext,
    @JsonProperty("operationCallbackUri") String operationCallbackUri) {}
