package dev.handoff.adapter.graph.http;

import java.net.http.HttpHeaders;
import java.util.Objects;

/** How one submission to Graph ended, after the transport's retries. */
public sealed interface Exchange
    permits Exchange.Answered, Exchange.NotSent, Exchange.Ambiguous, Exchange.NoToken {

  /**
   * @return how many attempts were made
   */
  int attempts();

  /**
   * Graph answered (any status; retries, if any, are over).
   *
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the response body, possibly empty
   * @param attempts attempts made
   */
  record Answered(int status, HttpHeaders headers, String body, int attempts) implements Exchange {
    /** Validates the parts. */
    public Answered {
      Objects.requireNonNull(headers, "headers");
      body = body == null ? "" : body;
    }
  }

  /**
   * The request certainly did not reach Graph: no connection could be opened, on any attempt.
   *
   * @param reason what happened, for people
   * @param cause the last failure
   * @param attempts attempts made
   */
  record NotSent(String reason, Throwable cause, int attempts) implements Exchange {}

  /**
   * The request may have reached Graph and been carried out, but no answer came: a timeout after
   * sending, or the connection broke while the answer was awaited. It is never sent again.
   *
   * @param kind what happened
   * @param cause the failure
   * @param attempts attempts made
   */
  record Ambiguous(Kind kind, Throwable cause, int attempts) implements Exchange {
    /** What made the outcome unknown. */
    public enum Kind {
      /** No answer within the attempt timeout after the request was sent. */
      TIMEOUT,
      /** The connection failed after the request was (or may have been) sent. */
      BROKEN,
      /** The thread was interrupted while the answer was awaited. */
      INTERRUPTED
    }
  }

  /**
   * No access token could be had, so nothing was sent.
   *
   * @param cause the token supplier's failure
   */
  record NoToken(RuntimeException cause) implements Exchange {
    @Override
    public int attempts() {
      return 0;
    }
  }
}
