package dev.handoff.ports.warm;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.Disposition;
import dev.handoff.domain.operation.HandoffProgress;
import dev.handoff.domain.operation.HandoffStep;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.StepEntry;
import dev.handoff.domain.operation.StepKind;
import dev.handoff.domain.operation.StepStatus;
import dev.handoff.domain.operation.TimelineEntry;
import dev.handoff.ports.ConcurrentUpdateException;
import dev.handoff.ports.in.AdvanceWarmHandoffsUseCase;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.in.OperationNotFoundException;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.in.WarmHandoffUseCase;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.OperationChangeBus;
import dev.handoff.ports.out.OperationStore;
import dev.handoff.ports.service.Admissions;
import dev.handoff.ports.service.DeliveryReads;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Drives warm handoffs: one operation each, whose steps are provider actions on its timeline.
 *
 * <p>Every move follows the same pattern. The decider reads the operation's progress and picks the
 * next move; a new step is first recorded (REQUESTED, with a correlation and a submission token
 * derived from the operation's token and the step's number) by a compare-and-set on the store, and
 * only the caller whose record was stored sends its action; the answer is recorded on the step.
 * Provider events are recorded on the step their correlation (or call) names, and the saga moves
 * on. Time-outs come from the operation's deadline, which always says when the saga must look
 * again; {@link #advanceDueHandoffs()} is the sweep that looks.
 *
 * <p>Durable: the store holds every step, so a restart resumes from where the timeline stands. A
 * step recorded but unanswered past the answer timeout was interrupted: it is sent again with the
 * same token where the provider executes repeated requests once (or where repeating it has the same
 * effect: hold, resume, hang up), and given up as UNKNOWN otherwise, so that no provider action is
 * ever executed twice.
 *
 * <p>Thread-safe; several instances may share one store.
 *
 * <p>Long because it implements both warm-handoff use cases and the drive loop with its builder;
 * deciding ({@code HandoffDecider}), acting ({@code StepActions}) and finding the handoff an event
 * concerns ({@code HandoffEvents}) are classes of their own.
 */
public final class WarmHandoffSaga implements WarmHandoffUseCase, AdvanceWarmHandoffsUseCase {
  private static final int MAX_MOVES = 64;
  private static final int MAX_RETRIES = 64;
  private static final int SWEEP_BATCH = 500;

  private final CallControl provider;
  private final OperationStore store;
  private final OperationChangeBus bus;
  private final Clock clock;
  private final SagaPolicy policy;
  private final Supplier<OperationId> ids;
  private final HandoffDecider decider;
  private final StepActions actions;
  private final HandoffEvents events;
  private final Admissions admissions;
  private final HandoffPlan plan;

  private WarmHandoffSaga(Builder builder) {
    this.provider = Objects.requireNonNull(builder.provider, "provider");
    this.store = DeliveryReads.of(Objects.requireNonNull(builder.store, "store"));
    this.bus = Objects.requireNonNull(builder.bus, "bus");
    this.clock = Objects.requireNonNull(builder.clock, "clock");
    this.policy = Objects.requireNonNull(builder.policy, "policy");
    this.ids = Objects.requireNonNull(builder.ids, "ids");
    this.plan = HandoffPlan.of(provider.capabilities());
    this.decider = new HandoffDecider(plan, policy);
    this.actions = new StepActions(provider, plan);
    this.events = new HandoffEvents(store);
    this.admissions = new Admissions(provider, store, clock, ids);
  }

  /**
   * @param provider the provider every step goes to
   * @param store where operations are kept
   * @param bus where changes are published
   * @return a builder; clock, policy and id generation have defaults
   */
  public static Builder builder(
      CallControl provider, OperationStore store, OperationChangeBus bus) {
    return new Builder(provider, store, bus);
  }

  // ------------------------------------------------------------ use cases

  @Override
  public Operation startWarmHandoff(WarmHandoff command, SubmitOptions options) {
    // A handoff under way takes the call's transfer slot, so that a second handoff or a transfer
    // of the call is refused by the store's admission.
    Admissions.Admitted entry = admissions.admit(command, options, policy.answerTimeout());
    if (!entry.admitted()) {
      return entry.operation();
    }
    Operation requested = entry.operation();
    bus.publish(requested);
    return drive(requested.id());
  }

  @Override
  public Operation cancelWarmHandoff(OperationId id) {
    for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
      Operation current = load(id);
      if (current.kind() != OperationKind.WARM_HANDOFF) {
        throw new OperationConflictException(
            "Operation " + id + " is a " + current.kind() + ", not a warm handoff", id);
      }
      if (current.state().isFinal()) {
        return current;
      }
      HandoffProgress progress = HandoffProgress.of(current);
      if (progress.cancelRequested()) {
        return drive(id);
      }
      if (progress.last(StepKind.CONNECT).isPresent()) {
        throw new OperationConflictException(
            "Warm handoff "
                + id
                + " is already putting the caller through; it can no longer be cancelled",
            id);
      }
      Instant now = clock.instant();
      Optional<Operation> marked =
          commit(
              current,
              op -> op.entry(now, TimelineEntry.Source.HANDOFF, HandoffProgress.CANCEL_REQUESTED),
              now);
      if (marked.isPresent()) {
        return drive(id);
      }
    }
    throw new ConcurrentUpdateException("warm handoff " + id + " (cancelling it)", MAX_RETRIES);
  }

  @Override
  public int advanceDueHandoffs() {
    Instant now = clock.instant();
    int due = 0;
    for (Operation overdue : store.findOverdue(now, SWEEP_BATCH)) {
      if (overdue.kind() == OperationKind.WARM_HANDOFF) {
        drive(overdue.id());
        due++;
      }
    }
    return due;
  }

  // ------------------------------------------------------------ the drive loop

  /**
   * Moves the handoff as far as it goes now.
   *
   * @param id the handoff
   * @return the operation as it stands afterwards
   */
  Operation drive(OperationId id) {
    for (int move = 0; move < MAX_MOVES; move++) {
      Operation current = load(id);
      Instant now = clock.instant();
      HandoffProgress progress = HandoffProgress.of(current);
      Next next = decider.decide(progress, now);
      if (next instanceof Next.Idle) {
        return current;
      }
      if (next instanceof Next.Wait) {
        Operation rescheduled = current.reschedule(((Next.Wait) next).until());
        if (rescheduled != current && store.update(rescheduled)) {
          bus.publish(rescheduled);
          return rescheduled;
        }
        if (rescheduled == current) {
          return current;
        }
        continue;
      }
      if (next instanceof Next.Finish) {
        Next.Finish finish = (Next.Finish) next;
        commit(
            current,
            op -> {
              Operation.Entry entry =
                  op.entry(now, TimelineEntry.Source.HANDOFF, finish.what()).moveTo(finish.state());
              finish.failure().ifPresent(entry::failure);
              return entry;
            },
            now);
        continue;
      }
      if (next instanceof Next.Settle) {
        Next.Settle settle = (Next.Settle) next;
        commit(
            current,
            op ->
                op.entry(now, TimelineEntry.Source.HANDOFF, settle.what())
                    .step(settle.step().entry().with(settle.status()))
                    .failure(settle.failure()),
            now);
        continue;
      }
      if (next instanceof Next.Start) {
        start(current, progress, (Next.Start) next, now);
        continue;
      }
      resume(current, ((Next.Resume) next).step(), now);
    }
    return load(id);
  }

  private void start(Operation current, HandoffProgress progress, Next.Start start, Instant now) {
    StepEntry requested =
        StepEntry.requested(progress.nextNumber(), start.kind(), start.action(), start.target());
    Optional<OperationState> moveTo = stateOnStart(start.kind());
    Optional<Operation> recorded =
        commit(
            current,
            op -> {
              Operation.Entry entry =
                  op.entry(now, TimelineEntry.Source.HANDOFF, describe(start, op)).step(requested);
              start.reason().ifPresent(entry::failure);
              moveTo.ifPresent(entry::moveTo);
              return entry;
            },
            now);
    if (recorded.isEmpty()) {
      return; // another thread or instance moved first; decide again
    }
    send(recorded.get(), requested.number());
  }

  private void resume(Operation current, HandoffStep step, Instant now) {
    if (!actions.resendable(step.action())) {
      commit(
          current,
          op ->
              op.entry(now, TimelineEntry.Source.HANDOFF, "interrupted; not sent again")
                  .step(step.entry().with(StepStatus.UNKNOWN))
                  .failure(
                      Failure.of(
                          FailureReason.UNKNOWN,
                          "the step was interrupted before the provider's answer was recorded;"
                              + " it is not sent again because provider '"
                              + op.provider()
                              + "' could execute "
                              + step.action().wireName()
                              + " twice")),
          now);
      return;
    }
    Optional<Operation> taken =
        commit(
            current,
            op ->
                op.entry(
                        now,
                        TimelineEntry.Source.HANDOFF,
                        "sent again after an interruption, with the same submission token")
                    .step(step.entry().with(StepStatus.REQUESTED)),
            now);
    taken.ifPresent(operation -> send(operation, step.number()));
  }

  private void send(Operation operation, int number) {
    HandoffProgress progress = HandoffProgress.of(operation);
    HandoffStep step = progress.step(number).orElseThrow();
    StepActions.Outcome outcome = actions.send(operation, progress, step);
    recordOutcome(operation.id(), number, outcome);
  }

  private void recordOutcome(OperationId id, int number, StepActions.Outcome outcome) {
    for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
      Operation current = load(id);
      Instant now = clock.instant();
      HandoffStep step = HandoffProgress.of(current).step(number).orElseThrow();
      StepStatus status = afterAnswer(step.status(), outcome.status());
      Optional<OperationState> moveTo =
          step.action() == CallAction.HOLD && status == StepStatus.SUCCEEDED
              ? Optional.of(OperationState.SUBMITTED)
              : Optional.empty();
      Optional<Operation> stored =
          commit(
              current,
              op -> {
                Operation.Entry entry =
                    op.entry(
                            now,
                            outcome.fromProvider()
                                ? TimelineEntry.Source.PROVIDER_RESPONSE
                                : TimelineEntry.Source.HANDOFF,
                            outcome.what())
                        .step(step.entry().with(status, outcome.facts()))
                        .evidence(outcome.evidence());
                outcome.failure().ifPresent(entry::failure);
                moveTo.ifPresent(entry::moveTo);
                return entry;
              },
              now);
      if (stored.isPresent()) {
        return;
      }
    }
    throw new ConcurrentUpdateException(
        "warm handoff " + id + " (recording an answer)", MAX_RETRIES);
  }

  /** An answer never moves a step back: an event may have settled it while the answer came. */
  private static StepStatus afterAnswer(StepStatus current, StepStatus answered) {
    if (current.isSettled() || rank(answered) < rank(current)) {
      return current;
    }
    return answered;
  }

  static int rank(StepStatus status) {
    switch (status) {
      case REQUESTED:
        return 0;
      case ACCEPTED:
        return 1;
      case IN_PROGRESS:
        return 2;
      default:
        return 3;
    }
  }

  private static Optional<OperationState> stateOnStart(StepKind kind) {
    switch (kind) {
      case REACH:
        return Optional.of(OperationState.IN_PROGRESS);
      case CONNECT:
        return Optional.of(OperationState.ACCEPTED);
      default:
        return Optional.empty();
    }
  }

  private static String describe(Next.Start start, Operation operation) {
    String action = start.action().wireName();
    if (start.target() < 0) {
      return start.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + action;
    }
    String who =
        ((WarmHandoff) operation.command()).targets().get(start.target()).participant().rawId();
    return start.kind().name().toLowerCase(java.util.Locale.ROOT)
        + " target "
        + (start.target() + 1)
        + " ("
        + who
        + "): "
        + action;
  }

  /**
   * Appends one entry by compare-and-set, with the deadline set to when the saga must look again
   * after it.
   *
   * @return the stored operation; empty when another change came first or the entry reported an
   *     event already recorded
   */
  private Optional<Operation> commit(
      Operation current, Function<Operation, Operation.Entry> entry, Instant now) {
    Operation draft = entry.apply(current).apply();
    if (draft == current) {
      return Optional.empty();
    }
    Operation next = entry.apply(current).deadline(wake(draft, now)).apply();
    if (!store.update(next)) {
      return Optional.empty();
    }
    bus.publish(next);
    return Optional.of(next);
  }

  private Instant wake(Operation draft, Instant now) {
    if (draft.state().isFinal()) {
      return draft.deadline();
    }
    Next after = decider.decide(HandoffProgress.of(draft), now);
    if (after instanceof Next.Wait) {
      return ((Next.Wait) after).until();
    }
    // More to do at once: if this instance stops before doing it, the sweep picks it up.
    return now.plus(policy.answerTimeout());
  }

  private Operation load(OperationId id) {
    return store.find(id).orElseThrow(() -> new OperationNotFoundException(id));
  }

  // ------------------------------------------------------------ provider events

  /**
   * Records a provider event on the handoff step it concerns and moves that handoff on.
   *
   * @param event a provider event
   * @return what recording it did; empty when it concerns no warm handoff
   */
  public Optional<EventOutcome> offer(ProviderEvent event) {
    Optional<HandoffEvents.Match> match = events.match(event);
    if (match.isEmpty()) {
      return Optional.empty();
    }
    OperationId id = match.get().operation;
    EventOutcome.Result result = null;
    for (int attempt = 0; attempt < MAX_RETRIES && result == null; attempt++) {
      Operation current = load(id);
      if (current.hasRecorded(event.meta().eventId())) {
        result = EventOutcome.Result.DUPLICATE;
        break;
      }
      Instant now = clock.instant();
      Function<Operation, Operation.Entry> entry = match.get().entry(event, now);
      Optional<Operation> stored = commit(current, entry, now);
      if (stored.isPresent()) {
        result = resultOf(current, stored.get(), match.get().step);
      }
    }
    if (result == null) {
      throw new ConcurrentUpdateException(
          "warm handoff " + id + " (recording " + event.meta().type() + ")", MAX_RETRIES);
    }
    drive(id);
    return Optional.of(new EventOutcome(event, result, List.of(id), Optional.empty()));
  }

  /**
   * Which warm handoff an event concerns, without recording anything: what a delivery's binding is
   * checked against before the event is offered.
   *
   * @param event a provider event
   * @return the handoff, and whether the event is about the caller's call (rather than one of the
   *     handoff's consultation calls); empty when it concerns no warm handoff
   */
  Optional<Claim> claim(ProviderEvent event) {
    return events
        .match(event)
        .map(
            m ->
                new Claim(
                    m.operation,
                    m.kind != HandoffEvents.Kind.CONSULTATION_ANSWERED
                        && m.kind != HandoffEvents.Kind.CONSULTATION_ENDED
                        && (m.step == 0
                            || !(event instanceof CallLifecycleEvent)
                            || onCallOf(m.operation, (CallLifecycleEvent) event))));
  }

  private boolean onCallOf(OperationId handoff, CallLifecycleEvent event) {
    return store.find(handoff).map(op -> op.callId().equals(event.callId())).orElse(false);
  }

  /**
   * @param id an operation
   * @return the operation, when it is a warm handoff
   */
  Optional<Operation> handoff(OperationId id) {
    return store.find(id).filter(op -> op.kind() == OperationKind.WARM_HANDOFF);
  }

  /**
   * Whether a handoff is placing a consultation call that the provider has not yet answered with
   * its id. Meanwhile the call may already report (a busy target ends it at once), through the
   * handoff's callback URI, about a call id no step has learned yet.
   *
   * @param handoff a warm handoff
   * @return whether its latest reach is a call placed and not yet answered
   */
  boolean placingCall(Operation handoff) {
    return plan == HandoffPlan.CONSULTATION
        && !handoff.state().isFinal()
        && HandoffProgress.of(handoff)
            .last(StepKind.REACH)
            .filter(step -> step.status() == StepStatus.REQUESTED)
            .isPresent();
  }

  /**
   * The warm handoff an event concerns.
   *
   * @param handoff the handoff
   * @param callerCall whether the event is about the caller's call, rather than one of the
   *     handoff's consultation calls
   */
  record Claim(OperationId handoff, boolean callerCall) {}

  private static EventOutcome.Result resultOf(Operation before, Operation after, int step) {
    TimelineEntry last = after.timeline().get(after.timeline().size() - 1);
    if (last.disposition() == Disposition.AFTER_TERMINAL) {
      return EventOutcome.Result.AFTER_TERMINAL;
    }
    if (step > 0) {
      StepStatus was = HandoffProgress.of(before).step(step).map(HandoffStep::status).orElse(null);
      StepStatus is = HandoffProgress.of(after).step(step).map(HandoffStep::status).orElse(null);
      return was == is ? EventOutcome.Result.RECORDED : EventOutcome.Result.APPLIED;
    }
    return HandoffProgress.of(before).callEnded() == HandoffProgress.of(after).callEnded()
        ? EventOutcome.Result.RECORDED
        : EventOutcome.Result.APPLIED;
  }

  /** Builds a {@link WarmHandoffSaga}. */
  public static final class Builder {
    private final CallControl provider;
    private final OperationStore store;
    private final OperationChangeBus bus;
    private Clock clock = Clock.systemUTC();
    private SagaPolicy policy = SagaPolicy.defaults();
    private Supplier<OperationId> ids = OperationId::random;

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
     * @param value the waits; default {@link SagaPolicy#defaults()}
     * @return this builder
     */
    public Builder policy(SagaPolicy value) {
      policy = value;
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
     * @return the saga
     */
    public WarmHandoffSaga build() {
      return new WarmHandoffSaga(this);
    }
  }
}
