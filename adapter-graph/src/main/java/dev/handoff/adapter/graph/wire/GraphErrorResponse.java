package dev.handoff.adapter.graph.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Graph's error body: one {@code error} object (its {@code code}, {@code message} and {@code
 * innerError}).
 *
 * @param error the error
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GraphErrorResponse(Error error) {

  /**
   * The error.
   *
   * @param code the code; for cloud communications usually a number as text, e.g. {@code "8522"}
   * @param message the message
   * @param innerError correlation details and, for throttling, a nested code
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Error(
      String code, String message, @JsonAlias("innererror") InnerError innerError) {}

  /**
   * The inner error.
   *
   * @param code a more specific code, when given
   * @param date when Graph handled the request
   * @param requestId Graph's request id
   * @param clientRequestId the client request id Graph received
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record InnerError(
      String code,
      String date,
      @JsonProperty("request-id") String requestId,
      @JsonProperty("client-request-id") String clientRequestId) {}
}
