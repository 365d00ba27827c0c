package dev.handoff.ports.service;

import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.in.OperationFilter;
import dev.handoff.ports.in.OperationListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Passes the changes of many operations to one listener: those the filter selects, per operation in
 * increasing version order, each version at most once. The bus may deliver late or twice; the
 * highest version delivered is remembered for the {@value #REMEMBERED} operations changed most
 * recently, which bounds the memory of a subscription that lasts for days.
 */
final class ChangeFeed implements Subscription {
  /** How many operations' versions a feed remembers. */
  static final int REMEMBERED = 10_000;

  private final OperationFilter filter;
  private final OperationListener listener;
  private final Map<OperationId, Long> delivered =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<OperationId, Long> eldest) {
          return size() > REMEMBERED;
        }
      };
  private Subscription subscription = () -> {};
  private boolean closed;

  ChangeFeed(OperationFilter filter, OperationListener listener) {
    this.filter = filter;
    this.listener = listener;
  }

  synchronized void attach(Subscription value) {
    if (closed) {
      value.close();
    } else {
      subscription = value;
    }
  }

  synchronized void offer(Operation operation) {
    if (closed) {
      return;
    }
    Long last = delivered.get(operation.id());
    if (last != null && operation.version() <= last) {
      return;
    }
    delivered.put(operation.id(), operation.version());
    if (filter.matches(operation)) {
      listener.onChange(operation);
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      subscription.close();
    }
  }
}
