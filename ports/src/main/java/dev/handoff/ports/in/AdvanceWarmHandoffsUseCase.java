package dev.handoff.ports.in;

/**
 * Wake the warm handoffs that wait for time rather than an event: a target that rang too long, an
 * event that did not come, a step a crash interrupted. Run it periodically on every instance.
 */
public interface AdvanceWarmHandoffsUseCase {
  /**
   * @return how many handoffs were due
   */
  int advanceDueHandoffs();
}
