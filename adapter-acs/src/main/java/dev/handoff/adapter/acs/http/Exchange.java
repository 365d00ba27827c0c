package dev.handoff.adapter.acs.http;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** How the attempts of one request ended. */
public sealed interface Exchange permits Exchange.Answered, Exchange.Unanswered {

  /**
   * @return how many attempts were made
   */
  int attempts();

  /**
   * The service answered the last attempt.
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the response body
   * @param attempts how many attempts were made
   * @param earlierAttemptUnknown whether an earlier attempt got no answer after it may have reached
   *     the service
   * @param gaveUp why no further attempt was made although the status is retryable; empty when the
   *     status is not retryable
   */
  record Answered(
      int status,
      HttpHeaders headers,
      byte[] body,
      int attempts,
      boolean earlierAttemptUnknown,
      Optional<String> gaveUp)
      implements Exchange {}

  /**
   * No attempt was answered.
   *
   * @param kind what went wrong last
   * @param detail what went wrong, for people
   * @param attempts how many attempts were made (0 when none could start)
   * @param mayHaveReachedService whether any attempt may have reached the service
   */
  record Unanswered(Kind kind, String detail, int attempts, boolean mayHaveReachedService)
      implements Exchange {}

  /** Why an attempt got no answer. */
  enum Kind {
    /** The connection could not be made: nothing was sent. */
    CONNECT_FAILED,
    /** No answer within the attempt's timeout. */
    TIMEOUT,
    /** The connection failed while the request or the answer was under way. */
    IO_ERROR,
    /** The overall deadline left no time for (another) attempt. */
    DEADLINE,
    /** The thread was interrupted. */
    INTERRUPTED,
    /** No credential could be had: nothing was sent. */
    CREDENTIAL_UNAVAILABLE
  }
}
