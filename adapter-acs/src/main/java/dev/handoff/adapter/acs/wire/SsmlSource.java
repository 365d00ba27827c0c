package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code SsmlSource}: SSML the service speaks. Handoff does not send SSML; the type completes
 * {@link PlaySource}.
 *
 * @param ssmlText the SSML; required
 * @param customVoiceEndpointId a custom voice's deployment
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SsmlSource(
    @JsonProperty("ssmlText") String ssmlText,
    @JsonProperty("customVoiceEndpointId") String customVoiceEndpointId) {}
