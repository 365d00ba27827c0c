package dev.handoff.ports.in;

import dev.handoff.domain.operation.Operation;

/** Receives an operation's changes. */
public interface OperationListener {
  /**
   * Called with the operation as it stands, then once per change, each time with a higher version.
   * Must not block.
   *
   * @param operation the operation after the change
   */
  void onChange(Operation operation);

  /** Called once after the operation reached a final state; no change follows. */
  default void onEnd() {}
}
