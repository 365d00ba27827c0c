package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code FileSource}.
 *
 * @param uri where the audio file is; required
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileSource(@JsonProperty("uri") String uri) {}
