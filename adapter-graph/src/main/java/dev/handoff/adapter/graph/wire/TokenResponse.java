package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The token endpoint's success answer (OAuth 2.0 client credentials).
 *
 * @param tokenType {@code Bearer}
 * @param expiresIn seconds until the token expires
 * @param accessToken the token
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenResponse(
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") Long expiresIn,
    @JsonProperty("access_token") String accessToken) {}
