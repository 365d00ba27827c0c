package dev.handoff.ports.service;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.OperationPage;
import dev.handoff.ports.OperationQuery;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.in.AddParticipantUseCase;
import dev.handoff.ports.in.CancelAddParticipantUseCase;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.in.EventReport;
import dev.handoff.ports.in.ExpireOverdueOperationsUseCase;
import dev.handoff.ports.in.GetOperationQuery;
import dev.handoff.ports.in.ListOperationsQuery;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.in.OperationFilter;
import dev.handoff.ports.in.OperationListener;
import dev.handoff.ports.in.RecordProviderEventsUseCase;
import dev.handoff.ports.in.RedirectCallUseCase;
import dev.handoff.ports.in.ResumeInterruptedOperationsUseCase;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.in.SubscribeToAllOperationChangesUseCase;
import dev.handoff.ports.in.SubscribeToOperationChangesUseCase;
import dev.handoff.ports.in.TransferCallUseCase;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.OperationChangeBus;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.out.ProviderStateQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Implements every use case on one provider, one store and one change bus.
 *
 * <p>A thin façade: submission is {@link CommandSubmissions}, event recording {@link
 * EventRecorder}, reads and subscriptions {@link OperationQueries}, the periodic passes {@link
 * Sweeps}; every change of a stored operation goes through one compare-and-set helper ({@link
 * OperationChanges}).
 *
 * <p>A submission goes: capability check (nothing is sent for a command the provider cannot carry)
 * → the store's atomic admission (an idempotency key returns its operation; a second active
 * transfer or redirect of the call, or an operation context in use on it, is refused with {@link
 * OperationConflictException}) → the operation is stored as REQUESTED with a submission token fixed
 * for its whole life → the provider is called → SUBMITTED, COMPLETED, FAILED or UNKNOWN by its
 * answer. Provider events then drive it to a final state, each delivery checked against what it is
 * bound to ({@link DeliveryPolicy}); a periodic sweep reconciles silent ones with the provider's
 * state where the provider can be asked ({@link ProviderStateQuery}) and moves the rest to UNKNOWN.
 * Every stored change is published on the bus.
 *
 * <p>Thread-safe. Changes are compare-and-set on the operation's version and retried, so several
 * instances may share one store.
 */
public final class HandoffService
    implements TransferCallUseCase,
        AddParticipantUseCase,
        CancelAddParticipantUseCase,
        RedirectCallUseCase,
        GetOperationQuery,
        ListOperationsQuery,
        RecordProviderEventsUseCase,
        SubscribeToOperationChangesUseCase,
        SubscribeToAllOperationChangesUseCase,
        ExpireOverdueOperationsUseCase,
        ResumeInterruptedOperationsUseCase {

  private final CallControl provider;
  private final CommandSubmissions submissions;
  private final EventRecorder events;
  private final OperationQueries queries;
  private final Sweeps sweeps;

  private HandoffService(Builder builder) {
    this.provider = Objects.requireNonNull(builder.provider, "provider");
    // The saga wraps the same store the same way, so that both share one delivery's reads.
    OperationStore store = DeliveryReads.of(Objects.requireNonNull(builder.store, "store"));
    OperationChangeBus bus = Objects.requireNonNull(builder.bus, "bus");
    Clock clock = Objects.requireNonNull(builder.clock, "clock");
    OperationChanges changes = new OperationChanges(store, bus);
    Optional<ProviderStateQuery> query =
        builder.stateQuery != null ? builder.stateQuery : provider.stateQuery();
    this.submissions =
        new CommandSubmissions(
            provider,
            store,
            bus,
            clock,
            Objects.requireNonNull(builder.deadlines, "deadlines"),
            Objects.requireNonNull(builder.ids, "ids"),
            changes);
    this.events =
        new EventRecorder(
            store,
            clock,
            new DeliveryCheck(
                store,
                Objects.requireNonNull(builder.deliveryPolicy, "deliveryPolicy"),
                provider::capabilities),
            changes);
    this.queries = new OperationQueries(store, bus);
    this.sweeps =
        new Sweeps(
            provider,
            store,
            clock,
            changes,
            new OutcomeSweep(
                store,
                changes,
                query,
                Objects.requireNonNull(builder.reconciliation, "reconciliation"),
                clock),
            submissions);
  }

  /**
   * @param provider the provider every command goes to
   * @param store where operations are kept
   * @param bus where changes are published
   * @return a builder; clock, deadlines and id generation have defaults
   */
  public static Builder builder(
      CallControl provider, OperationStore store, OperationChangeBus bus) {
    return new Builder(provider, store, bus);
  }

  /**
   * @return what the provider can carry
   */
  public ProviderCapabilities capabilities() {
    return provider.capabilities();
  }

  @Override
  public Operation transfer(CallTransfer command, SubmitOptions options) {
    return submissions.submit(command, options);
  }

  @Override
  public Operation addParticipant(AddParticipant command, SubmitOptions options) {
    return submissions.submit(command, options);
  }

  @Override
  public Operation cancelAddParticipant(CancelAddParticipant command, SubmitOptions options) {
    return submissions.submit(command, options);
  }

  @Override
  public Operation redirect(RedirectCall command, SubmitOptions options) {
    return submissions.submit(command, options);
  }

  @Override
  public Optional<Operation> find(OperationId id) {
    return queries.find(id);
  }

  @Override
  public OperationPage list(OperationQuery query) {
    return queries.list(query);
  }

  @Override
  public EventReport record(List<ProviderEvent> events, Delivery delivery) {
    return DeliveryReads.during(() -> this.events.record(events, delivery));
  }

  @Override
  public Subscription subscribe(OperationId id, OperationListener listener) {
    return queries.subscribe(id, listener);
  }

  @Override
  public Subscription subscribeAll(OperationFilter filter, OperationListener listener) {
    return queries.subscribeAll(filter, listener);
  }

  @Override
  public int expireOverdue() {
    return sweeps.expireOverdue();
  }

  @Override
  public int resumeInterrupted(Duration olderThan) {
    return sweeps.resumeInterrupted(olderThan);
  }

  /**
   * A warm handoff is driven step by step by its own saga (its deadline is the saga's next look,
   * its events are the saga's), never by this service's submission, deadline or lifecycle rules.
   */
  static boolean drivenBySaga(Operation operation) {
    return operation.kind() == OperationKind.WARM_HANDOFF;
  }

  /** Builds a {@link HandoffService}. */
  public static final class Builder {
    private final CallControl provider;
    private final OperationStore store;
    private final OperationChangeBus bus;
    private Clock clock = Clock.systemUTC();
    private DeadlinePolicy deadlines = DeadlinePolicy.defaults();
    private Supplier<OperationId> ids = OperationId::random;
    private Optional<ProviderStateQuery> stateQuery;
    private ReconciliationPolicy reconciliation = ReconciliationPolicy.defaults();
    private DeliveryPolicy deliveryPolicy = DeliveryPolicy.open();

    private Builder(CallControl provider, OperationStore store, OperationChangeBus bus) {
      this.provider = provider;
      this.store = store;
      this.bus = bus;
    }

    /**
     * @param value the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    /**
     * @param value the deadline policy; default {@link DeadlinePolicy#defaults()}
     * @return this builder
     */
    public Builder deadlines(DeadlinePolicy value) {
      deadlines = value;
      return this;
    }

    /**
     * @param value the operation id generator; default random UUIDs
     * @return this builder
     */
    public Builder operationIds(Supplier<OperationId> value) {
      ids = value;
      return this;
    }

    /**
     * @param value asks the provider how an operation ended; default the provider's own ({@link
     *     CallControl#stateQuery()}); empty: never asked, overdue operations become UNKNOWN
     * @return this builder
     */
    public Builder stateQuery(Optional<ProviderStateQuery> value) {
      stateQuery = Objects.requireNonNull(value, "stateQuery");
      return this;
    }

    /**
     * @param value how often the provider is consulted before an operation is left UNKNOWN; default
     *     {@link ReconciliationPolicy#defaults()}
     * @return this builder
     */
    public Builder reconciliation(ReconciliationPolicy value) {
      reconciliation = value;
      return this;
    }

    /**
     * @param value which deliveries may change which operations; default {@link
     *     DeliveryPolicy#open()}. Use {@link DeliveryPolicy#forBoundOperations()} when the provider
     *     is wrapped in {@link dev.handoff.ports.callback.BoundCallbacks#bound}
     * @return this builder
     */
    public Builder deliveryPolicy(DeliveryPolicy value) {
      deliveryPolicy = value;
      return this;
    }

    /**
     * @return the service
     */
    public HandoffService build() {
      return new HandoffService(this);
    }
  }
}
