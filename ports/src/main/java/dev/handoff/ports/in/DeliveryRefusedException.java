package dev.handoff.ports.in;

import dev.handoff.domain.HandoffException;

/**
 * Thrown when a callback delivery is authentic but not bound to what it would change: its URL's
 * token is wrong, or an event in it concerns another operation or call than the one its URL was
 * issued for, or it would settle an operation whose events Handoff directed to a bound URL. Nothing
 * of the delivery was recorded.
 */
public final class DeliveryRefusedException extends HandoffException {
  private static final long serialVersionUID = 1L;

  /** Why a delivery was refused. */
  public enum Reason {
    /** The binding token in the URL is not one this service issued for what the URL names. */
    BAD_TOKEN,
    /** An event concerns another operation or call than the one the delivery is bound to. */
    MISMATCH,
    /** An unbound delivery would change an operation that only a bound delivery may change. */
    UNBOUND
  }

  private final Reason reason;

  /**
   * @param reason why
   * @param message what was wrong, for the sender and the log
   */
  public DeliveryRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * @return why
   */
  public Reason reason() {
    return reason;
  }
}
