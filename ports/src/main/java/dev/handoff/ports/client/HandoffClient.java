package dev.handoff.ports.client;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.in.DeliveryRefusedException;
import dev.handoff.ports.in.EventReport;
import dev.handoff.ports.in.OperationListener;
import dev.handoff.ports.in.OperationNotFoundException;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.memory.InMemoryOperationChangeBus;
import dev.handoff.ports.memory.InMemoryOperationStore;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.OperationChangeBus;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.service.HandoffService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Handoff as a library: one provider's operations tracked to their outcome, without any framework.
 *
 * <pre>{@code
 * HandoffClient handoff = HandoffClient.builder(callControl).callbacks(reader).build();
 * Operation transfer = handoff.transfer(command);                  // recorded, then sent
 * // in any HTTP server's handler for the provider's callbacks:
 * CallbackAnswer answer = handoff.answer(headers, body);           // verified, parsed, applied
 * Operation outcome = handoff.awaitOutcome(transfer.id(), Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Built on the {@link HandoffService}'s use cases: capabilities are checked before anything is
 * sent, an idempotency key returns its first operation, events drive the operation forward, and
 * operations that hear nothing by their deadline are reconciled with the provider's state by a
 * sweep: run while a caller waits in {@code awaitOutcome}, or in the background when built with
 * {@code Builder.sweepInBackground()} (close the client to stop it).
 *
 * <p>Thread-safe.
 *
 * <p>Long only in Javadoc: one delegating method per use case; the work is in {@link
 * HandoffService} and {@code Outcomes}.
 */
public final class HandoffClient implements AutoCloseable {
  private final HandoffService service;
  private final CallbackReader callbacks;
  private final Outcomes outcomes;

  private HandoffClient(Builder builder) {
    this.service =
        HandoffService.builder(builder.provider, builder.store, builder.changeBus)
            .clock(builder.clock)
            .build();
    this.callbacks = builder.callbacks;
    this.outcomes = new Outcomes(service, builder.sweepInterval, builder.backgroundSweep);
  }

  /**
   * @param provider the provider every command goes to
   * @param callbacks how the provider's callbacks are verified and parsed
   * @return a client with the defaults: in-memory store, system UTC clock
   */
  public static HandoffClient of(CallControl provider, CallbackReader callbacks) {
    return builder(provider).callbacks(callbacks).build();
  }

  /**
   * @param provider the provider every command goes to, e.g. {@code AcsCallControl} or {@code
   *     GraphCallControl}
   * @return a builder; the store, change bus and clock have defaults
   */
  public static Builder builder(CallControl provider) {
    return new Builder(provider);
  }

  /**
   * Records the transfer, sends it to the provider and returns the operation as the provider's
   * synchronous answer left it.
   *
   * @param command the transfer
   * @return the operation
   * @throws dev.handoff.domain.provider.UnsupportedByProviderException when the provider cannot
   *     carry the command; nothing was sent
   * @throws dev.handoff.ports.in.OperationConflictException when a conflicting operation is under
   *     way on the call
   */
  public Operation transfer(CallTransfer command) {
    return service.transfer(command, SubmitOptions.none());
  }

  /**
   * As {@link #transfer(CallTransfer)}, idempotent: the same key with the same command returns the
   * first operation and asks the provider once.
   *
   * @param command the transfer
   * @param key the idempotency key
   * @return the operation
   * @throws dev.handoff.ports.in.IdempotencyConflictException when the key was used for another
   *     command
   */
  public Operation transfer(CallTransfer command, IdempotencyKey key) {
    return service.transfer(command, SubmitOptions.idempotent(key));
  }

  /**
   * @param command the invitation
   * @return the operation
   */
  public Operation addParticipant(AddParticipant command) {
    return service.addParticipant(command, SubmitOptions.none());
  }

  /**
   * @param command the invitation
   * @param key the idempotency key
   * @return the operation
   */
  public Operation addParticipant(AddParticipant command, IdempotencyKey key) {
    return service.addParticipant(command, SubmitOptions.idempotent(key));
  }

  /**
   * @param command the cancellation of an invitation
   * @return the operation
   */
  public Operation cancelAddParticipant(CancelAddParticipant command) {
    return service.cancelAddParticipant(command, SubmitOptions.none());
  }

  /**
   * @param command the cancellation of an invitation
   * @param key the idempotency key
   * @return the operation
   */
  public Operation cancelAddParticipant(CancelAddParticipant command, IdempotencyKey key) {
    return service.cancelAddParticipant(command, SubmitOptions.idempotent(key));
  }

  /**
   * @param command the redirect of an incoming call
   * @return the operation
   */
  public Operation redirect(RedirectCall command) {
    return service.redirect(command, SubmitOptions.none());
  }

  /**
   * @param command the redirect of an incoming call
   * @param key the idempotency key
   * @return the operation
   */
  public Operation redirect(RedirectCall command, IdempotencyKey key) {
    return service.redirect(command, SubmitOptions.idempotent(key));
  }

  /**
   * Verifies, parses and applies one callback delivery.
   *
   * @param delivery the delivery as received
   * @return what each event did; for a handshake, empty
   * @throws CallbackRejectedException when the delivery is not authentic, not readable, or breaks
   *     its binding; nothing was recorded. Answer with {@link
   *     CallbackRejectedException#httpStatus()}
   * @throws IllegalStateException when the client was built without a {@link CallbackReader}
   */
  public EventReport receive(CallbackDelivery delivery) {
    CallbackContent content = reader().read(delivery);
    try {
      return service.record(content.events(), Delivery.unbound());
    } catch (DeliveryRefusedException refused) {
      throw new CallbackRejectedException(
          CallbackRejectedException.Reason.REFUSED, refused.getMessage(), refused);
    }
  }

  /**
   * Verifies, parses and applies one callback delivery, and says what to answer it with; never
   * throws for a rejected delivery.
   *
   * @param headers the request's headers, e.g. {@code HttpExchange.getRequestHeaders()}
   * @param body the request's body (UTF-8)
   * @return 200 with the handshake's reply, if any; else the rejection's status and message
   */
  public CallbackAnswer answer(Map<String, List<String>> headers, byte[] body) {
    return answer(CallbackDelivery.of(headers, body));
  }

  /**
   * As {@link #answer(Map, byte[])}, reading the body from a stream (e.g. {@code
   * HttpExchange.getRequestBody()}).
   *
   * @param headers the request's headers
   * @param body the request's body (UTF-8); read to its end, not closed
   * @return what to answer
   * @throws UncheckedIOException when the body cannot be read
   */
  public CallbackAnswer answer(Map<String, List<String>> headers, InputStream body) {
    try {
      return answer(headers, body.readAllBytes());
    } catch (IOException unreadable) {
      throw new UncheckedIOException("could not read the callback's body", unreadable);
    }
  }

  /**
   * As {@link #answer(Map, byte[])}.
   *
   * @param delivery the delivery as received
   * @return what to answer
   */
  public CallbackAnswer answer(CallbackDelivery delivery) {
    try {
      CallbackContent content = reader().read(delivery);
      service.record(content.events(), Delivery.unbound());
      return new CallbackAnswer(200, content.reply().orElse(""));
    } catch (CallbackRejectedException rejected) {
      return new CallbackAnswer(rejected.httpStatus(), rejected.getMessage());
    } catch (DeliveryRefusedException refused) {
      return new CallbackAnswer(
          CallbackRejectedException.Reason.REFUSED.httpStatus(), refused.getMessage());
    }
  }

  /**
   * @param id an operation
   * @return the operation as it stands, if known
   */
  public Optional<Operation> find(OperationId id) {
    return service.find(id);
  }

  /**
   * Follows an operation: the listener gets it as it stands, then every change, then {@link
   * OperationListener#onEnd()} once it is final.
   *
   * @param id the operation
   * @param listener receives the changes; must not block
   * @return the subscription; close it to stop
   * @throws OperationNotFoundException when the operation is unknown
   */
  public Subscription subscribe(OperationId id, OperationListener listener) {
    return service.subscribe(id, listener);
  }

  /**
   * @param id the operation
   * @return completes with the operation once it is final (COMPLETED, FAILED or CANCELLED)
   * @throws OperationNotFoundException when the operation is unknown
   */
  public CompletableFuture<Operation> outcome(OperationId id) {
    return outcomes.outcome(id);
  }

  /**
   * Waits until the operation is final. UNKNOWN is not final: a late event may still settle it.
   *
   * @param id the operation
   * @param timeout how long to wait at most
   * @return the final operation
   * @throws OutcomeTimeoutException when it is not final in time; it carries the operation as it
   *     stood
   * @throws OperationNotFoundException when the operation is unknown
   */
  public Operation awaitOutcome(OperationId id, Duration timeout) {
    return outcomes.await(id, timeout);
  }

  /**
   * As {@link #awaitOutcome(OperationId, Duration)}.
   *
   * @param operation the operation, as a submission returned it
   * @param timeout how long to wait at most
   * @return the final operation
   */
  public Operation awaitOutcome(Operation operation, Duration timeout) {
    return awaitOutcome(operation.id(), timeout);
  }

  /**
   * @return the application service underneath, for the use cases this client does not name
   */
  public HandoffService service() {
    return service;
  }

  /** Stops the background sweep, if one runs; the client stays usable otherwise. */
  @Override
  public void close() {
    outcomes.close();
  }

  private CallbackReader reader() {
    if (callbacks == null) {
      throw new IllegalStateException(
          "no callback reader: build the client with .callbacks(...), e.g."
              + " AcsCallbacks.from(verifier) or GraphNotifications.from(authenticator)");
    }
    return callbacks;
  }

  /** Builds a {@link HandoffClient}. */
  public static final class Builder {
    private final CallControl provider;
    private OperationStore store;
    private OperationChangeBus changeBus;
    private Clock clock = Clock.systemUTC();
    private CallbackReader callbacks;
    private Duration sweepInterval = Duration.ofSeconds(1);
    private boolean backgroundSweep;

    private Builder(CallControl provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * @param value where operations are kept; default an {@link InMemoryOperationStore} (lost with
     *     the process). Pass {@code PostgresOperationStore} to keep them
     * @return this builder
     */
    public Builder store(OperationStore value) {
      store = Objects.requireNonNull(value, "store");
      return this;
    }

    /**
     * @param value where changes are published; default in memory, within this process. Pass {@code
     *     PostgresOperationChangeBus} when several processes share the store
     * @return this builder
     */
    public Builder changeBus(OperationChangeBus value) {
      changeBus = Objects.requireNonNull(value, "changeBus");
      return this;
    }

    /**
     * @param value the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * @param value how the provider's callbacks are verified and parsed: {@code
     *     AcsCallbacks.from(verifier)} or {@code GraphNotifications.from(authenticator)}; needed by
     *     {@code receive} and {@code answer}
     * @return this builder
     */
    public Builder callbacks(CallbackReader value) {
      callbacks = Objects.requireNonNull(value, "callbacks");
      return this;
    }

    /**
     * @param value how often overdue operations are reconciled with the provider (or moved to
     *     UNKNOWN) while someone waits in {@code awaitOutcome}, or in the background; default 1 s
     * @return this builder
     */
    public Builder sweepInterval(Duration value) {
      Objects.requireNonNull(value, "sweepInterval");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("sweepInterval must be positive, got " + value);
      }
      sweepInterval = value;
      return this;
    }

    /**
     * Sweeps every {@code sweepInterval} on a daemon thread of its own, for applications that
     * follow operations by {@code subscribe} rather than wait for them; {@link
     * HandoffClient#close()} stops it. Without it no thread is started.
     *
     * @return this builder
     */
    public Builder sweepInBackground() {
      backgroundSweep = true;
      return this;
    }

    /**
     * @return the client, its sweep started
     */
    public HandoffClient build() {
      if (store == null) {
        store =
            new InMemoryOperationStore(
                InMemoryOperationStore.DEFAULT_CAPACITY,
                InMemoryOperationStore.DEFAULT_RETENTION,
                clock);
      }
      if (changeBus == null) {
        changeBus = new InMemoryOperationChangeBus();
      }
      return new HandoffClient(this);
    }
  }
}
