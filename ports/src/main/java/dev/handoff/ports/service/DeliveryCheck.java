package dev.handoff.ports.service;

import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.IncomingCall;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.event.UnrecognizedEvent;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.provider.ProviderCapabilities;
import dev.handoff.ports.callback.BoundCallbacks;
import dev.handoff.ports.in.Delivery;
import dev.handoff.ports.in.DeliveryRefusedException;
import dev.handoff.ports.out.OperationStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks a delivery's events against what the delivery is bound to, before anything of it is
 * recorded:
 *
 * <ul>
 *   <li>bound to an operation: every event is about that operation's call, no incoming call is in
 *       it, and every operation update is about that operation;
 *   <li>bound to a call: every event is about that call, and no operation update concerns an
 *       operation whose events go to a URI bound to it;
 *   <li>unbound: no operation update concerns an operation whose events go to a URI bound to it
 *       and, where calls are bound ({@link DeliveryPolicy#callsBound()}), it carries nothing but
 *       incoming calls and events Handoff does not recognise (which change nothing).
 * </ul>
 */
final class DeliveryCheck {
  private final OperationStore store;
  private final DeliveryPolicy policy;
  private final Supplier<ProviderCapabilities> capabilities;

  DeliveryCheck(
      OperationStore store, DeliveryPolicy policy, Supplier<ProviderCapabilities> capabilities) {
    this.store = store;
    this.policy = policy;
    this.capabilities = capabilities;
  }

  /**
   * @throws DeliveryRefusedException when an event breaks the binding
   */
  void check(List<ProviderEvent> events, Delivery delivery) {
    if (delivery instanceof Delivery.ToOperation) {
      toOperation(events, ((Delivery.ToOperation) delivery));
    } else if (delivery instanceof Delivery.ToCall) {
      toCall(events, ((Delivery.ToCall) delivery).callId());
    } else {
      unbound(events);
    }
  }

  private void toOperation(List<ProviderEvent> events, Delivery.ToOperation delivery) {
    Operation bound =
        store
            .find(delivery.operation())
            .orElseThrow(
                () ->
                    mismatch(
                        "the delivery is bound to operation "
                            + delivery.operation()
                            + ", which does not exist"));
    for (ProviderEvent event : events) {
      if (event instanceof IncomingCall) {
        throw mismatch(
            "an incoming call cannot come through the callback URI of operation " + bound.id());
      }
      requireCall(event, bound.callId(), "operation " + bound.id());
      if (event instanceof OperationUpdate) {
        Optional<Operation> target = target((OperationUpdate) event);
        if (target.isEmpty() || !target.get().id().equals(bound.id())) {
          throw mismatch(
              "a "
                  + ((OperationUpdate) event).scope()
                  + " event came through the callback URI of operation "
                  + bound.id()
                  + " but is about "
                  + target.map(o -> "operation " + o.id()).orElse("no operation of it"));
        }
      }
    }
  }

  private void toCall(List<ProviderEvent> events, String callId) {
    for (ProviderEvent event : events) {
      requireCall(event, callId, "call " + callId);
      if (event instanceof OperationUpdate) {
        target((OperationUpdate) event)
            .filter(this::boundToItsUri)
            .ifPresent(
                operation -> {
                  throw unbound(operation);
                });
      }
    }
  }

  private void unbound(List<ProviderEvent> events) {
    for (ProviderEvent event : events) {
      // Incoming calls are announced per resource, and what is unrecognised changes nothing.
      if (event instanceof IncomingCall
          || event instanceof UnrecognizedEvent
          || !policy.callsBound() && !isUpdate(event)) {
        continue;
      }
      if (policy.callsBound()) {
        throw new DeliveryRefusedException(
            DeliveryRefusedException.Reason.UNBOUND,
            "a "
                + describe(event)
                + " came through an unbound callback URI; call events must come through the URI"
                + " bound to their call");
      }
      target((OperationUpdate) event)
          .filter(this::boundToItsUri)
          .ifPresent(
              operation -> {
                throw unbound(operation);
              });
    }
  }

  private static boolean isUpdate(ProviderEvent event) {
    return event instanceof OperationUpdate;
  }

  private boolean boundToItsUri(Operation operation) {
    return policy.operationsBound()
        && BoundCallbacks.directs(operation.command(), capabilities.get());
  }

  private Optional<Operation> target(OperationUpdate update) {
    try {
      return EventMatcher.match(
          update, store.findByCall(update.meta().provider(), update.callId()));
    } catch (EventMatcher.AmbiguousMatchException ambiguous) {
      return Optional.empty();
    }
  }

  private static void requireCall(ProviderEvent event, String callId, String boundTo) {
    Optional<String> about = callOf(event);
    if (about.isEmpty() || !about.get().equals(callId)) {
      throw mismatch(
          "a "
              + describe(event)
              + " about "
              + about.map(id -> "call " + id).orElse("no call")
              + " came through the callback URI of "
              + boundTo);
    }
  }

  private static Optional<String> callOf(ProviderEvent event) {
    if (event instanceof OperationUpdate) {
      return Optional.of(((OperationUpdate) event).callId());
    }
    if (event instanceof CallLifecycleEvent) {
      return Optional.of(((CallLifecycleEvent) event).callId());
    }
    if (event instanceof CallActionUpdate) {
      return Optional.of(((CallActionUpdate) event).callId());
    }
    if (event instanceof IncomingCall) {
      return Optional.of(((IncomingCall) event).callId());
    }
    return ((UnrecognizedEvent) event).callId();
  }

  private static String describe(ProviderEvent event) {
    return event.meta().type() + " event";
  }

  private static DeliveryRefusedException unbound(Operation operation) {
    return new DeliveryRefusedException(
        DeliveryRefusedException.Reason.UNBOUND,
        "an event about operation "
            + operation.id()
            + " came through another callback URI than the one bound to it");
  }

  private static DeliveryRefusedException mismatch(String message) {
    return new DeliveryRefusedException(DeliveryRefusedException.Reason.MISMATCH, message);
  }
}
