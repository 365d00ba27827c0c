package dev.handoff.ports.warm;

import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.IncomingCall;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.event.UnrecognizedEvent;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.provider.Capability;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.in.DeliveryDeferredException;
import dev.handoff.ports.in.DeliveryRefusedException;
import dev.handoff.ports.in.EventOutcome;
import dev.handoff.ports.in.EventReport;
import dev.handoff.ports.in.RecordProviderEventsUseCase;
import dev.handoff.ports.service.DeliveryPolicy;
import dev.handoff.ports.service.DeliveryReads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Records provider events where they belong: the events of a warm handoff's steps go to its saga,
 * every other event to the application service. A change of the caller's call (connected,
 * disconnected, roster) goes to both, since a handoff and other operations may share the call.
 *
 * <p>A delivery is checked against what it is bound to before anything of it is recorded, as the
 * application service checks its own events:
 *
 * <ul>
 *   <li>bound to an operation: a handoff's event must be about that handoff. Its steps' callbacks
 *       are bound to it ({@link dev.handoff.ports.callback.BoundCallbacks}), and so is the
 *       consultation call it places: an event about another call, not yet known as one of its
 *       consultation calls, is deferred ({@link DeliveryDeferredException}: the provider delivers
 *       it again) while a placement is awaiting its answer, and left unmatched otherwise;
 *   <li>bound to a call: a handoff's event must be about that call;
 *   <li>unbound: refused where calls are bound ({@link DeliveryPolicy#callsBound()}), and a step's
 *       event is refused where the steps' callbacks are bound to their handoff (the provider takes
 *       a callback per action and {@link DeliveryPolicy#operationsBound()}).
 * </ul>
 *
 * <p>The rest of the delivery is checked, and recorded, by the application service before the
 * handoffs' events are recorded, so that a refused delivery records nothing.
 */
public final class HandoffEventRouter implements RecordProviderEventsUseCase {
  private final WarmHandoffSaga saga;
  private final RecordProviderEventsUseCase others;
  private final DeliveryPolicy policy;
  private final Supplier<ProviderCapabilities> capabilities;

  /**
   * A router for deliveries without binding rules ({@link DeliveryPolicy#open()}).
   *
   * @param saga the warm handoffs' saga
   * @param others where every other event goes, e.g. {@code HandoffService}
   */
  public HandoffEventRouter(WarmHandoffSaga saga, RecordProviderEventsUseCase others) {
    this(saga, others, DeliveryPolicy.open(), () -> null);
  }

  /**
   * @param saga the warm handoffs' saga
   * @param others where every other event goes, e.g. {@code HandoffService}, checking its events
   *     against the same policy
   * @param policy which deliveries may change which operations
   * @param capabilities what the provider carries (whether it takes a callback per action)
   */
  public HandoffEventRouter(
      WarmHandoffSaga saga,
      RecordProviderEventsUseCase others,
      DeliveryPolicy policy,
      Supplier<ProviderCapabilities> capabilities) {
    this.saga = Objects.requireNonNull(saga, "saga");
    this.others = Objects.requireNonNull(others, "others");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
  }

  @Override
  public EventReport record(List<ProviderEvent> events, Delivery delivery) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(delivery, "delivery");
    return DeliveryReads.during(() -> route(events, delivery));
  }

  private EventReport route(List<ProviderEvent> events, Delivery delivery) {
    Optional<Operation> boundHandoff =
        delivery instanceof Delivery.ToOperation
            ? saga.handoff(((Delivery.ToOperation) delivery).operation())
            : Optional.empty();
    EventOutcome[] outcomes = new EventOutcome[events.size()];
    List<WarmHandoffSaga.Claim> claims = new ArrayList<>(events.size());
    List<Integer> toOthers = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      ProviderEvent event = events.get(i);
      Optional<WarmHandoffSaga.Claim> claim = saga.claim(event);
      claims.add(claim.orElse(null));
      if (claim.isPresent()) {
        check(event, claim.get(), delivery);
        if (event instanceof CallLifecycleEvent && claim.get().callerCall()) {
          toOthers.add(i);
        }
      } else if (boundHandoff.isPresent()
          && !(event instanceof IncomingCall)
          && callOf(event).filter(boundHandoff.get().callId()::equals).isEmpty()) {
        if (saga.placingCall(boundHandoff.get())) {
          throw new DeliveryDeferredException(
              "a "
                  + event.meta().type()
                  + " event about "
                  + callOf(event).map(id -> "call " + id).orElse("no call")
                  + " came through the callback URI of warm handoff "
                  + boundHandoff.get().id()
                  + " while the handoff is placing a call not yet answered with its id;"
                  + " deliver it again");
        }
        outcomes[i] =
            new EventOutcome(
                event,
                EventOutcome.Result.UNMATCHED,
                List.of(),
                Optional.of(
                    "not about a call warm handoff "
                        + boundHandoff.get().id()
                        + " is known to have (yet)"));
      } else {
        toOthers.add(i);
      }
    }
    List<EventOutcome> rest =
        toOthers.isEmpty()
            ? List.of()
            : others.record(toOthers.stream().map(events::get).toList(), delivery).outcomes();
    for (int k = 0; k < toOthers.size(); k++) {
      outcomes[toOthers.get(k)] = rest.get(k);
    }
    for (int i = 0; i < events.size(); i++) {
      if (claims.get(i) != null) {
        outcomes[i] = merge(saga.offer(events.get(i)), outcomes[i], events.get(i));
      }
    }
    return new EventReport(Arrays.asList(outcomes));
  }

  private static EventOutcome merge(
      Optional<EventOutcome> handoff, EventOutcome rest, ProviderEvent event) {
    if (handoff.isEmpty()) {
      // The handoff it concerned was gone by the time it was offered.
      return rest != null
          ? rest
          : new EventOutcome(
              event,
              EventOutcome.Result.UNMATCHED,
              List.of(),
              Optional.of("the warm handoff it concerned is gone"));
    }
    if (rest == null) {
      return handoff.get();
    }
    Set<OperationId> touched = new LinkedHashSet<>(handoff.get().operations());
    touched.addAll(rest.operations());
    return new EventOutcome(
        event, handoff.get().result(), List.copyOf(touched), handoff.get().detail());
  }

  private void check(ProviderEvent event, WarmHandoffSaga.Claim claim, Delivery delivery) {
    if (delivery instanceof Delivery.ToOperation) {
      OperationId bound = ((Delivery.ToOperation) delivery).operation();
      if (!claim.handoff().equals(bound)) {
        throw new DeliveryRefusedException(
            DeliveryRefusedException.Reason.MISMATCH,
            "a "
                + event.meta().type()
                + " event came through the callback URI of operation "
                + bound
                + " but is about warm handoff "
                + claim.handoff());
      }
      return;
    }
    if (delivery instanceof Delivery.ToCall) {
      String callId = ((Delivery.ToCall) delivery).callId();
      if (callOf(event).filter(callId::equals).isEmpty()) {
        throw new DeliveryRefusedException(
            DeliveryRefusedException.Reason.MISMATCH,
            "a "
                + event.meta().type()
                + " event about "
                + callOf(event).map(id -> "call " + id).orElse("no call")
                + " came through the callback URI of call "
                + callId);
      }
    } else if (policy.callsBound()) {
      throw new DeliveryRefusedException(
          DeliveryRefusedException.Reason.UNBOUND,
          "a "
              + event.meta().type()
              + " event came through an unbound callback URI; call events must come through the"
              + " URI bound to their call");
    }
    if (isStepEvent(event) && stepsBound()) {
      throw new DeliveryRefusedException(
          DeliveryRefusedException.Reason.UNBOUND,
          "an event about warm handoff "
              + claim.handoff()
              + " came through another callback URI than the one bound to it");
    }
  }

  /** A step's own answer, sent to the callback of its action (not a change of a call). */
  private static boolean isStepEvent(ProviderEvent event) {
    return (event instanceof CallActionUpdate
            && ((CallActionUpdate) event).correlation().isPresent())
        || (event instanceof OperationUpdate
            && ((OperationUpdate) event).correlation().isPresent());
  }

  private boolean stepsBound() {
    ProviderCapabilities carried = capabilities.get();
    return policy.operationsBound()
        && carried != null
        && carried.supports(Capability.HANDOFF_CALLBACK_OVERRIDE);
  }

  private static Optional<String> callOf(ProviderEvent event) {
    if (event instanceof OperationUpdate) {
      return Optional.of(((OperationUpdate) event).callId());
    }
    if (event instanceof CallActionUpdate) {
      return Optional.of(((CallActionUpdate) event).callId());
    }
    if (event instanceof CallLifecycleEvent) {
      return Optional.of(((CallLifecycleEvent) event).callId());
    }
    if (event instanceof IncomingCall) {
      return Optional.of(((IncomingCall) event).callId());
    }
    return ((UnrecognizedEvent) event).callId();
  }
}
