package dev.handoff.ports.warm;

import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.Disposition;
import dev.handoff.domain.operation.HandoffProgress;
import dev.handoff.domain.operation.HandoffStep;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.StepEntry;
import dev.handoff.domain.operation.StepKind;
import dev.handoff.domain.operation.StepStatus;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.TimelineEntry;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import dev.handoff.ports.in.AdvanceWarmHandoffsUseCase;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.in.IdempotencyConflictException;
import dev.handoff.ports.in.OperationConflictException;
import dev.handoff.ports.in.OperationNotFoundException;
import dev.handoff.ports.in.OperationQuery;
import dev.handoff.ports.in.SubmitOptions;
import dev.handoff.ports.in.WarmHandoffUseCase;
import dev.handoff.ports.out.Admission;
import dev.handoff.ports.out.CallControl;
import dev.handoff.ports.out.OperationChangeBus;
import dev.handoff.ports.out.OperationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
public final class WarmHandoffSaga implements WarmHandoffUseCase, AdvanceWarmHandoffsUseCase {
  private static final int MAX_MOVES = 64;
  private static final int MAX_RETRIES = 64;
  private static final int SWEEP_BATCH = 500;
  private static final List<OperationState> UNFINISHED =
      List.of(
          OperationState.REQUESTED,
          OperationState.SUBMITTED,
          OperationState.IN_PROGRESS,
          OperationState.ACCEPTED,
          OperationState.UNKNOWN);

  private final CallControl provider;
  private final OperationStore store;
  private final OperationChangeBus bus;
  private final Clock clock;
  private final SagaPolicy policy;
  private final Supplier<OperationId> ids;
  private final HandoffDecider decider;
  private final StepActions actions;

  private WarmHandoffSaga(Builder builder) {
    this.provider = Objects.requireNonNull(builder.provider, "provider");
    this.store = Objects.requireNonNull(builder.store, "store");
    this.bus = Objects.requireNonNull(builder.bus, "bus");
    this.clock = Objects.requireNonNull(builder.clock, "clock");
    this.policy = Objects.requireNonNull(builder.policy, "policy");
    this.ids = Objects.requireNonNull(builder.ids, "ids");
    HandoffPlan plan = HandoffPlan.of(provider.capabilities());
    this.decider = new HandoffDecider(plan, policy);
    this.actions = new StepActions(provider, plan);
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
            policy.answerTimeout());
    // The store decides atomically, on any number of instances: a handoff under way takes the
    // call's transfer slot, so that a second handoff or a transfer of the call is refused.
    Admission admission = store.admit(requested);
    if (admission instanceof Admission.KeyHeld) {
      return replay(key.orElseThrow(), ((Admission.KeyHeld) admission).holder(), command);
    }
    if (admission instanceof Admission.Conflict) {
      throw conflict(requested, (Admission.Conflict) admission);
    }
    bus.publish(requested);
    return drive(requested.id());
  }

  private Operation replay(IdempotencyKey key, Operation earlier, WarmHandoff command) {
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
    throw new IllegalStateException("Warm handoff " + id + " kept changing; could not cancel it");
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
    throw new IllegalStateException("Warm handoff " + id + " kept changing; gave up recording");
  }

  /** An answer never moves a step back: an event may have settled it while the answer came. */
  private static StepStatus afterAnswer(StepStatus current, StepStatus answered) {
    if (current.isSettled() || rank(answered) < rank(current)) {
      return current;
    }
    return answered;
  }

  private static int rank(StepStatus status) {
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
    Optional<Match> match = match(event);
    if (match.isEmpty()) {
      return Optional.empty();
    }
    OperationId id = match.get().operation;
    EventOutcome.Result result = EventOutcome.Result.DUPLICATE;
    for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
      Operation current = load(id);
      if (current.hasRecorded(event.meta().eventId())) {
        break;
      }
      Instant now = clock.instant();
      Function<Operation, Operation.Entry> entry = match.get().entry(event, now);
      Optional<Operation> stored = commit(current, entry, now);
      if (stored.isPresent()) {
        result = resultOf(current, stored.get(), match.get().step);
        break;
      }
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
    return match(event)
        .map(
            m ->
                new Claim(
                    m.operation,
                    m.kind != Kind.CONSULTATION_ANSWERED
                        && m.kind != Kind.CONSULTATION_ENDED
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

  /** Which handoff (and step) an event concerns, and how it is recorded there. */
  private final class Match {
    private final OperationId operation;
    private final int step;
    private final Kind kind;

    private Match(OperationId operation, int step, Kind kind) {
      this.operation = operation;
      this.step = step;
      this.kind = kind;
    }

    Function<Operation, Operation.Entry> entry(ProviderEvent event, Instant now) {
      return op -> {
        Operation.Entry entry =
            op.entry(now, TimelineEntry.Source.PROVIDER_EVENT, what(op, event))
                .event(event.meta().eventId(), event.meta().occurredAt())
                .evidence(evidenceOf(event));
        if (step > 0) {
          HandoffStep target = HandoffProgress.of(op).step(step).orElseThrow();
          StepStatus status = statusAfter(target, event);
          entry.step(target.entry().with(status, factsOf(event)));
          failureOf(event, target).ifPresent(entry::failure);
        }
        return entry;
      };
    }

    private String what(Operation op, ProviderEvent event) {
      String type = event.meta().type();
      if (kind == Kind.CALLER_CALL_ENDED && !op.state().isFinal()) {
        return HandoffProgress.CALL_ENDED + " (" + type + ")";
      }
      return type;
    }

    private StepStatus statusAfter(HandoffStep target, ProviderEvent event) {
      StepStatus reported = reported(target, event);
      if (reported == null) {
        return target.status();
      }
      if (target.status().isSettled()) {
        // Only a reach changes once settled: its agent may answer after all, or hang up later.
        return target.kind() == StepKind.REACH && reported.isSettled() ? reported : target.status();
      }
      return rank(reported) < rank(target.status()) ? target.status() : reported;
    }

    private StepStatus reported(HandoffStep target, ProviderEvent event) {
      if (kind == Kind.NOTE) {
        return null;
      }
      if (kind == Kind.CONSULTATION_ANSWERED) {
        return StepStatus.SUCCEEDED;
      }
      if (kind == Kind.CONSULTATION_ENDED) {
        return StepStatus.FAILED;
      }
      Progress progress = progressOf(event);
      if (progress == null) {
        return null;
      }
      switch (progress) {
        case COMPLETED:
          return StepStatus.SUCCEEDED;
        case FAILED:
        case CANCELLED:
          return StepStatus.FAILED;
        default:
          return StepStatus.IN_PROGRESS;
      }
    }

    private Optional<Failure> failureOf(ProviderEvent event, HandoffStep target) {
      if (kind == Kind.CONSULTATION_ENDED) {
        Optional<Failure> reported =
            event instanceof CallActionUpdate
                ? ((CallActionUpdate) event).failure()
                : event instanceof OperationUpdate
                    ? ((OperationUpdate) event).failure()
                    : event instanceof CallLifecycleEvent
                        ? ((CallLifecycleEvent) event).failure()
                        : Optional.empty();
        return Optional.of(
            reported.orElse(
                Failure.of(
                    FailureReason.CANCELLED,
                    target.status() == StepStatus.SUCCEEDED
                        ? "the agent hung up the consultation call"
                        : "the consultation call ended before it was answered",
                    evidenceOf(event))));
      }
      Optional<Failure> reported = Optional.empty();
      if (event instanceof OperationUpdate) {
        reported = ((OperationUpdate) event).failure();
      } else if (event instanceof CallActionUpdate) {
        reported = ((CallActionUpdate) event).failure();
      }
      if (reported.isEmpty() && progressOf(event) == Progress.CANCELLED) {
        reported =
            Optional.of(
                Failure.of(
                    FailureReason.CANCELLED,
                    "cancelled, as the provider reports",
                    evidenceOf(event)));
      }
      return reported;
    }

    private Map<String, String> factsOf(ProviderEvent event) {
      Map<String, String> facts = new LinkedHashMap<>();
      if (event instanceof OperationUpdate) {
        OperationUpdate update = (OperationUpdate) event;
        update.invitationId().ifPresent(id -> facts.put(StepEntry.INVITATION_FACT, id));
        if (update.progress() == Progress.COMPLETED) {
          update.participant().ifPresent(p -> facts.put(StepEntry.PARTICIPANT_FACT, p.rawId()));
        }
      }
      return facts;
    }
  }

  /** How an event is recorded. */
  private enum Kind {
    /** By its own progress, on the step its correlation names. */
    STEP,
    /** Only noted. */
    NOTE,
    /** The caller's call ended. */
    CALLER_CALL_ENDED,
    /** The consultation call was answered. */
    CONSULTATION_ANSWERED,
    /** The consultation call ended. */
    CONSULTATION_ENDED
  }

  private static Progress progressOf(ProviderEvent event) {
    if (event instanceof OperationUpdate) {
      return ((OperationUpdate) event).progress();
    }
    if (event instanceof CallActionUpdate) {
      return ((CallActionUpdate) event).progress();
    }
    return null;
  }

  private static ProviderEvidence evidenceOf(ProviderEvent event) {
    if (event instanceof OperationUpdate) {
      return ((OperationUpdate) event).evidence();
    }
    if (event instanceof CallActionUpdate) {
      return ((CallActionUpdate) event).evidence();
    }
    if (event instanceof CallLifecycleEvent) {
      return ((CallLifecycleEvent) event).evidence();
    }
    return ProviderEvidence.NONE;
  }

  private Optional<Match> match(ProviderEvent event) {
    Optional<String> correlation = Optional.empty();
    String callId;
    if (event instanceof OperationUpdate) {
      correlation = ((OperationUpdate) event).correlation();
      callId = ((OperationUpdate) event).callId();
    } else if (event instanceof CallActionUpdate) {
      correlation = ((CallActionUpdate) event).correlation();
      callId = ((CallActionUpdate) event).callId();
    } else if (event instanceof CallLifecycleEvent) {
      callId = ((CallLifecycleEvent) event).callId();
    } else {
      return Optional.empty();
    }
    if (correlation.isPresent()) {
      Optional<Match> byCorrelation = byCorrelation(correlation.get());
      if (byCorrelation.isPresent()) {
        return byCorrelation;
      }
    }
    Optional<Match> onCallerCall = onCallerCall(event, callId);
    if (onCallerCall.isPresent()) {
      return onCallerCall;
    }
    return onConsultationCall(event, callId);
  }

  private Optional<Match> byCorrelation(String correlation) {
    return StepTokens.parse(correlation)
        .flatMap(
            ref ->
                store
                    .find(ref.operation())
                    .filter(op -> op.kind() == OperationKind.WARM_HANDOFF)
                    .filter(op -> HandoffProgress.of(op).step(ref.step()).isPresent())
                    .map(op -> new Match(op.id(), ref.step(), Kind.STEP)));
  }

  private Optional<Match> onCallerCall(ProviderEvent event, String callId) {
    Operation handoff = null;
    for (Operation op : store.findByCall(event.meta().provider(), callId)) {
      if (op.kind() == OperationKind.WARM_HANDOFF) {
        if (handoff == null || (!op.state().isFinal() && handoff.state().isFinal())) {
          handoff = op;
        }
      }
    }
    if (handoff == null) {
      return Optional.empty();
    }
    if (event instanceof CallLifecycleEvent) {
      CallLifecycleEvent lifecycle = (CallLifecycleEvent) event;
      return Optional.of(
          new Match(
              handoff.id(),
              0,
              lifecycle.change() == CallLifecycleEvent.Change.DISCONNECTED
                      || callerLeft(handoff, lifecycle)
                  ? Kind.CALLER_CALL_ENDED
                  : Kind.NOTE));
    }
    if (event instanceof OperationUpdate
        && ((OperationUpdate) event).scope() == OperationKind.TRANSFER) {
      HandoffProgress progress = HandoffProgress.of(handoff);
      Optional<HandoffStep> transfer =
          progress.steps().stream()
              .filter(s -> s.action() == CallAction.TRANSFER)
              .reduce((a, b) -> b);
      if (transfer.isPresent() && !transfer.get().status().isSettled()) {
        return Optional.of(new Match(handoff.id(), transfer.get().number(), Kind.STEP));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a roster of the caller's call says the caller hung up: it lists the call's participants
   * and the transferee is not among them, before the handoff began to put the caller through (ACS
   * keeps the call going for the bot and the agent; afterwards, a roster without the caller is how
   * a transfer in a group call ends).
   */
  private static boolean callerLeft(Operation handoff, CallLifecycleEvent roster) {
    if (roster.change() != CallLifecycleEvent.Change.PARTICIPANTS_UPDATED
        || roster.participants().isEmpty()
        || handoff.state().isFinal()) {
      return false;
    }
    HandoffProgress progress = HandoffProgress.of(handoff);
    if (progress.last(StepKind.CONNECT).isPresent()) {
      return false;
    }
    return progress
        .transferee()
        .map(Transferee::participant)
        .filter(caller -> roster.participants().stream().noneMatch(caller::sameParty))
        .isPresent();
  }

  private Optional<Match> onConsultationCall(ProviderEvent event, String callId) {
    for (OperationState state : UNFINISHED) {
      OperationQuery query =
          OperationQuery.all()
              .ofKind(OperationKind.WARM_HANDOFF)
              .inState(state)
              .limit(OperationQuery.MAX_LIMIT);
      for (Operation op : store.list(query).operations()) {
        HandoffProgress progress = HandoffProgress.of(op);
        for (HandoffStep step : progress.steps()) {
          if (step.kind() == StepKind.REACH
              && step.fact(StepEntry.CALL_FACT).filter(callId::equals).isPresent()) {
            return Optional.of(
                new Match(op.id(), step.number(), consultationKind(progress, step, event)));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Kind consultationKind(
      HandoffProgress progress, HandoffStep reach, ProviderEvent event) {
    if (event instanceof CallLifecycleEvent
        && ((CallLifecycleEvent) event).change() == CallLifecycleEvent.Change.CONNECTED) {
      return Kind.CONSULTATION_ANSWERED;
    }
    // The call ended: the end of the call itself (Graph's terminated consultation call), a placed
    // call's own update where the provider reports one, or an update a provider's parser may give a
    // call that ends without a transfer (the end of a redirect, which the consultation call is
    // not).
    boolean ended =
        (event instanceof CallLifecycleEvent
                && ((CallLifecycleEvent) event).change() == CallLifecycleEvent.Change.DISCONNECTED)
            || (event instanceof CallActionUpdate
                && ((CallActionUpdate) event).action() == CallAction.PLACE_CALL
                && ((CallActionUpdate) event).progress().isFinal())
            || (event instanceof OperationUpdate
                && ((OperationUpdate) event).scope() == OperationKind.REDIRECT
                && ((OperationUpdate) event).progress().isFinal());
    if (ended) {
      boolean replaced = progress.last(StepKind.CONNECT, reach.target().getAsInt()).isPresent();
      return replaced ? Kind.NOTE : Kind.CONSULTATION_ENDED;
    }
    return Kind.NOTE;
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
