package dev.handoff.domain.event;

import dev.handoff.domain.Violations;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.participant.Participant;
import java.util.Optional;

/**
 * A provider event about one operation's progress.
 *
 * @param meta what every event carries
 * @param callId the call the operation acts on
 * @param scope the kind of operation the event concerns
 * @param progress how far the operation got
 * @param correlation the correlation string the provider echoed (ACS operationContext, Graph
 *     clientContext), when it echoed one
 * @param invitationId the invitation the event concerns (add and cancel)
 * @param participant the participant the event concerns
 * @param failure why it failed or was cancelled; present exactly when {@code progress} is {@link
 *     Progress#FAILED}, optional for {@link Progress#CANCELLED}
 * @param evidence what the provider said, success codes included
 */
public record OperationUpdate(
    EventMeta meta,
    String callId,
    OperationKind scope,
    Progress progress,
    Optional<String> correlation,
    Optional<String> invitationId,
    Optional<Participant> participant,
    Optional<Failure> failure,
    ProviderEvidence evidence)
    implements ProviderEvent {

  /** Validates the update. */
  public OperationUpdate {
    Violations v = Violations.of("OperationUpdate");
    v.required("meta", meta);
    v.identifier("callId", callId);
    v.required("scope", scope);
    v.required("progress", progress);
    correlation = correlation == null ? Optional.empty() : correlation;
    invitationId = invitationId == null ? Optional.empty() : invitationId;
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
