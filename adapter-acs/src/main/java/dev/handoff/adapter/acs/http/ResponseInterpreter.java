package dev.handoff.adapter.acs.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.adapter.acs.wire.AcsJson;
import dev.handoff.adapter.acs.wire.AddParticipantResponse;
import dev.handoff.adapter.acs.wire.CommunicationError;
import dev.handoff.adapter.acs.wire.CommunicationErrorResponse;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.SubmitResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns how a request's attempts ended into Handoff's submit result.
 *
 * <ul>
 *   <li>2xx: transfer, add and cancel are {@link SubmitResult.Accepted} (events follow; an add
 *       carries the {@code invitationId} of its body), redirect is {@link SubmitResult.Completed}
 *       (ACS publishes no redirect events). A 2xx is success even if its body cannot be read: the
 *       request was executed.
 *   <li>Other statuses are {@link SubmitResult.Rejected}, the reason per {@link SyncErrorTable}; a
 *       retryable status (408, 429, 5xx) that was still answered when retries ran out is rejected
 *       as retryable. If an earlier attempt may have reached the service unanswered and the answer
 *       is retryable, not found or a conflict (which that attempt's execution could have caused),
 *       it is {@link SubmitResult.Indeterminate} instead: only a re-send with the same
 *       repeatability headers can tell.
 *   <li>No answer: {@link SubmitResult.Indeterminate} (retryable, since a re-send with the same
 *       repeatability headers is safe) when an attempt may have reached the service, else {@link
 *       SubmitResult.Rejected}.
 * </ul>
 *
 * The evidence keeps the status, the error code and message, and the request ids sent and received
 * ({@code x-ms-client-request-id}, {@code Repeatability-Request-ID}, {@code
 * X-Microsoft-Skype-Chain-ID}, ...).
 */
public final class ResponseInterpreter {
  /** Response headers kept as evidence references when present. */
  public static final List<String> RESPONSE_REFERENCES =
      List.of("X-Microsoft-Skype-Chain-ID", "Repeatability-Result", "X-Azure-Ref");

  private static final int MAX_SHOWN_BODY = 1000;

  private ResponseInterpreter() {}

  /**
   * @param kind the operation
   * @param exchange how its attempts ended
   * @param sent ids the request carried (header name to value), kept as references
   * @return the submit result
   */
  public static SubmitResult interpret(
      OperationKind kind, Exchange exchange, Map<String, String> sent) {
    if (exchange instanceof Exchange.Unanswered) {
      return unanswered((Exchange.Unanswered) exchange, sent, true);
    }
    Exchange.Answered answered = (Exchange.Answered) exchange;
    ProviderEvidence.Builder evidence = evidence(answered, sent);
    if (answered.status() >= 200 && answered.status() <= 299) {
      return success(kind, answered, evidence);
    }
    return failure(answered, evidence);
  }

  /**
   * The answer to one of a warm handoff's actions: a 2xx is {@link SubmitResult.Completed} where
   * the answer is final (hold, unhold, hang-up) and {@link SubmitResult.Accepted} where events
   * follow (play, remove); failures read as for every request.
   *
   * @param exchange how its attempts ended
   * @param sent ids the request carried, kept as references
   * @param finalOnSuccess whether a 2xx is already the outcome
   * @param repeatable whether the request carried repeatability headers, so that a re-send is safe
   * @return the submit result
   */
  public static SubmitResult interpretAction(
      Exchange exchange, Map<String, String> sent, boolean finalOnSuccess, boolean repeatable) {
    if (exchange instanceof Exchange.Unanswered) {
      return unanswered((Exchange.Unanswered) exchange, sent, repeatable);
    }
    Exchange.Answered answered = (Exchange.Answered) exchange;
    ProviderEvidence.Builder evidence = evidence(answered, sent);
    if (answered.status() >= 200 && answered.status() <= 299) {
      return finalOnSuccess
          ? new SubmitResult.Completed(evidence.build())
          : new SubmitResult.Accepted(Optional.empty(), evidence.build());
    }
    return failure(answered, evidence);
  }

  private static ProviderEvidence.Builder evidence(
      Exchange.Answered answered, Map<String, String> sent) {
    ProviderEvidence.Builder evidence = ProviderEvidence.builder().httpStatus(answered.status());
    sent.forEach(evidence::reference);
    for (String name : RESPONSE_REFERENCES) {
      answered.headers().firstValue(name).ifPresent(value -> evidence.reference(name, value));
    }
    return evidence;
  }

  private static SubmitResult success(
      OperationKind kind, Exchange.Answered answered, ProviderEvidence.Builder evidence) {
    if (kind == OperationKind.REDIRECT) {
      return new SubmitResult.Completed(evidence.build());
    }
    Optional<String> invitationId = Optional.empty();
    if (kind == OperationKind.ADD_PARTICIPANT) {
      try {
        AddParticipantResponse body =
            AcsJson.mapper().readValue(answered.body(), AddParticipantResponse.class);
        invitationId = Optional.ofNullable(body.invitationId()).filter(id -> !id.isBlank());
        if (invitationId.isEmpty()) {
          evidence.message("accepted without an invitationId: the invitation cannot be cancelled");
        }
      } catch (IOException e) {
        evidence.message("accepted, but the body could not be read: " + e.getMessage());
      }
    } else if (!isJsonObject(answered.body())) {
      evidence.message("accepted, but the body is not a JSON object: " + shown(answered.body()));
    }
    return new SubmitResult.Accepted(invitationId, evidence.build());
  }

  private static boolean isJsonObject(byte[] body) {
    try {
      JsonNode node = AcsJson.mapper().readTree(body);
      return node != null && node.isObject();
    } catch (IOException e) {
      return false;
    }
  }

  private static SubmitResult failure(
      Exchange.Answered answered, ProviderEvidence.Builder evidence) {
    Optional<CommunicationError> error = error(answered.body());
    String code = error.map(CommunicationError::code).orElse(null);
    FailureReason reason = SyncErrorTable.reason(answered.status(), code);
    error.ifPresent(e -> describe(e, evidence));
    if (error.isEmpty() && answered.body().length > 0) {
      evidence.message(shown(answered.body()));
    }
    boolean retryableStatus = AcsHttpTransport.isRetryableStatus(answered.status());
    StringBuilder message = new StringBuilder("ACS answered ").append(answered.status());
    if (code != null) {
      message.append(' ').append(code);
    }
    error
        .map(CommunicationError::message)
        .filter(m -> !m.isBlank())
        .ifPresent(m -> message.append(": ").append(m));
    answered.gaveUp().ifPresent(why -> message.append(" (gave up: ").append(why).append(')'));
    if (answered.attempts() > 1) {
      message.append(" after ").append(answered.attempts()).append(" attempts");
    }
    boolean retryable = reason.retryableByDefault() || retryableStatus;
    if (answered.earlierAttemptUnknown() && (retryableStatus || dependsOnCallState(reason))) {
      message.append("; an earlier attempt got no answer and may have been executed");
      return new SubmitResult.Indeterminate(
          new Failure(reason, true, message.toString(), evidence.build()));
    }
    return new SubmitResult.Rejected(
        new Failure(reason, retryable, message.toString(), evidence.build()));
  }

  // Not found or conflicting may be the effect of an earlier attempt that did execute (the call
  // was transferred away, the action is still under way); an invalid, unauthorised or unsupported
  // request would have failed the earlier attempt the same way.
  private static boolean dependsOnCallState(FailureReason reason) {
    return reason == FailureReason.NOT_FOUND || reason == FailureReason.CONFLICT;
  }

  private static void describe(CommunicationError error, ProviderEvidence.Builder evidence) {
    if (error.code() != null) {
      evidence.code(error.code());
    }
    if (error.message() != null) {
      evidence.message(error.message());
    }
    if (error.innererror() != null && error.innererror().code() != null) {
      evidence.subCode(error.innererror().code());
    }
    evidence.reference("error.target", error.target());
    if (error.details() != null && !error.details().isEmpty()) {
      evidence.reference(
          "error.details",
          error.details().stream()
              .map(d -> d.code() + ": " + d.message())
              .collect(Collectors.joining("; ")));
    }
  }

  private static Optional<CommunicationError> error(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      CommunicationErrorResponse response =
          AcsJson.mapper().readValue(body, CommunicationErrorResponse.class);
      return Optional.ofNullable(response).map(CommunicationErrorResponse::error);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static SubmitResult unanswered(
      Exchange.Unanswered unanswered, Map<String, String> sent, boolean repeatable) {
    ProviderEvidence.Builder evidence = ProviderEvidence.builder();
    sent.forEach(evidence::reference);
    evidence.message(unanswered.detail());
    FailureReason reason = reasonOf(unanswered.kind());
    String message =
        "no answer from ACS after "
            + unanswered.attempts()
            + (unanswered.attempts() == 1 ? " attempt: " : " attempts: ")
            + unanswered.detail();
    if (unanswered.mayHaveReachedService()) {
      return new SubmitResult.Indeterminate(
          new Failure(
              reason,
              true,
              message
                  + (repeatable
                      ? "; the request may have been executed, and sending it again with the same"
                          + " repeatability headers is safe"
                      : "; the request may have been executed"),
              evidence.build()));
    }
    boolean retryable = unanswered.kind() != Exchange.Kind.CREDENTIAL_UNAVAILABLE;
    return new SubmitResult.Rejected(
        new Failure(
            reason, retryable, message + "; the request was not executed", evidence.build()));
  }

  private static FailureReason reasonOf(Exchange.Kind kind) {
    switch (kind) {
      case TIMEOUT:
      case DEADLINE:
        return FailureReason.TIMEOUT;
      case CREDENTIAL_UNAVAILABLE:
        return FailureReason.AUTHENTICATION;
      case INTERRUPTED:
        return FailureReason.UNKNOWN;
      default:
        return FailureReason.PROVIDER_ERROR;
    }
  }

  private static String shown(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.length() <= MAX_SHOWN_BODY) {
      return text;
    }
    return text.substring(0, MAX_SHOWN_BODY)
        + "... ("
        + (text.length() - MAX_SHOWN_BODY)
        + " more characters not shown)";
  }
}
