package dev.handoff.app.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.failure.SipDiagnostic;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An operation as the API shows it.
 *
 * @param id the operation's id
 * @param kind TRANSFER, ADD_PARTICIPANT, CANCEL_ADD_PARTICIPANT, REDIRECT or WARM_HANDOFF
 * @param provider the provider carrying it
 * @param callId the call it acts on
 * @param state REQUESTED, SUBMITTED, IN_PROGRESS, ACCEPTED, COMPLETED, FAILED, CANCELLED or UNKNOWN
 * @param operationContext your correlation string
 * @param invitationId the provider's invitation id, for an add
 * @param failure why it failed, was cancelled or is unknown
 * @param request the command, in the shape it was requested
 * @param handoff for a warm handoff: its steps and how each target fared
 * @param timeline everything that happened, in order
 * @param references correlation ids the provider returned
 * @param createdAt when it was requested
 * @param updatedAt when it last changed
 * @param deadline when it becomes UNKNOWN without a final word
 * @param version how many changes it had
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Operation")
public record OperationJson(
    String id,
    @Schema(
            enumeration = {
              "TRANSFER",
              "ADD_PARTICIPANT",
              "CANCEL_ADD_PARTICIPANT",
              "REDIRECT",
              "WARM_HANDOFF"
            })
        String kind,
    String provider,
    String callId,
    @Schema(
            enumeration = {
              "REQUESTED",
              "SUBMITTED",
              "IN_PROGRESS",
              "ACCEPTED",
              "COMPLETED",
              "FAILED",
              "CANCELLED",
              "UNKNOWN"
            })
        String state,
    String operationContext,
    String invitationId,
    FailureJson failure,
    Object request,
    HandoffJson handoff,
    List<TimelineEntryJson> timeline,
    Map<String, String> references,
    Instant createdAt,
    Instant updatedAt,
    Instant deadline,
    long version) {

  /**
   * @param operation a domain operation
   * @return its API form
   */
  public static OperationJson of(Operation operation) {
    return new OperationJson(
        operation.id().value(),
        operation.kind().name(),
        operation.provider().value(),
        operation.callId(),
        operation.state().name(),
        operation.command().operationContext().orElse(null),
        operation.invitationId().orElse(null),
        operation.failure().map(FailureJson::of).orElse(null),
        request(operation.command()),
        HandoffJson.of(operation),
        operation.timeline().stream().map(TimelineEntryJson::of).collect(Collectors.toList()),
        operation.references().isEmpty() ? null : operation.references(),
        operation.createdAt(),
        operation.updatedAt(),
        operation.deadline(),
        operation.version());
  }

  private static Object request(CallCommand command) {
    return command.accept(
        new CallCommand.Visitor<>() {
          @Override
          public Object transfer(CallTransfer transfer) {
            return Requests.TransferRequest.of(transfer);
          }

          @Override
          public Object addParticipant(AddParticipant add) {
            return Requests.AddParticipantRequest.of(add);
          }

          @Override
          public Object cancelAddParticipant(CancelAddParticipant cancel) {
            return Map.of("invitationId", cancel.invitationId());
          }

          @Override
          public Object redirect(RedirectCall redirect) {
            return Requests.RedirectRequest.of(redirect);
          }

          @Override
          public Object warmHandoff(WarmHandoff handoff) {
            return HandoffRequest.of(handoff);
          }
        });
  }

  /**
   * @param reason a failure reason
   * @return its API name, e.g. {@code no-answer}
   */
  public static String reasonName(Enum<?> reason) {
    return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Why an operation failed.
   *
   * @param reason busy, no-answer, declined, not-found, unreachable, forbidden-by-policy,
   *     tenant-mismatch, conflict, invalid-request, unsupported, authentication, throttled,
   *     provider-error, timeout, cancelled or unknown
   * @param retryable whether the same request may succeed later
   * @param message a message for people
   * @param evidence what the provider said
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "Failure")
  public record FailureJson(
      @Schema(
              enumeration = {
                "busy",
                "no-answer",
                "declined",
                "not-found",
                "unreachable",
                "forbidden-by-policy",
                "tenant-mismatch",
                "conflict",
                "invalid-request",
                "unsupported",
                "authentication",
                "throttled",
                "provider-error",
                "timeout",
                "cancelled",
                "unknown"
              })
          String reason,
      boolean retryable,
      String message,
      EvidenceJson evidence) {
    static FailureJson of(Failure failure) {
      return new FailureJson(
          reasonName(failure.reason()),
          failure.retryable(),
          failure.message(),
          EvidenceJson.of(failure.evidence()));
    }
  }

  /**
   * What a provider said.
   *
   * @param httpStatus the HTTP status of a synchronous answer
   * @param code the provider's code
   * @param subCode the provider's sub-code
   * @param sip SIP diagnostics
   * @param q850 Q.850 diagnostics
   * @param message the provider's message
   * @param references correlation ids
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Schema(name = "Evidence")
  public record EvidenceJson(
      Integer httpStatus,
      String code,
      String subCode,
      DiagnosticJson sip,
      DiagnosticJson q850,
      String message,
      Map<String, String> references) {
    static EvidenceJson of(ProviderEvidence evidence) {
      if (evidence.equals(ProviderEvidence.NONE)) {
        return null;
      }
      return new EvidenceJson(
          evidence.httpStatus().isPresent() ? evidence.httpStatus().getAsInt() : null,
          evidence.code().orElse(null),
          evidence.subCode().orElse(null),
          evidence.sip().map(DiagnosticJson::of).orElse(null),
          evidence.q850().map(DiagnosticJson::of).orElse(null),
          evidence.message().orElse(null),
          evidence.references());
    }
  }

  /**
   * A SIP or Q.850 diagnostic.
   *
   * @param code the code
   * @param message its text
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "Diagnostic")
  public record DiagnosticJson(int code, String message) {
    static DiagnosticJson of(SipDiagnostic diagnostic) {
      return new DiagnosticJson(diagnostic.code(), diagnostic.message().orElse(null));
    }
  }

  /**
   * One dated thing that happened.
   *
   * @param at when Handoff recorded it
   * @param source HANDOFF, PROVIDER_RESPONSE, PROVIDER_EVENT or RECONCILIATION (how the outcome was
   *     decided when the final word did not come)
   * @param what what happened
   * @param state the state after it
   * @param disposition APPLIED, RECORDED, LATE or AFTER_TERMINAL
   * @param eventId the provider event's id
   * @param providerTime when the provider says it happened
   * @param failure the failure it reported
   * @param evidence what the provider said
   * @param step for a warm handoff: the step the entry concerns and its status after it
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "TimelineEntry")
  public record TimelineEntryJson(
      Instant at,
      String source,
      String what,
      String state,
      String disposition,
      String eventId,
      Instant providerTime,
      FailureJson failure,
      EvidenceJson evidence,
      HandoffJson.StepRefJson step) {
    static TimelineEntryJson of(TimelineEntry entry) {
      return new TimelineEntryJson(
          entry.at(),
          entry.source().name(),
          entry.what(),
          entry.state().name(),
          entry.disposition().name(),
          entry.eventId().orElse(null),
          entry.providerTime().orElse(null),
          entry.failure().map(FailureJson::of).orElse(null),
          EvidenceJson.of(entry.evidence()),
          entry.step().map(HandoffJson.StepRefJson::of).orElse(null));
    }
  }
}
