package dev.handoff.emulator.internal.state;

import dev.handoff.emulator.fault.CallbackFault;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.fault.FaultRule;
import dev.handoff.emulator.internal.http.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The injected request and callback faults, each consumed as it applies. Thread-safe. */
public final class FaultEngine {

  private final List<Armed<FaultRule>> requestFaults = new ArrayList<>();
  private final List<Armed<CallbackFault>> callbackFaults = new ArrayList<>();
  private final Map<String, CountDownLatch> gates = new HashMap<>();
  private long nextId;

  /** A rule with its id and how many more times it applies (-1 = unlimited). */
  private static final class Armed<T> {
    private final String id;
    private final T rule;
    private int remaining;

    private Armed(String id, T rule, Integer times) {
      this.id = id;
      this.rule = rule;
      this.remaining = times == null || times == 0 ? -1 : times;
    }
  }

  /** A rule as listed by the control API. */
  public record ArmedView<T>(String id, T rule, Integer remaining) {}

  /** Arms a request fault and returns its id. */
  public synchronized String add(FaultRule rule) {
    String id = "fault-" + ++nextId;
    requestFaults.add(new Armed<>(id, rule, rule.times()));
    return id;
  }

  /** Arms a callback fault and returns its id. */
  public synchronized String add(CallbackFault fault) {
    String id = "callback-fault-" + ++nextId;
    callbackFaults.add(new Armed<>(id, fault, fault.times()));
    return id;
  }

  /** Removes a fault by id; returns whether it existed. */
  public synchronized boolean remove(String id) {
    return requestFaults.removeIf(a -> a.id.equals(id))
        | callbackFaults.removeIf(a -> a.id.equals(id));
  }

  /** Removes every fault, and opens every gate (releasing the requests held at them). */
  public synchronized void clear() {
    requestFaults.clear();
    callbackFaults.clear();
    gates.values().forEach(CountDownLatch::countDown);
    gates.clear();
  }

  /** Opens a gate: the requests held at it go on, and later ones pass at once. */
  public synchronized void openGate(String name) {
    gates.computeIfAbsent(name, n -> new CountDownLatch(1)).countDown();
  }

  /**
   * Holds the calling request thread at a gate until it is opened, or at most {@code limit}.
   *
   * @return whether the gate was opened (false: the limit passed)
   */
  public boolean awaitGate(String name, Duration limit) throws InterruptedException {
    CountDownLatch gate;
    synchronized (this) {
      gate = gates.computeIfAbsent(name, n -> new CountDownLatch(1));
    }
    return gate.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The armed request faults. */
  public synchronized List<ArmedView<FaultRule>> requestFaults() {
    return requestFaults.stream().map(FaultEngine::view).toList();
  }

  /** The armed callback faults. */
  public synchronized List<ArmedView<CallbackFault>> callbackFaults() {
    return callbackFaults.stream().map(FaultEngine::view).toList();
  }

  private static <T> ArmedView<T> view(Armed<T> armed) {
    return new ArmedView<>(armed.id, armed.rule, armed.remaining < 0 ? null : armed.remaining);
  }

  /** Consumes the first request fault matching the request, if any. */
  public synchronized Optional<FaultAction> take(String operation, Request request) {
    for (Iterator<Armed<FaultRule>> it = requestFaults.iterator(); it.hasNext(); ) {
      Armed<FaultRule> armed = it.next();
      FaultRule rule = armed.rule;
      boolean matches =
          (rule.operation() == null || rule.operation().equalsIgnoreCase(operation))
              && (rule.method() == null || rule.method().equalsIgnoreCase(request.method()))
              && (rule.pathPattern() == null
                  || Pattern.compile(rule.pathPattern()).matcher(request.rawPath()).find());
      if (matches) {
        consume(it, armed);
        return Optional.of(rule.action());
      }
    }
    return Optional.empty();
  }

  /** Consumes the first callback fault matching the event of a call, if any. */
  public synchronized Optional<CallbackFault.Kind> takeCallbackFault(String event, String callId) {
    for (Iterator<Armed<CallbackFault>> it = callbackFaults.iterator(); it.hasNext(); ) {
      Armed<CallbackFault> armed = it.next();
      CallbackFault fault = armed.rule;
      boolean matches =
          (fault.event() == null || fault.event().equalsIgnoreCase(event))
              && (fault.callId() == null || fault.callId().equals(callId));
      if (matches) {
        consume(it, armed);
        return Optional.of(fault.kind());
      }
    }
    return Optional.empty();
  }

  private static <T> void consume(Iterator<Armed<T>> it, Armed<T> armed) {
    if (armed.remaining > 0 && --armed.remaining == 0) {
      it.remove();
    }
  }
}
