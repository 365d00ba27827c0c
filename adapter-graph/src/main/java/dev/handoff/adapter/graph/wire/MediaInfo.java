package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Graph {@code mediaInfo}: an audio file the service fetches.
 *
 * @param odataType {@value #TYPE}
 * @param uri where the file is
 * @param resourceId an id the service may cache the media under
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaInfo(
    @JsonProperty("@odata.type") String odataType, String uri, String resourceId) {
  /** The type name. */
  public static final String TYPE = "#microsoft.graph.mediaInfo";
}
