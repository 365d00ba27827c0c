package dev.handoff.ports.in;

import java.time.Duration;

/**
 * Finish submissions a crash interrupted: operations still REQUESTED long after they were recorded.
 * With a provider whose requests are repeatable they are sent again with the same submission token,
 * which the provider executes at most once; otherwise they become UNKNOWN, because sending again
 * could execute twice.
 */
public interface ResumeInterruptedOperationsUseCase {
  /**
   * @param olderThan how long an operation must have stood in REQUESTED; longer than any submission
   *     can take, so that submissions still in flight are left alone
   * @return how many operations were resumed or moved to UNKNOWN
   */
  int resumeInterrupted(Duration olderThan);
}
