package dev.handoff.domain.operation;

import dev.handoff.domain.Violations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Fixed once per operation and sent unchanged with every attempt to submit it, so that a provider
 * with repeatable requests (ACS {@code Repeatability-Request-ID} and {@code
 * Repeatability-First-Sent}) executes it at most once, even across a restart.
 *
 * @param requestId a version 4 (random) UUID
 * @param firstSent when the operation was first sent, to the second (the precision of an HTTP date)
 */
public record SubmissionToken(UUID requestId, Instant firstSent) {

  /** Validates the token and drops sub-second precision from the date. */
  public SubmissionToken {
    Violations v = Violations.of("SubmissionToken");
    if (v.required("requestId", requestId)) {
      v.check(
          requestId.version() == 4, "requestId", "must be a version 4 (random) UUID", requestId);
    }
    v.required("firstSent", firstSent);
    v.throwIfAny();
    firstSent = firstSent.truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * @param now the time of the first submission
   * @return a new token with a random request id
   */
  public static SubmissionToken create(Instant now) {
    return new SubmissionToken(UUID.randomUUID(), now);
  }
}
