package dev.handoff.app.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.operation.HandoffProgress;
import dev.handoff.domain.operation.HandoffStep;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.StepEntry;
import dev.handoff.domain.operation.TargetOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A warm handoff's child steps and how each target fared, as the operation's timeline adds up.
 *
 * @param transferee who is handed on, once known
 * @param cancelRequested whether the client asked to cancel
 * @param targets each target and how it fared: NOT_TRIED, TRYING, CONNECTED or FAILED (with the
 *     failure: busy, no-answer, declined, …)
 * @param steps every step: one provider action each (hold, reach, brief, connect, undo, fallback)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Handoff")
public record HandoffJson(
    ParticipantJson transferee,
    Boolean cancelRequested,
    List<TargetJson> targets,
    List<StepJson> steps) {

  /**
   * @param operation an operation
   * @return its handoff view, or null when it is no warm handoff
   */
  static HandoffJson of(Operation operation) {
    if (operation.kind() != OperationKind.WARM_HANDOFF) {
      return null;
    }
    HandoffProgress progress = HandoffProgress.of(operation);
    return new HandoffJson(
        progress.transferee().map(t -> ParticipantJson.of(t.participant())).orElse(null),
        progress.cancelRequested() ? Boolean.TRUE : null,
        progress.targets().stream().map(TargetJson::of).collect(Collectors.toList()),
        progress.steps().stream().map(StepJson::of).collect(Collectors.toList()));
  }

  /**
   * How one target fared.
   *
   * @param index its place in the request, from 0
   * @param participant who
   * @param ringTimeoutSeconds how long it may ring
   * @param outcome NOT_TRIED, TRYING, CONNECTED or FAILED
   * @param failure why it was not connected
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "HandoffTargetOutcome")
  public record TargetJson(
      int index,
      ParticipantJson participant,
      long ringTimeoutSeconds,
      String outcome,
      OperationJson.FailureJson failure) {
    static TargetJson of(TargetOutcome outcome) {
      return new TargetJson(
          outcome.index(),
          ParticipantJson.of(outcome.target().participant()),
          outcome.target().ringTimeout().getSeconds(),
          outcome.result().name(),
          outcome.failure().map(OperationJson.FailureJson::of).orElse(null));
    }
  }

  /**
   * One step.
   *
   * @param step its number, from 1
   * @param kind HOLD, REACH, BRIEF, CONNECT, UNDO or FALLBACK
   * @param action the provider action: findTransferee, hold, resume, addParticipant,
   *     cancelAddParticipant, removeParticipant, placeCall, play, transfer or hangUp
   * @param target the target it concerns, from 0
   * @param status REQUESTED, ACCEPTED, IN_PROGRESS, SUCCEEDED, FAILED or UNKNOWN
   * @param requestedAt when it was recorded, before it was sent
   * @param updatedAt when it last changed
   * @param facts what it learned: invitationId, callId (a consultation call), participant,
   *     participantId
   * @param failure why it failed (for an undo: why the target was withdrawn)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "HandoffStep")
  public record StepJson(
      int step,
      String kind,
      String action,
      Integer target,
      String status,
      Instant requestedAt,
      Instant updatedAt,
      Map<String, String> facts,
      OperationJson.FailureJson failure) {
    static StepJson of(HandoffStep step) {
      return new StepJson(
          step.number(),
          step.kind().name(),
          step.action().wireName(),
          step.target().isPresent() ? step.target().getAsInt() : null,
          step.status().name(),
          step.requestedAt(),
          step.updatedAt(),
          step.facts().isEmpty() ? null : step.facts(),
          step.failure().map(OperationJson.FailureJson::of).orElse(null));
    }
  }

  /**
   * The step a timeline entry concerns, and its status after the entry.
   *
   * @param step the step's number
   * @param kind what the step is for
   * @param action the provider action
   * @param target the target it concerns
   * @param status the step's status after the entry
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "TimelineStep")
  public record StepRefJson(int step, String kind, String action, Integer target, String status) {
    static StepRefJson of(StepEntry entry) {
      return new StepRefJson(
          entry.number(),
          entry.kind().name(),
          entry.action().wireName(),
          entry.target().isPresent() ? entry.target().getAsInt() : null,
          entry.status().name());
    }
  }
}
