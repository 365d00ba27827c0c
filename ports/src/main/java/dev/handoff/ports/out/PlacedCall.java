package dev.handoff.ports.out;

import dev.handoff.domain.operation.SubmitResult;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider's answer to placing a call, and the new call's id when it gave one.
 *
 * @param result the answer
 * @param callId the new call's id; present when the result is {@link SubmitResult.Accepted}
 */
public record PlacedCall(SubmitResult result, Optional<String> callId) {
  /** Validates the parts. */
  public PlacedCall {
    Objects.requireNonNull(result, "result");
    callId = callId == null ? Optional.empty() : callId;
    if (result instanceof SubmitResult.Accepted && callId.isEmpty()) {
      throw new IllegalArgumentException("an accepted call placement names the new call");
    }
  }
}
