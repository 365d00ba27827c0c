package dev.handoff.ports.in;

/**
 * Drive operations whose final word did not come by their deadline to a definite state: where the
 * provider can be asked, its state settles them (or is consulted again later while it reports them
 * under way); the rest become UNKNOWN, saying why. Run it periodically.
 */
public interface ExpireOverdueOperationsUseCase {
  /**
   * @return how many operations changed state: settled by reconciliation, or moved to UNKNOWN
   */
  int expireOverdue();
}
