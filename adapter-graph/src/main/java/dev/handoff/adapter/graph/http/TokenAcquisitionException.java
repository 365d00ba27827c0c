package dev.handoff.adapter.graph.http;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * No access token could be obtained. Carries what the token endpoint said, when it said anything
 * (Microsoft Entra error answers: {@code error}, {@code error_description}, {@code error_codes},
 * {@code trace_id}, {@code correlation_id}).
 */
public final class TokenAcquisitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final OptionalInt httpStatus;
  private final Optional<String> error;
  private final Optional<String> errorDescription;
  private final List<Long> errorCodes;
  private final Optional<String> traceId;
  private final Optional<String> correlationId;

  /**
   * An answer from the token endpoint that is not a token.
   *
   * @param message what went wrong, for people
   * @param httpStatus the endpoint's HTTP status
   * @param error the OAuth error code, e.g. {@code invalid_client}
   * @param errorDescription the endpoint's description
   * @param errorCodes Entra's error codes
   * @param traceId Entra's trace id
   * @param correlationId Entra's correlation id
   */
  public TokenAcquisitionException(
      String message,
      int httpStatus,
      String error,
      String errorDescription,
      List<Long> errorCodes,
      String traceId,
      String correlationId) {
    super(message);
    this.httpStatus = OptionalInt.of(httpStatus);
    this.error = Optional.ofNullable(error);
    this.errorDescription = Optional.ofNullable(errorDescription);
    this.errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
    this.traceId = Optional.ofNullable(traceId);
    this.correlationId = Optional.ofNullable(correlationId);
  }

  /**
   * No answer from the token endpoint.
   *
   * @param message what went wrong, for people
   * @param cause the transport failure
   */
  public TokenAcquisitionException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = OptionalInt.empty();
    this.error = Optional.empty();
    this.errorDescription = Optional.empty();
    this.errorCodes = List.of();
    this.traceId = Optional.empty();
    this.correlationId = Optional.empty();
  }

  /**
   * @return the token endpoint's HTTP status, when it answered
   */
  public OptionalInt httpStatus() {
    return httpStatus;
  }

  /**
   * @return the OAuth error code, e.g. {@code invalid_client}
   */
  public Optional<String> error() {
    return error;
  }

  /**
   * @return the endpoint's description of the error
   */
  public Optional<String> errorDescription() {
    return errorDescription;
  }

  /**
   * @return Entra's numeric error codes (e.g. 7000215 for an invalid secret)
   */
  public List<Long> errorCodes() {
    return errorCodes;
  }

  /**
   * @return Entra's trace id
   */
  public Optional<String> traceId() {
    return traceId;
  }

  /**
   * @return Entra's correlation id
   */
  public Optional<String> correlationId() {
    return correlationId;
  }

  /**
   * @return whether asking again later may succeed: no answer, throttling or a server error
   */
  public boolean retryable() {
    return httpStatus.isEmpty() || httpStatus.getAsInt() == 429 || httpStatus.getAsInt() >= 500;
  }
}
