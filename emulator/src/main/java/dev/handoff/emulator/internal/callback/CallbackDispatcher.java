package dev.handoff.emulator.internal.callback;

import dev.handoff.emulator.EmulatorSettings;
import dev.handoff.emulator.fault.CallbackFault;
import dev.handoff.emulator.internal.state.FaultEngine;
import dev.handoff.emulator.internal.state.JournalStore;
import dev.handoff.emulator.internal.state.JournalStore.CallbackEntry;
import dev.handoff.emulator.journal.DeliveryAttempt;
import dev.handoff.emulator.journal.SentCallback;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Delivers callbacks as a provider would: in order per lane (a call), retried with exponential
 * backoff while the receiver fails or is unreachable, and subject to the injected callback faults
 * (lost, duplicated, reordered). Every callback is journaled.
 */
public final class CallbackDispatcher {

  private final EmulatorSettings settings;
  private final JournalStore journal;
  private final FaultEngine faults;
  private final ScheduledExecutorService scheduler;
  // Deliveries block one of these threads for their exchange. The JDK client's sendAsync would
  // complete its future through the common pool, which on a 2-core machine has no thread to spare
  // and so starts a new thread for every callback. The client itself runs its steps on the thread
  // that drives them (its selector or the sender): bodies are only collected, nothing blocks, and
  // a callback then reaches its receiver without waking a pool thread on the way.
  private final ExecutorService deliveries;
  private final HttpClient client;
  private final Map<String, Lane> lanes = new HashMap<>();
  private final CallbackContract contract;

  /**
   * Creates a dispatcher that uses the scheduler for retries and reorder holds, and sends only
   * callbacks within their provider's contract.
   */
  public CallbackDispatcher(
      EmulatorSettings settings,
      JournalStore journal,
      FaultEngine faults,
      ScheduledExecutorService scheduler,
      CallbackContract contract) {
    this.settings = settings;
    this.contract = contract;
    this.journal = journal;
    this.faults = faults;
    this.scheduler = scheduler;
    AtomicInteger threads = new AtomicInteger();
    this.deliveries =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread =
                  new Thread(task, "handoff-emulator-callback-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.callbackTimeout())
            .executor(Runnable::run);
    if (settings.callbackTrustAll()) {
      builder.sslContext(trustAll());
    }
    this.client = builder.build();
  }

  /**
   * @return the journal callbacks are recorded in, which the emulated calls also record their
   *     parties' experiences in
   */
  public JournalStore journal() {
    return journal;
  }

  /**
   * Queues a callback on its lane.
   *
   * @return completes with the callback's final status (for a duplicated one, the first copy's)
   */
  public CompletableFuture<SentCallback.Status> send(OutgoingCallback callback) {
    List<String> violations = contract.violations(callback);
    if (!violations.isEmpty()) {
      // An emulator fault: journaled as failed with the reasons, never sent off-contract.
      refuse(
          callback, "outside the provider's callback contract: " + String.join("; ", violations));
      return CompletableFuture.completedFuture(SentCallback.Status.FAILED);
    }
    Optional<CallbackFault.Kind> fault =
        faults.takeCallbackFault(callback.event(), callback.callId());
    String faultName = fault.map(CallbackFault.Kind::json).orElse(null);
    CallbackEntry entry =
        journal.newCallback(
            callback.provider(),
            callback.event(),
            callback.callId(),
            callback.url(),
            callback.headers(),
            callback.body(),
            faultName);
    Delivery delivery = new Delivery(callback, entry);
    if (fault.isPresent() && fault.get() == CallbackFault.Kind.LOST) {
      journal.settle(entry, SentCallback.Status.LOST);
      delivery.done.complete(SentCallback.Status.LOST);
      return delivery.done;
    }
    synchronized (this) {
      Lane lane = lanes.computeIfAbsent(callback.lane(), key -> new Lane());
      if (fault.isPresent() && fault.get() == CallbackFault.Kind.REORDERED) {
        lane.releaseHeld();
        lane.held = delivery;
        lane.holdRelease =
            scheduler.schedule(
                () -> {
                  synchronized (CallbackDispatcher.this) {
                    if (lane.held == delivery) {
                      lane.releaseHeld();
                      lane.pump();
                    }
                  }
                },
                Math.max(1, settings.scaled(Duration.ofSeconds(2)).toMillis()),
                TimeUnit.MILLISECONDS);
      } else {
        lane.queue.add(delivery);
        if (fault.isPresent() && fault.get() == CallbackFault.Kind.DUPLICATED) {
          CallbackEntry copy =
              journal.newCallback(
                  callback.provider(),
                  callback.event(),
                  callback.callId(),
                  callback.url(),
                  callback.headers(),
                  callback.body(),
                  "duplicated (copy)");
          lane.queue.add(new Delivery(callback, copy));
        }
        lane.releaseHeld();
      }
      lane.pump();
    }
    return delivery.done;
  }

  /** Drops every queued or held callback; attempts already under way finish. */
  public synchronized void clear() {
    for (Lane lane : lanes.values()) {
      lane.queue.clear();
      if (lane.held != null) {
        lane.holdRelease.cancel(false);
        lane.held = null;
      }
    }
  }

  /**
   * Journals a callback that is not sent at all (e.g. its Event Grid subscription never validated).
   */
  public void refuse(OutgoingCallback callback, String reason) {
    CallbackEntry entry =
        journal.newCallback(
            callback.provider(),
            callback.event(),
            callback.callId(),
            callback.url(),
            callback.headers(),
            callback.body(),
            null);
    journal.attempt(entry, new DeliveryAttempt(settings.clock().instant(), null, reason));
    journal.settle(entry, SentCallback.Status.FAILED);
  }

  private final class Delivery {
    private final OutgoingCallback callback;
    private final CallbackEntry entry;
    private final CompletableFuture<SentCallback.Status> done = new CompletableFuture<>();
    private int attempts;

    private Delivery(OutgoingCallback callback, CallbackEntry entry) {
      this.callback = callback;
      this.entry = entry;
    }
  }

  /** One call's ordered queue; guarded by the dispatcher's lock. */
  private final class Lane {
    private final Deque<Delivery> queue = new ArrayDeque<>();
    private boolean busy;
    private Delivery held;
    private ScheduledFuture<?> holdRelease;

    private void releaseHeld() {
      if (held != null) {
        queue.add(held);
        held = null;
        holdRelease.cancel(false);
      }
    }

    private void pump() {
      if (busy || queue.isEmpty()) {
        return;
      }
      busy = true;
      Delivery next = queue.poll();
      attempt(this, next);
    }
  }

  private void attempt(Lane lane, Delivery delivery) {
    delivery.attempts++;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(delivery.callback.url()))
            .timeout(settings.callbackTimeout())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    delivery.callback.body(), StandardCharsets.UTF_8));
    delivery.callback.headers().forEach(request::header);
    java.time.Instant at = settings.clock().instant();
    HttpRequest built = request.build();
    try {
      deliveries.execute(
          () -> {
            HttpResponse<String> result = null;
            Throwable error = null;
            try {
              result = client.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              error = e;
            } catch (IOException | RuntimeException e) {
              error = e;
            }
            settle(lane, delivery, at, result, error);
          });
    } catch (RejectedExecutionException closed) {
      settle(lane, delivery, at, null, closed);
    }
  }

  private void settle(
      Lane lane,
      Delivery delivery,
      java.time.Instant at,
      HttpResponse<String> result,
      Throwable error) {
    boolean retry;
    SentCallback.Status status;
    if (error != null) {
      Throwable cause = error.getCause() != null ? error.getCause() : error;
      journal.attempt(delivery.entry, new DeliveryAttempt(at, null, cause.toString()));
      retry = true;
      status = SentCallback.Status.FAILED;
    } else {
      journal.attempt(delivery.entry, new DeliveryAttempt(at, result.statusCode(), null));
      int code = result.statusCode();
      boolean ok =
          delivery.callback.accepts() == null
              ? code / 100 == 2
              : delivery.callback.accepts().test(code, result.body());
      status = ok ? SentCallback.Status.DELIVERED : SentCallback.Status.FAILED;
      retry = !ok && (code == 408 || code == 429 || code >= 500);
    }
    if (retry && delivery.attempts < settings.callbackMaxAttempts()) {
      try {
        scheduler.schedule(
            () -> attempt(lane, delivery),
            backoff(delivery.attempts).toMillis(),
            TimeUnit.MILLISECONDS);
        return;
      } catch (RejectedExecutionException closed) {
        // The emulator is closing: settle as failed.
      }
    }
    journal.settle(delivery.entry, status);
    delivery.done.complete(status);
    synchronized (this) {
      lane.busy = false;
      lane.pump();
    }
  }

  /** Stops the delivery threads; deliveries under way are interrupted. */
  public void close() {
    deliveries.shutdownNow();
  }

  private Duration backoff(int attemptsSoFar) {
    Duration initial = settings.scaled(settings.callbackInitialBackoff());
    Duration delay = initial.multipliedBy(1L << Math.min(20, attemptsSoFar - 1));
    Duration max = settings.scaled(settings.callbackMaxBackoff());
    return delay.compareTo(max) > 0 ? max : delay;
  }

  private static SSLContext trustAll() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustingManager()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Accepts any server certificate and host name: callbacks go to local test receivers. */
  private static final class TrustingManager extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
