package dev.handoff.ports.client;

import dev.handoff.domain.operation.Operation;
import java.time.Duration;

/** An operation that did not reach a final state within the time waited. */
public final class OutcomeTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Operation last;

  OutcomeTimeoutException(Operation last, Duration waited) {
    super(
        "operation "
            + last.id().value()
            + " is still "
            + last.state()
            + " after waiting "
            + waited.toMillis()
            + " ms");
    this.last = last;
  }

  /**
   * @return the operation as it stood when the wait ended
   */
  public Operation last() {
    return last;
  }
}
