package dev.handoff.ports.in;

import dev.handoff.domain.operation.OperationId;
import java.util.Objects;

/**
 * What one callback delivery is bound to, as its URL proved (see {@link
 * dev.handoff.ports.callback.CallbackBinding}): nothing, one operation, or one call. A valid
 * provider signature says who sent a delivery, not which operation it may settle; the binding does.
 */
public sealed interface Delivery permits Delivery.Unbound, Delivery.ToOperation, Delivery.ToCall {

  /**
   * @return a delivery whose URL carries no binding: the provider's per-resource endpoint (incoming
   *     calls, call events)
   */
  static Delivery unbound() {
    return Unbound.INSTANCE;
  }

  /**
   * @param operation the operation the URL was issued for
   * @return a delivery that may concern only that operation and its call
   */
  static Delivery toOperation(OperationId operation) {
    return new ToOperation(operation);
  }

  /**
   * @param callId the call the URL was issued for
   * @return a delivery that may concern only that call
   */
  static Delivery toCall(String callId) {
    return new ToCall(callId);
  }

  /** No binding. */
  final class Unbound implements Delivery {
    private static final Unbound INSTANCE = new Unbound();

    private Unbound() {}

    @Override
    public String toString() {
      return "unbound delivery";
    }
  }

  /**
   * Bound to one operation.
   *
   * @param operation the operation
   */
  record ToOperation(OperationId operation) implements Delivery {
    /** Validates the parts. */
    public ToOperation {
      Objects.requireNonNull(operation, "operation");
    }
  }

  /**
   * Bound to one call.
   *
   * @param callId the call
   */
  record ToCall(String callId) implements Delivery {
    /** Validates the parts. */
    public ToCall {
      Objects.requireNonNull(callId, "callId");
    }
  }
}
