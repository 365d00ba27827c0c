package dev.handoff.ports.service;

import dev.handoff.domain.HandoffException;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.IncomingCall;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.Disposition;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.in.AddParticipantUseCase;
import dev.handoff.ports.in.CancelAddParticipantUseCase;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.in.EventReport;
import dev.handoff.ports.in.ExpireOverdueOperationsUseCase;
import dev.handoff.ports.in.GetOperationQuery;
import dev.handoff.ports.in.IdempotencyConflictException;
import dev.handoff.ports.in.ListOperationsQuery;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.in.OperationFilter;
import dev.handoff.ports.in.OperationListener;
import dev.handoff.ports.in.OperationNotFoundException;
import dev.handoff.ports.in.OperationPage;
import dev.handoff.ports.in.OperationQuery;
import dev.handoff.ports.in.RecordProviderEventsUseCase;
import dev.handoff.ports.in.RedirectCallUseCase;
import dev.handoff.ports.in.ResumeInterruptedOperationsUseCase;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.in.SubscribeToAllOperationChangesUseCase;
import dev.handoff.ports.in.SubscribeToOperationChangesUseCase;
import dev.handoff.ports.in.TransferCallUseCase;
import dev.handoff.ports.out.Admission;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.OperationChangeBus;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.out.ProviderStateQuery;
import dev.handoff.ports.out.SubmitContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Implements every use case on one provider, one store and one change bus.
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

  private static final Logger LOG = Logger.getLogger(HandoffService.class.getName());
  private static final int SWEEP_BATCH = 500;

  private final CallControl provider;
  private final OperationStore store;
  private final OperationChangeBus bus;
  private final Clock clock;
  private final DeadlinePolicy deadlines;
  private final Supplier<OperationId> ids;
  private final OperationChanges changes;
  private final OutcomeSweep sweep;
  private final DeliveryCheck deliveries;

  private HandoffService(Builder builder) {
    this.provider = Objects.requireNonNull(builder.provider, "provider");
    this.store = Objects.requireNonNull(builder.store, "store");
    this.bus = Objects.requireNonNull(builder.bus, "bus");
    this.clock = Objects.requireNonNull(builder.clock, "clock");
    this.deadlines = Objects.requireNonNull(builder.deadlines, "deadlines");
    this.ids = Objects.requireNonNull(builder.ids, "ids");
    this.changes = new OperationChanges(store, bus);
    Optional<ProviderStateQuery> query =
        builder.stateQuery != null ? builder.stateQuery : provider.stateQuery();
    this.sweep =
        new OutcomeSweep(
            store,
            changes,
            query,
            Objects.requireNonNull(builder.reconciliation, "reconciliation"),
            clock);
    this.deliveries =
        new DeliveryCheck(
            store,
            Objects.requireNonNull(builder.deliveryPolicy, "deliveryPolicy"),
            provider::capabilities);
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
    return submit(command, options);
  }

  @Override
  public Operation addParticipant(AddParticipant command, SubmitOptions options) {
    return submit(command, options);
  }

  @Override
  public Operation cancelAddParticipant(CancelAddParticipant command, SubmitOptions options) {
    return submit(command, options);
  }

  @Override
  public Operation redirect(RedirectCall command, SubmitOptions options) {
    return submit(command, options);
  }

  private Operation submit(CallCommand command, SubmitOptions options) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(options, "options");
    ProviderCapabilities capabilities = provider.capabilities();
    List<CapabilityViolation> unsupported = provider.check(command);
    if (!unsupported.isEmpty()) {
      throw new UnsupportedByProviderException(capabilities.provider(), unsupported);
    }
    Optional<IdempotencyKey> key = options.idempotencyKey();
    if (key.isPresent()) {
      Optional<Operation> earlier = store.findByIdempotencyKey(key.get());
      if (earlier.isPresent()) {
        return replay(key.get(), earlier.get(), command);
      }
    }
    Instant now = clock.instant();
    Operation requested =
        Operation.request(
            ids.get(),
            capabilities.provider(),
            command,
            key,
            SubmissionToken.create(now),
            now,
            deadlines.timeToOutcome(command));
    Admission admission = store.admit(requested);
    if (admission instanceof Admission.KeyHeld) {
      return replay(key.orElseThrow(), ((Admission.KeyHeld) admission).holder(), command);
    }
    if (admission instanceof Admission.Conflict) {
      throw conflict(requested, (Admission.Conflict) admission);
    }
    bus.publish(requested);
    return dispatch(requested);
  }

  private Operation replay(IdempotencyKey key, Operation earlier, CallCommand command) {
    if (!earlier.command().equals(command)) {
      throw new IdempotencyConflictException(key, earlier.id());
    }
    return store.find(earlier.id()).orElse(earlier);
  }

  private static OperationConflictException conflict(
      Operation refused, Admission.Conflict conflict) {
    Operation active = conflict.active();
    if (conflict.rule() == Admission.Rule.ONE_AT_A_TIME) {
      return new OperationConflictException(
          "Call "
              + refused.callId()
              + " already has "
              + active.kind()
              + " "
              + active.id()
              + " under way",
          active.id());
    }
    return new OperationConflictException(
        "Operation context '"
            + active.correlation()
            + "' is already in use by operation "
            + active.id()
            + " on call "
            + refused.callId(),
        active.id());
  }

  private Operation dispatch(Operation operation) {
    SubmitResult result = send(operation);
    return change(operation.id(), current -> current.afterSubmit(result, clock.instant()))
        .operation();
  }

  private SubmitResult send(Operation operation) {
    SubmitContext context =
        new SubmitContext(operation.id(), operation.correlation(), operation.submission());
    try {
      return Objects.requireNonNull(
          provider.submit(operation.command(), context), "the provider answered null");
    } catch (HandoffException refused) {
      return new SubmitResult.Rejected(
          Failure.of(FailureReason.INVALID_REQUEST, refused.getMessage()));
    } catch (RuntimeException failure) {
      LOG.log(Level.WARNING, "Provider adapter failed on operation " + operation.id(), failure);
      return new SubmitResult.Indeterminate(
          Failure.of(
              FailureReason.UNKNOWN,
              "the provider adapter failed unexpectedly, so it is not known whether the request"
                  + " was sent: "
                  + failure));
    }
  }

  private OperationChanges.Changed change(OperationId id, UnaryOperator<Operation> transition) {
    return changes.change(id, transition);
  }

  @Override
  public Optional<Operation> find(OperationId id) {
    return store.find(id);
  }

  @Override
  public OperationPage list(OperationQuery query) {
    return store.list(query);
  }

  @Override
  public EventReport record(List<ProviderEvent> events, Delivery delivery) {
    Objects.requireNonNull(events, "events");
    deliveries.check(events, Objects.requireNonNull(delivery, "delivery"));
    List<EventOutcome> outcomes = new ArrayList<>(events.size());
    for (ProviderEvent event : events) {
      outcomes.add(recordOne(event));
    }
    return new EventReport(outcomes);
  }

  private EventOutcome recordOne(ProviderEvent event) {
    if (event instanceof OperationUpdate) {
      return applyUpdate((OperationUpdate) event);
    }
    if (event instanceof CallLifecycleEvent) {
      return noteLifecycle((CallLifecycleEvent) event);
    }
    if (event instanceof IncomingCall) {
      return new EventOutcome(
          event, EventOutcome.Result.INCOMING_CALL, List.of(), Optional.empty());
    }
    return new EventOutcome(
        event,
        EventOutcome.Result.UNRECOGNIZED,
        List.of(),
        Optional.of("the adapter did not recognise this event"));
  }

  private EventOutcome applyUpdate(OperationUpdate update) {
    Instant now = clock.instant();
    Optional<Operation> target;
    try {
      target =
          EventMatcher.match(update, store.findByCall(update.meta().provider(), update.callId()));
    } catch (EventMatcher.AmbiguousMatchException ambiguous) {
      return new EventOutcome(
          update, EventOutcome.Result.UNMATCHED, List.of(), Optional.of(ambiguous.getMessage()));
    }
    if (target.isEmpty()) {
      return new EventOutcome(
          update,
          EventOutcome.Result.UNMATCHED,
          List.of(),
          Optional.of(
              "no " + update.scope() + " operation on call " + update.callId() + " matches"));
    }
    OperationChanges.Changed changed =
        change(target.get().id(), current -> current.apply(update, now));
    List<OperationId> touched = new ArrayList<>(List.of(changed.operation().id()));
    if (changed.changed()
        && update.scope() == OperationKind.CANCEL_ADD_PARTICIPANT
        && update.progress() == Progress.COMPLETED
        && lastDisposition(changed.operation()) == Disposition.APPLIED) {
      cancelInvitation(changed.operation(), now).ifPresent(touched::add);
    }
    return new EventOutcome(update, resultOf(changed), touched, Optional.empty());
  }

  private Optional<OperationId> cancelInvitation(Operation cancel, Instant now) {
    String invitation = ((CancelAddParticipant) cancel.command()).invitationId();
    return store.findByCall(cancel.provider(), cancel.callId()).stream()
        .filter(operation -> operation.kind() == OperationKind.ADD_PARTICIPANT)
        .filter(operation -> operation.invitationId().filter(invitation::equals).isPresent())
        .findFirst()
        .map(add -> change(add.id(), current -> current.cancelledBy(cancel.id(), now)))
        .map(changed -> changed.operation().id());
  }

  /**
   * Applies a change of the call to every unfinished operation on it; see {@link
   * Operation#afterCallChange} for what the end of a call, or a roster without the transferee, does
   * to each kind of operation.
   */
  private EventOutcome noteLifecycle(CallLifecycleEvent event) {
    Instant now = clock.instant();
    List<OperationId> touched = new ArrayList<>();
    boolean anyChanged = false;
    boolean anyApplied = false;
    for (Operation operation : store.findByCall(event.meta().provider(), event.callId())) {
      if (!operation.state().isFinal() && !drivenBySaga(operation)) {
        OperationChanges.Changed changed =
            change(operation.id(), current -> current.afterCallChange(event, now));
        touched.add(operation.id());
        anyChanged |= changed.changed();
        anyApplied |=
            changed.changed() && lastDisposition(changed.operation()) == Disposition.APPLIED;
      }
    }
    EventOutcome.Result result =
        touched.isEmpty()
            ? EventOutcome.Result.UNMATCHED
            : anyApplied
                ? EventOutcome.Result.APPLIED
                : anyChanged ? EventOutcome.Result.RECORDED : EventOutcome.Result.DUPLICATE;
    return new EventOutcome(
        event,
        result,
        touched,
        touched.isEmpty()
            ? Optional.of("no unfinished operation on call " + event.callId())
            : Optional.empty());
  }

  private static Disposition lastDisposition(Operation operation) {
    return operation.timeline().get(operation.timeline().size() - 1).disposition();
  }

  private static EventOutcome.Result resultOf(OperationChanges.Changed changed) {
    if (!changed.changed()) {
      return EventOutcome.Result.DUPLICATE;
    }
    switch (lastDisposition(changed.operation())) {
      case APPLIED:
        return EventOutcome.Result.APPLIED;
      case LATE:
        return EventOutcome.Result.LATE;
      case AFTER_TERMINAL:
        return EventOutcome.Result.AFTER_TERMINAL;
      default:
        return EventOutcome.Result.RECORDED;
    }
  }

  @Override
  public Subscription subscribe(OperationId id, OperationListener listener) {
    VersionGate gate = new VersionGate(listener);
    Subscription subscription = bus.subscribe(id, gate::offer);
    gate.attach(subscription);
    Optional<Operation> current = store.find(id);
    if (current.isEmpty()) {
      subscription.close();
      throw new OperationNotFoundException(id);
    }
    gate.offer(current.get());
    return gate;
  }

  @Override
  public Subscription subscribeAll(OperationFilter filter, OperationListener listener) {
    ChangeFeed feed =
        new ChangeFeed(Objects.requireNonNull(filter, "filter"), Objects.requireNonNull(listener));
    feed.attach(bus.subscribeAll(feed::offer));
    return feed;
  }

  @Override
  public int expireOverdue() {
    return sweep.sweep(SWEEP_BATCH);
  }

  @Override
  public int resumeInterrupted(Duration olderThan) {
    Instant now = clock.instant();
    Instant cutoff = now.minus(olderThan);
    boolean repeatable = provider.capabilities().supports(Capability.REPEATABLE_REQUESTS);
    int resumed = 0;
    for (Operation candidate : store.findRequestedBefore(cutoff, SWEEP_BATCH)) {
      if (drivenBySaga(candidate)) {
        continue;
      }
      // Another instance (or an earlier pass) may have taken it since it was read: the change
      // applies only while it is still interrupted, and only the caller whose change was stored
      // sends it, so that it is sent at most once more.
      UnaryOperator<Operation> resume =
          current ->
              !stillInterrupted(current, cutoff)
                  ? current
                  : repeatable
                      ? current.noteResubmission(now)
                      : current.afterSubmit(unsent(current), now);
      OperationChanges.Changed taken = change(candidate.id(), resume);
      if (taken.changed()) {
        if (repeatable) {
          dispatch(taken.operation());
        }
        resumed++;
      }
    }
    return resumed;
  }

  /**
   * A warm handoff is driven step by step by its own saga (its deadline is the saga's next look,
   * its events are the saga's), never by this service's submission, deadline or lifecycle rules.
   */
  static boolean drivenBySaga(Operation operation) {
    return operation.kind() == OperationKind.WARM_HANDOFF;
  }

  private static boolean stillInterrupted(Operation operation, Instant cutoff) {
    return operation.state() == OperationState.REQUESTED && operation.updatedAt().isBefore(cutoff);
  }

  private static SubmitResult unsent(Operation operation) {
    return new SubmitResult.Indeterminate(
        Failure.of(
            FailureReason.UNKNOWN,
            "the submission was interrupted before the provider's answer was recorded; it is not"
                + " sent again because provider '"
                + operation.provider()
                + "' has no repeatable requests"));
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
