package dev.handoff.ports.client;

/**
 * A provider's way of reading its callback deliveries: check that a delivery really comes from the
 * provider, then parse it into provider events. Each adapter offers one ({@code
 * AcsCallbacks.from(verifier)}, {@code GraphNotifications.from(authenticator)}).
 */
@FunctionalInterface
public interface CallbackReader {
  /**
   * @param delivery the delivery as received
   * @return its content
   * @throws CallbackRejectedException when it is not authentic ({@link
   *     CallbackRejectedException.Reason#UNAUTHENTICATED}), not readable ({@link
   *     CallbackRejectedException.Reason#MALFORMED}), or the keys to check it could not be loaded
   *     ({@link CallbackRejectedException.Reason#KEYS_UNAVAILABLE})
   */
  CallbackContent read(CallbackDelivery delivery);
}
