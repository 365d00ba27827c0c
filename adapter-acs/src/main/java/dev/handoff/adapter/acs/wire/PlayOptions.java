package dev.handoff.adapter.acs.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code PlayOptions}.
 *
 * @param loop whether the sources play in a loop; required
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlayOptions(@JsonProperty("loop") Boolean loop) {}
