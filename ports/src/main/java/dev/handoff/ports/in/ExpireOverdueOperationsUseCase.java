package dev.handoff.ports.in;

/** Move active operations whose deadline has passed to UNKNOWN. Run it periodically. */
public interface ExpireOverdueOperationsUseCase {
  /**
   * @return how many operations were moved to UNKNOWN
   */
  int expireOverdue();
}
