package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code PlaySource}: one thing to play; {@code kind} says which of its sub-objects is set.
 *
 * @param kind {@value #KIND_FILE}, {@value #KIND_TEXT} or {@code ssml}; required
 * @param playSourceCacheId an id the service may cache the media under
 * @param file an audio file
 * @param text text to speak
 * @param ssml SSML to speak
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlaySource(
    @JsonProperty("kind") String kind,
    @JsonProperty("playSourceCacheId") String playSourceCacheId,
    @JsonProperty("file") FileSource file,
    @JsonProperty("text") TextSource text,
    @JsonProperty("ssml") SsmlSource ssml) {

  /** {@code kind} of an audio file. */
  public static final String KIND_FILE = "file";

  /** {@code kind} of text to speak. */
  public static final String KIND_TEXT = "text";
}
