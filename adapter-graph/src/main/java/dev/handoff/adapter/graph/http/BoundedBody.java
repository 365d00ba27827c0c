package dev.handoff.adapter.graph.http;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A UTF-8 text body that must have arrived within a bound counted from when the request was sent.
 * The request's own timeout bounds only the wait for the headers; without this, a server that sent
 * its headers and then stalled would hold the caller for ever. When the bound passes, the body is
 * cancelled and {@code HttpClient.send} throws an {@link HttpTimeoutException}.
 *
 * <p>The bounds are kept by one daemon thread for the whole adapter, started with the first
 * request: no thread is started per request.
 */
final class BoundedBody {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private BoundedBody() {}

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "handoff-graph-answer-timer");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /**
   * @param bound the longest the answer may take, headers and body
   * @return a handler of text bodies kept within the bound
   */
  static HttpResponse.BodyHandler<String> ofString(Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    return info ->
        new Subscriber(
            HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), deadline, bound);
  }

  /** Hands the body to the JDK's text subscriber, unless the bound passes first. */
  private static final class Subscriber implements HttpResponse.BodySubscriber<String> {
    private final HttpResponse.BodySubscriber<String> text;
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private final long deadline;
    private final Duration bound;

    Subscriber(HttpResponse.BodySubscriber<String> text, long deadline, Duration bound) {
      this.text = text;
      this.deadline = deadline;
      this.bound = bound;
      text.getBody()
          .whenComplete(
              (value, failure) -> {
                if (failure == null) {
                  body.complete(value);
                } else {
                  body.completeExceptionally(failure);
                }
              });
    }

    @Override
    public CompletionStage<String> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      ScheduledFuture<?> timeout =
          TIMER.schedule(
              () -> {
                if (body.completeExceptionally(
                    new HttpTimeoutException("the answer did not arrive within " + bound))) {
                  subscription.cancel();
                }
              },
              Math.max(0, deadline - System.nanoTime()),
              TimeUnit.NANOSECONDS);
      body.whenComplete((value, failure) -> timeout.cancel(false));
      text.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      text.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      text.onError(throwable);
    }

    @Override
    public void onComplete() {
      text.onComplete();
    }
  }
}
