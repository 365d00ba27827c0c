package dev.handoff.ports.in;

import dev.handoff.domain.HandoffException;

/**
 * Thrown when a callback delivery came too early to be recorded: an event in it is about a call
 * that the operation its URL is bound to is placing, and the provider has not yet answered the
 * placement with that call's id. Nothing of the delivery was recorded; the provider should deliver
 * it again shortly (answer 503 with {@code Retry-After}), by when the call is known.
 *
 * <p>Without this, a consultation call that fails at once (a busy target) could report its end
 * before its placement is answered, and the handoff would learn of it only at its deadline.
 */
public final class DeliveryDeferredException extends HandoffException {
  private static final long serialVersionUID = 1L;

  /** The seconds after which a deferred delivery is worth sending again. */
  public static final int RETRY_AFTER_SECONDS = 1;

  /**
   * @param message what is awaited, for the sender and the log
   */
  public DeliveryDeferredException(String message) {
    super(message);
  }
}
