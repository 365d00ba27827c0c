package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Graph {@code mediaPrompt}: a prompt played from an audio file (service-hosted media plays files
 * only; it has no text-to-speech).
 *
 * @param odataType {@value #TYPE}
 * @param mediaInfo the audio file
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaPrompt(@JsonProperty("@odata.type") String odataType, MediaInfo mediaInfo) {
  /** The type name. */
  public static final String TYPE = "#microsoft.graph.mediaPrompt";
}
