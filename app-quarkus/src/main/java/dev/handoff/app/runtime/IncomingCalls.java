package dev.handoff.app.runtime;

import dev.handoff.domain.event.IncomingCall;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The incoming calls announced recently, newest first, so that API clients can learn the
 * incoming-call context they need to redirect one. Bounded; a repeated announcement is kept once.
 */
@ApplicationScoped
public class IncomingCalls {
  /** How many calls are kept. */
  public static final int CAPACITY = 200;

  private final Deque<IncomingCall> calls = new ArrayDeque<>();

  /**
   * @param call an announced call
   */
  public synchronized void announce(IncomingCall call) {
    if (calls.stream().anyMatch(known -> known.meta().eventId().equals(call.meta().eventId()))) {
      return;
    }
    calls.addFirst(call);
    while (calls.size() > CAPACITY) {
      calls.removeLast();
    }
  }

  /**
   * @return the calls, newest first
   */
  public synchronized List<IncomingCall> recent() {
    return List.copyOf(calls);
  }
}
