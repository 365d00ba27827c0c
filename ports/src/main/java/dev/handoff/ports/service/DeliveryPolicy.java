package dev.handoff.ports.service;

/**
 * Which callback deliveries may change which operations, beyond being authentic (see {@link
 * dev.handoff.ports.in.Delivery} and {@link dev.handoff.ports.callback.CallbackBinding}).
 *
 * @param operationsBound Handoff hands the provider per-operation callback URIs bound to their
 *     operation ({@link dev.handoff.ports.callback.BoundCallbacks#bound}): the events of an
 *     operation sent that way are accepted only from a delivery bound to it
 * @param callsBound the application points each call's callbacks at a URI bound to that call: an
 *     unbound delivery may then announce incoming calls only, and nothing else
 */
public record DeliveryPolicy(boolean operationsBound, boolean callsBound) {

  /**
   * @return no binding required: any authentic delivery may change any operation (the behaviour
   *     when no {@link dev.handoff.ports.callback.CallbackBinding} is used)
   */
  public static DeliveryPolicy open() {
    return new DeliveryPolicy(false, false);
  }

  /**
   * @return operations sent with a bound per-operation URI accept their events only from it; call
   *     events and operations without such a URI accept unbound deliveries
   */
  public static DeliveryPolicy forBoundOperations() {
    return new DeliveryPolicy(true, false);
  }

  /**
   * @return this policy, with unbound deliveries limited to incoming calls
   */
  public DeliveryPolicy withCallsBound() {
    return new DeliveryPolicy(operationsBound, true);
  }
}
