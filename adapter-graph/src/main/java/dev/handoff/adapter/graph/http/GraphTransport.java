package dev.handoff.adapter.graph.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends JSON POSTs to Graph under the no-ambiguous-retry policy.
 *
 * <p>Graph's cloud-communications actions are not idempotent and Graph has no repeatable requests,
 * so a request is sent again only when it certainly did not execute:
 *
 * <ul>
 *   <li>no connection could be opened ({@link ConnectException}, {@link
 *       HttpConnectTimeoutException}): retried after {@code connectRetryDelay}, doubled each time;
 *   <li>429 or 503 with a {@code Retry-After} header (seconds or an HTTP date): retried after that
 *       wait, when it is at most {@code maxRetryAfter} and fits in the overall deadline; each retry
 *       carries {@code Retry-Attempt: n};
 *   <li>401 once: when the token supplier, told the token was refused, hands out a different one.
 * </ul>
 *
 * Everything else ends the submission: an answer is returned as it is; a timeout after sending, a
 * connection broken while the answer was awaited or an interruption is {@link Exchange.Ambiguous}
 * and is never re-sent. The JDK client itself re-sends only idempotent methods, never a POST.
 *
 * <p>Every attempt of one submission carries the same {@code client-request-id}. Thread-safe.
 */
public final class GraphTransport {
  private static final Duration ANSWER_GRACE = Duration.ofSeconds(1);
  private static final String USER_AGENT = "Handoff-Graph-Adapter";

  private final HttpClient client;
  private final AccessTokenSupplier tokens;
  private final GraphOptions options;
  private final Clock clock;

  /**
   * @param client the HTTP client
   * @param tokens where bearer tokens come from
   * @param options timeouts, retry bounds, clock and sleeper
   */
  public GraphTransport(HttpClient client, AccessTokenSupplier tokens, GraphOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = options.clock();
  }

  /**
   * Posts a JSON body.
   *
   * @param uri where
   * @param json the body
   * @param clientRequestId the {@code client-request-id} every attempt carries
   * @return how it ended
   */
  public Exchange post(URI uri, String json, String clientRequestId) {
    return send("POST", uri, json, clientRequestId);
  }

  /**
   * Sends a request, attempted again only when it certainly did not execute, as {@link #post}.
   *
   * @param method {@code GET}, {@code POST} or {@code DELETE}
   * @param uri where
   * @param json the body; null for none
   * @param clientRequestId the {@code client-request-id} every attempt carries
   * @return how it ended
   */
  public Exchange send(String method, URI uri, String json, String clientRequestId) {
    Instant deadline = clock.instant().plus(options.overallTimeout());
    Duration connectDelay = options.connectRetryDelay();
    boolean tokenRenewed = false;
    int attempt = 0;
    while (true) {
      attempt++;
      String token;
      try {
        token = tokens.accessToken();
      } catch (RuntimeException e) {
        return new Exchange.NoToken(e);
      }
      Duration remaining = Duration.between(clock.instant(), deadline);
      if (remaining.isNegative() || remaining.isZero()) {
        return new Exchange.NotSent(
            "the overall timeout of " + options.overallTimeout() + " passed before sending",
            null,
            attempt - 1);
      }
      Duration attemptTimeout =
          remaining.compareTo(options.attemptTimeout()) < 0 ? remaining : options.attemptTimeout();
      HttpRequest request =
          request(method, uri, json, clientRequestId, token, attemptTimeout, attempt);
      HttpResponse<String> response;
      try {
        response = send(request, attemptTimeout);
      } catch (NotSentException notSent) {
        Duration wait = connectDelay;
        if (attempt < options.maxAttempts() && fits(wait, deadline)) {
          if (!sleep(wait)) {
            return new Exchange.NotSent("interrupted before retrying", notSent.getCause(), attempt);
          }
          connectDelay = connectDelay.multipliedBy(2);
          continue;
        }
        return new Exchange.NotSent(
            "no connection to " + uri.getHost() + " could be opened", notSent.getCause(), attempt);
      } catch (AmbiguousException ambiguous) {
        return new Exchange.Ambiguous(ambiguous.kind, ambiguous.getCause(), attempt);
      }
      int status = response.statusCode();
      if (status == 401 && !tokenRenewed) {
        tokenRenewed = true;
        if (renewed(token)) {
          attempt--;
          continue;
        }
      }
      if (status == 429 || status == 503) {
        Optional<Duration> retryAfter = retryAfter(response.headers());
        if (retryAfter.isPresent()
            && attempt < options.maxAttempts()
            && retryAfter.get().compareTo(options.maxRetryAfter()) <= 0
            && fits(retryAfter.get(), deadline)) {
          if (!sleep(retryAfter.get())) {
            return answered(response, attempt);
          }
          continue;
        }
      }
      return answered(response, attempt);
    }
  }

  /**
   * Reads a resource. A read changes nothing, so unlike a submission it is also repeated after an
   * ambiguous failure and after a 5xx, within {@code maxAttempts} and the overall timeout, waiting
   * {@code connectRetryDelay} (doubling), or what {@code Retry-After} asks.
   *
   * @param uri what to read
   * @param clientRequestId the {@code client-request-id} every attempt carries
   * @return how it ended: {@link Exchange.Answered} with the last answer, or why none came
   */
  public Exchange get(URI uri, String clientRequestId) {
    Instant deadline = clock.instant().plus(options.overallTimeout());
    Duration delay = options.connectRetryDelay();
    boolean tokenRenewed = false;
    int attempt = 0;
    while (true) {
      attempt++;
      String token;
      try {
        token = tokens.accessToken();
      } catch (RuntimeException e) {
        return new Exchange.NoToken(e);
      }
      Duration remaining = Duration.between(clock.instant(), deadline);
      if (remaining.isNegative() || remaining.isZero()) {
        return new Exchange.NotSent(
            "the overall timeout of " + options.overallTimeout() + " passed before sending",
            null,
            attempt - 1);
      }
      Duration attemptTimeout =
          remaining.compareTo(options.attemptTimeout()) < 0 ? remaining : options.attemptTimeout();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(attemptTimeout)
              .header("Authorization", "Bearer " + token)
              .header("Accept", "application/json")
              .header("client-request-id", clientRequestId)
              .header("User-Agent", USER_AGENT)
              .GET();
      if (attempt > 1) {
        request.header("Retry-Attempt", Integer.toString(attempt - 1));
      }
      Exchange failed;
      HttpResponse<String> response = null;
      try {
        response = send(request.build(), attemptTimeout);
        failed = null;
      } catch (NotSentException notSent) {
        failed =
            new Exchange.NotSent(
                "no connection to " + uri.getHost() + " could be opened",
                notSent.getCause(),
                attempt);
      } catch (AmbiguousException ambiguous) {
        failed = new Exchange.Ambiguous(ambiguous.kind, ambiguous.getCause(), attempt);
      }
      Duration wait = delay;
      if (response != null) {
        int status = response.statusCode();
        if (status == 401 && !tokenRenewed) {
          tokenRenewed = true;
          if (renewed(token)) {
            attempt--;
            continue;
          }
        }
        boolean busy = status == 429 || (status >= 500 && status != 501 && status != 505);
        if (!busy) {
          return answered(response, attempt);
        }
        Optional<Duration> asked = retryAfter(response.headers());
        if (asked.isPresent()) {
          if (asked.get().compareTo(options.maxRetryAfter()) > 0) {
            return answered(response, attempt);
          }
          wait = asked.get();
        }
        failed = answered(response, attempt);
      }
      if (attempt >= options.maxAttempts() || !fits(wait, deadline) || !sleep(wait)) {
        return failed;
      }
      delay = delay.multipliedBy(2);
    }
  }

  private boolean renewed(String refused) {
    try {
      tokens.invalidate(refused);
      return !refused.equals(tokens.accessToken());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Exchange answered(HttpResponse<String> response, int attempt) {
    return new Exchange.Answered(
        response.statusCode(), response.headers(), response.body(), attempt);
  }

  private boolean fits(Duration wait, Instant deadline) {
    return clock.instant().plus(wait).isBefore(deadline);
  }

  private boolean sleep(Duration wait) {
    try {
      options.sleeper().sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static HttpRequest request(
      String method,
      URI uri,
      String json,
      String clientRequestId,
      String token,
      Duration timeout,
      int attempt) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("client-request-id", clientRequestId)
            .header("User-Agent", USER_AGENT)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    if (attempt > 1) {
      builder.header("Retry-Attempt", Integer.toString(attempt - 1));
    }
    return builder.build();
  }

  /**
   * Sends one attempt synchronously on the calling thread. {@code sendAsync} is not used: on JDK 17
   * it completes every response through {@code CompletableFuture}'s default executor, which starts
   * a new thread per completion wherever the common pool has fewer than two threads (two cores or
   * fewer), and nothing else of the adapter needs a future.
   */
  private HttpResponse<String> send(HttpRequest request, Duration timeout)
      throws NotSentException, AmbiguousException {
    try {
      return client.send(request, BoundedBody.ofString(timeout.plus(ANSWER_GRACE)));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new NotSentException(e);
    } catch (HttpTimeoutException e) {
      throw new AmbiguousException(Exchange.Ambiguous.Kind.TIMEOUT, e);
    } catch (IOException e) {
      // Any other failure may have come after the request left: never assume it did not.
      throw new AmbiguousException(Exchange.Ambiguous.Kind.BROKEN, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AmbiguousException(Exchange.Ambiguous.Kind.INTERRUPTED, e);
    }
  }

  /**
   * @param headers response headers
   * @return the {@code Retry-After} wait, when the header is present and readable
   */
  Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
    if (value.isEmpty() || value.get().isEmpty()) {
      return Optional.empty();
    }
    String text = value.get();
    if (text.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
      } catch (NumberFormatException tooLarge) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(clock.instant(), at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }

  /** The request certainly did not leave: no connection was opened. */
  private static final class NotSentException extends Exception {
    private static final long serialVersionUID = 1L;

    NotSentException(Throwable cause) {
      super(cause);
    }
  }

  /** The request may have been carried out. */
  private static final class AmbiguousException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Exchange.Ambiguous.Kind kind;

    AmbiguousException(Exchange.Ambiguous.Kind kind, Throwable cause) {
      super(cause);
      this.kind = kind;
    }
  }
}
