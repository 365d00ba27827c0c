package dev.handoff.ports.service;

import dev.handoff.domain.operation.Operation;
import dev.handoff.ports.Subscription;
import dev.handoff.ports.in.OperationListener;

/**
 * Passes an operation's changes to a listener in version order, each version at most once, and ends
 * the subscription after a final state. The bus may deliver out of order or twice; the snapshot
 * read at subscription may race with a change; this gate absorbs both.
 */
final class VersionGate implements Subscription {
  private final OperationListener listener;
  private Subscription subscription = () -> {};
  private long delivered;
  private boolean closed;

  VersionGate(OperationListener listener) {
    this.listener = listener;
  }

  synchronized void attach(Subscription value) {
    subscription = value;
  }

  synchronized void offer(Operation operation) {
    if (closed || operation.version() <= delivered) {
      return;
    }
    delivered = operation.version();
    listener.onChange(operation);
    if (operation.state().isFinal()) {
      close();
      listener.onEnd();
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
