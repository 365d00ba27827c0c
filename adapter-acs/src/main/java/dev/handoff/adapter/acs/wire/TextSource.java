package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code TextSource}: text the service speaks with its text-to-speech.
 *
 * @param text what to say; required
 * @param sourceLocale the language, e.g. {@code en-US}
 * @param voiceKind {@code male} or {@code female}
 * @param voiceName the voice, e.g. {@code en-US-JennyNeural}
 * @param customVoiceEndpointId a custom voice's deployment
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TextSource(
    @JsonProperty("text") String text,
    @JsonProperty("sourceLocale") String sourceLocale,
    @JsonProperty("voiceKind") String voiceKind,
    @JsonProperty("voiceName") String voiceName,
    @JsonProperty("customVoiceEndpointId") String customVoiceEndpointId) {}
