package dev.handoff.adapter.acs.http;

import dev.handoff.domain.operation.SubmissionToken;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends one ACS request, with retries.
 *
 * <p>Every attempt carries the same {@code Repeatability-Request-ID}, {@code
 * Repeatability-First-Sent} (from the operation's {@link SubmissionToken}) and {@code
 * x-ms-client-request-id}, and a fresh date and signature, so that the service executes the request
 * at most once however many attempts reach it.
 *
 * <p>Attempts are repeated on 408, 429 and 5xx other than 501 and 505, and on I/O errors and
 * timeouts, up to {@link TransportSettings#maxAttempts()}. The delay before a retry is what the
 * service asks for ({@link RetryAfter}), else the {@link Backoff}. No attempt starts, and no wait
 * begins, that would end after the overall deadline; each attempt's timeout is cut to the time
 * left.
 *
 * <p>Requests are pinned to HTTP/1.1, so that the Host header the HMAC signature covers is the one
 * sent. Thread-safe.
 */
public final class AcsHttpTransport {
  /** Header: the client's request id, the same on every attempt of one request. */
  public static final String CLIENT_REQUEST_ID = "x-ms-client-request-id";

  /** Header: the repeatability id. */
  public static final String REPEATABILITY_REQUEST_ID = "Repeatability-Request-ID";

  /** Header: when the request was first sent. */
  public static final String REPEATABILITY_FIRST_SENT = "Repeatability-First-Sent";

  private static final String USER_AGENT =
      "handoff-adapter-acs (Java " + System.getProperty("java.version") + ")";

  private final HttpClient client;
  private final RequestAuthenticator authenticator;
  private final TransportSettings settings;

  /**
   * @param client the HTTP client
   * @param authenticator how requests are authenticated
   * @param settings how requests are attempted
   */
  public AcsHttpTransport(
      HttpClient client, RequestAuthenticator authenticator, TransportSettings settings) {
    this.client = Objects.requireNonNull(client, "client");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * @param uri the request URI
   * @param body the JSON body
   * @param token the operation's submission token
   * @param clientRequestId the client request id for all attempts
   * @return how the attempts ended; never throws for network or service failures
   */
  public Exchange post(URI uri, byte[] body, SubmissionToken token, String clientRequestId) {
    return send(
        "POST",
        uri,
        body,
        Optional.of(Objects.requireNonNull(token, "token")),
        Mode.REPEATABLE,
        clientRequestId);
  }

  /**
   * Reads a resource, with the same retries as {@link #post} (a read is safe to repeat).
   *
   * @param uri the request URI
   * @param clientRequestId the client request id for all attempts
   * @return how the attempts ended; never throws for network or service failures
   */
  public Exchange get(URI uri, String clientRequestId) {
    return send("GET", uri, null, Mode.SAME_EFFECT, clientRequestId);
  }

  /**
   * How a request may be attempted again.
   *
   * <ul>
   *   <li>{@link #REPEATABLE}: it carries the repeatability headers, so every retryable failure is
   *       attempted again.
   *   <li>{@link #SAME_EFFECT}: it has no repeatability headers, but executing it twice has the
   *       effect of executing it once (a read, a hold, a hang-up): attempted again as {@link
   *       #REPEATABLE}.
   *   <li>{@link #ONCE}: it must not execute twice (playing a prompt): attempted again only when
   *       the earlier attempt certainly did not execute (no connection, throttled).
   * </ul>
   */
  public enum Mode {
    /** Carries repeatability headers; retried on every retryable failure. */
    REPEATABLE,
    /** Executing it twice is executing it once; retried on every retryable failure. */
    SAME_EFFECT,
    /** Must not execute twice; retried only when it certainly did not execute. */
    ONCE
  }

  /**
   * Sends a request that the operations spec gives no repeatability headers, or a read.
   *
   * @param method {@code GET}, {@code POST} or {@code DELETE}
   * @param uri the request URI
   * @param body the JSON body; null for none
   * @param mode how it may be attempted again; not {@link Mode#REPEATABLE}
   * @param clientRequestId the client request id for all attempts
   * @return how the attempts ended; never throws for network or service failures
   */
  public Exchange send(String method, URI uri, byte[] body, Mode mode, String clientRequestId) {
    if (mode == Mode.REPEATABLE) {
      throw new IllegalArgumentException("a repeatable request needs its submission token");
    }
    return send(method, uri, body, Optional.empty(), mode, clientRequestId);
  }

  private Exchange send(
      String method,
      URI uri,
      byte[] body,
      Optional<SubmissionToken> token,
      Mode mode,
      String clientRequestId) {
    Instant deadline = settings.clock().instant().plus(settings.deadline());
    int attempts = 0;
    boolean unknownFate = false;
    Exchange last = null;
    while (true) {
      Duration left = Duration.between(settings.clock().instant(), deadline);
      if (left.isZero() || left.isNegative()) {
        return deadlineReached(last, attempts, unknownFate);
      }
      Duration timeout = min(settings.attemptTimeout(), left);
      Attempt attempt = attempt(method, uri, body, token, clientRequestId, timeout);
      attempts++;
      if (attempt.response != null) {
        HttpResponse<byte[]> response = attempt.response;
        boolean again =
            mode == Mode.ONCE
                ? response.statusCode() == 429
                : isRetryableStatus(response.statusCode());
        if (!again) {
          return answered(response, attempts, unknownFate, Optional.empty());
        }
        last = answered(response, attempts, unknownFate, Optional.empty());
      } else {
        last = attempt.failure;
        unknownFate |= attempt.failure.mayHaveReachedService();
        boolean again =
            mode == Mode.ONCE
                ? attempt.failure.kind() == Exchange.Kind.CONNECT_FAILED
                : isRetryable(attempt.failure.kind());
        if (!again) {
          return new Exchange.Unanswered(
              attempt.failure.kind(), attempt.failure.detail(), attempts, unknownFate);
        }
      }
      if (attempts >= settings.maxAttempts()) {
        return settings.maxAttempts() == 1
            ? last
            : stop(last, attempts, unknownFate, "all " + attempts + " attempts were used");
      }
      Duration delay = delayBefore(attempts, last);
      Instant now = settings.clock().instant();
      if (!now.plus(delay).isBefore(deadline)) {
        return stop(
            last,
            attempts,
            unknownFate,
            "waiting "
                + delay
                + " for attempt "
                + (attempts + 1)
                + " would pass the deadline of "
                + settings.deadline());
      }
      try {
        settings.sleeper().sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Exchange.Unanswered(
            Exchange.Kind.INTERRUPTED,
            "interrupted while waiting to retry after attempt " + attempts,
            attempts,
            unknownFate);
      }
    }
  }

  private Exchange deadlineReached(Exchange last, int attempts, boolean unknownFate) {
    if (last == null) {
      return new Exchange.Unanswered(
          Exchange.Kind.DEADLINE,
          "the deadline of " + settings.deadline() + " passed before the first attempt",
          0,
          false);
    }
    return stop(last, attempts, unknownFate, "the deadline of " + settings.deadline() + " passed");
  }

  private static Exchange stop(Exchange last, int attempts, boolean unknownFate, String why) {
    if (last instanceof Exchange.Answered) {
      Exchange.Answered answered = (Exchange.Answered) last;
      return new Exchange.Answered(
          answered.status(),
          answered.headers(),
          answered.body(),
          attempts,
          answered.earlierAttemptUnknown(),
          Optional.of(why));
    }
    Exchange.Unanswered unanswered = (Exchange.Unanswered) last;
    return new Exchange.Unanswered(
        unanswered.kind(), unanswered.detail() + "; gave up: " + why, attempts, unknownFate);
  }

  private static Exchange.Answered answered(
      HttpResponse<byte[]> response, int attempts, boolean unknownFate, Optional<String> gaveUp) {
    return new Exchange.Answered(
        response.statusCode(), response.headers(), response.body(), attempts, unknownFate, gaveUp);
  }

  private Duration delayBefore(int attemptsSoFar, Exchange last) {
    if (last instanceof Exchange.Answered) {
      Optional<Duration> asked =
          RetryAfter.of(((Exchange.Answered) last).headers(), settings.clock().instant());
      if (asked.isPresent()) {
        return asked.get();
      }
    }
    return settings.backoff().delayBefore(attemptsSoFar, settings.random().getAsDouble());
  }

  /** One attempt's outcome: a response, or a failure. */
  private static final class Attempt {
    private final HttpResponse<byte[]> response;
    private final Exchange.Unanswered failure;

    private Attempt(HttpResponse<byte[]> response, Exchange.Unanswered failure) {
      this.response = response;
      this.failure = failure;
    }
  }

  private Attempt attempt(
      String method,
      URI uri,
      byte[] body,
      Optional<SubmissionToken> token,
      String clientRequestId,
      Duration timeout) {
    byte[] signed = body == null ? new byte[0] : body;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .version(HttpClient.Version.HTTP_1_1)
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT)
            .header(CLIENT_REQUEST_ID, clientRequestId)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    token.ifPresent(
        t ->
            request
                .header(REPEATABILITY_REQUEST_ID, t.requestId().toString())
                .header(REPEATABILITY_FIRST_SENT, HttpDates.format(t.firstSent())));
    try {
      authenticator
          .headers(method, uri, signed, settings.clock().instant())
          .forEach(request::header);
    } catch (RequestAuthenticator.CredentialUnavailableException e) {
      return new Attempt(
          null,
          new Exchange.Unanswered(Exchange.Kind.CREDENTIAL_UNAVAILABLE, e.getMessage(), 1, false));
    }
    try {
      return new Attempt(
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()), null);
    } catch (HttpConnectTimeoutException e) {
      return failed(Exchange.Kind.CONNECT_FAILED, "connecting timed out after " + timeout, false);
    } catch (HttpTimeoutException e) {
      return failed(Exchange.Kind.TIMEOUT, "no answer within " + timeout, true);
    } catch (ConnectException | SSLHandshakeException e) {
      return failed(Exchange.Kind.CONNECT_FAILED, "could not connect: " + e, false);
    } catch (IOException e) {
      return failed(Exchange.Kind.IO_ERROR, "the exchange failed: " + e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(Exchange.Kind.INTERRUPTED, "interrupted while waiting for the answer", true);
    }
  }

  private static Attempt failed(Exchange.Kind kind, String detail, boolean mayHaveReachedService) {
    return new Attempt(null, new Exchange.Unanswered(kind, detail, 1, mayHaveReachedService));
  }

  private static boolean isRetryable(Exchange.Kind kind) {
    return kind == Exchange.Kind.CONNECT_FAILED
        || kind == Exchange.Kind.TIMEOUT
        || kind == Exchange.Kind.IO_ERROR;
  }

  /**
   * @param status an HTTP status
   * @return whether an attempt that got it is repeated: 408, 429, and 5xx except 501 and 505
   */
  public static boolean isRetryableStatus(int status) {
    return status == 408
        || status == 429
        || (status >= 500 && status <= 599 && status != 501 && status != 505);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
