package dev.handoff.ports.in;

import dev.handoff.ports.Subscription;

/** Follow the changes of every operation, or of those a filter selects, as they are stored. */
public interface SubscribeToAllOperationChangesUseCase {
  /**
   * Delivers each change stored from now on whose operation, after the change, matches the filter:
   * no snapshot of what happened before. For each operation the versions arrive in increasing order
   * and each at most once (a version older than one already delivered is dropped). The subscription
   * lasts until it is closed; {@link OperationListener#onEnd()} is never called.
   *
   * @param filter which changes to deliver
   * @param listener receives them; must not block
   * @return the subscription
   */
  Subscription subscribeAll(OperationFilter filter, OperationListener listener);
}
