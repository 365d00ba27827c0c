package dev.handoff.domain.event;

import dev.handoff.domain.Violations;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.participant.Participant;
import java.util.Optional;

/**
 * A provider event about one action of a warm handoff that is no operation of its own: a hold that
 * failed, a prompt that started or finished, a participant removed, a consultation call that ended.
 *
 * @param meta what every event carries
 * @param callId the call the action acted on (for a placed call: the new call)
 * @param action the action
 * @param progress how far it got
 * @param correlation the correlation string the provider echoed (ACS operationContext, Graph
 *     clientContext), when it echoed one
 * @param participant the participant the event concerns
 * @param failure why it failed; present exactly when {@code progress} is {@link Progress#FAILED},
 *     optional for {@link Progress#CANCELLED}
 * @param evidence what the provider said, success codes included
 */
public record CallActionUpdate(
    EventMeta meta,
    String callId,
    CallAction action,
    Progress progress,
    Optional<String> correlation,
    Optional<Participant> participant,
    Optional<Failure> failure,
    ProviderEvidence evidence)
    implements ProviderEvent {

  /** Validates the update. */
  public CallActionUpdate {
    Violations v = Violations.of("CallActionUpdate");
    v.required("meta", meta);
    v.identifier("callId", callId);
    v.required("action", action);
    v.required("progress", progress);
    correlation = correlation == null ? Optional.empty() : correlation;
    participant = participant == null ? Optional.empty() : participant;
    failure = failure == null ? Optional.empty() : failure;
    evidence = evidence == null ? ProviderEvidence.NONE : evidence;
    if (progress == Progress.FAILED) {
      v.check(failure.isPresent(), "failure", "is required when progress is FAILED", null);
    } else if (progress != Progress.CANCELLED) {
      v.check(
          failure.isEmpty(),
          "failure",
          "must be absent unless progress is FAILED or CANCELLED",
          null);
    }
    v.throwIfAny();
  }
}
