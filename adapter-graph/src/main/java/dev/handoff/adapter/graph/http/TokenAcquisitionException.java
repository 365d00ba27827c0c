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

  /** The endpoint's HTTP status, null when it did not answer. */
  private final Integer httpStatus;

  /** The OAuth error code, or null. */
  private final String error;

  /** The endpoint's description, or null. */
  private final String errorDescription;

  /** Entra's error codes, possibly empty. */
  private final List<Long> errorCodes;

  /** Entra's trace id, or null. */
  private final String traceId;

  /** Entra's correlation id, or null. */
  private final String correlationId;

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
    this.httpStatus = httpStatus;
    this.error = error;
    this.errorDescription = errorDescription;
    this.errorCodes = errorCodes == null ? List.of() : List.copyOf(errorCodes);
    this.traceId = traceId;
    this.correlationId = correlationId;
  }

  /**
   * No answer from the token endpoint.
   *
   * @param message what went wrong, for people
   * @param cause the transport failure
   */
  public TokenAcquisitionException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = null;
    this.error = null;
    this.errorDescription = null;
    this.errorCodes = List.of();
    this.traceId = null;
    this.correlationId = null;
  }

  /**
   * @return the token endpoint's HTTP status, when it answered
   */
  public OptionalInt httpStatus() {
    return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /**
   * @return the OAuth error code, e.g. {@code invalid_client}
   */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /**
   * @return the endpoint's description of the error
   */
  public Optional<String> errorDescription() {
    return Optional.ofNullable(errorDescription);
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
    return Optional.ofNullable(traceId);
  }

  /**
   * @return Entra's correlation id
   */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /**
   * @return whether asking again later may succeed: no answer, throttling or a server error
   */
  public boolean retryable() {
    return httpStatus == null || httpStatus == 429 || httpStatus >= 500;
  }
}
