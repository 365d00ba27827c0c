package dev.handoff.adapter.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.handoff.adapter.graph.http.Exchange;
import dev.handoff.adapter.graph.http.TokenAcquisitionException;
import dev.handoff.adapter.graph.mapping.GraphErrorFailures;
import dev.handoff.adapter.graph.mapping.ResultInfoFailures;
import dev.handoff.adapter.graph.wire.CommsOperationResource;
import dev.handoff.adapter.graph.wire.GraphErrorResponse;
import dev.handoff.adapter.graph.wire.GraphJson;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.SubmitResult;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns how a submission ended into the port's {@link SubmitResult}. */
final class SubmitResults {
  /** Longest non-JSON error body kept verbatim as evidence; longer ones are marked as cut. */
  static final int MAX_RAW_BODY = 4096;

  static final String CLIENT_REQUEST_ID = "client-request-id";
  static final String REQUEST_ID = "request-id";
  static final String LOCATION = "Location";

  private SubmitResults() {}

  /**
   * @param exchange how it ended
   * @param clientRequestId the id the requests carried
   * @param action what was asked, for messages, e.g. {@code transfer}
   * @return the result; a 2xx answer is Accepted
   */
  static SubmitResult accepted(Exchange exchange, String clientRequestId, String action) {
    return result(
        exchange,
        clientRequestId,
        action,
        (answered, evidence) -> new SubmitResult.Accepted(Optional.empty(), evidence.build()));
  }

  /**
   * The invite's 2xx answer is an {@code inviteParticipantsOperation}: a {@code completed} or
   * {@code failed} status there is final and no notification follows; any other status (Graph
   * answers {@code Running}) means notifications will tell, and the operation's id is the
   * invitation id they will carry.
   */
  static SubmitResult invite(Exchange exchange, String clientRequestId) {
    return result(exchange, clientRequestId, "invite", SubmitResults::inviteAnswer);
  }

  interface OnSuccess {
    SubmitResult apply(Exchange.Answered answered, ProviderEvidence.Builder evidence);
  }

  static SubmitResult result(
      Exchange exchange, String clientRequestId, String action, OnSuccess onSuccess) {
    ProviderEvidence.Builder evidence =
        ProviderEvidence.builder().reference(CLIENT_REQUEST_ID, clientRequestId);
    if (exchange instanceof Exchange.Answered) {
      Exchange.Answered answered = (Exchange.Answered) exchange;
      evidence.httpStatus(answered.status());
      evidence.reference(REQUEST_ID, answered.headers().firstValue(REQUEST_ID).orElse(null));
      evidence.reference(LOCATION, answered.headers().firstValue(LOCATION).orElse(null));
      if (answered.status() / 100 == 2) {
        return onSuccess.apply(answered, evidence);
      }
      return refused(answered, evidence, action);
    }
    if (exchange instanceof Exchange.NotSent) {
      Exchange.NotSent notSent = (Exchange.NotSent) exchange;
      return new SubmitResult.Rejected(
          new Failure(
              FailureReason.PROVIDER_ERROR,
              true,
              "The "
                  + action
                  + " was not sent to Microsoft Graph: "
                  + notSent.reason()
                  + attempts(notSent.attempts())
                  + cause(notSent.cause()),
              evidence.build()));
    }
    if (exchange instanceof Exchange.Ambiguous) {
      Exchange.Ambiguous ambiguous = (Exchange.Ambiguous) exchange;
      return new SubmitResult.Indeterminate(
          new Failure(
              ambiguous.kind() == Exchange.Ambiguous.Kind.TIMEOUT
                  ? FailureReason.TIMEOUT
                  : FailureReason.UNKNOWN,
              false,
              "The "
                  + action
                  + " was sent to Microsoft Graph but "
                  + ambiguity(ambiguous.kind())
                  + cause(ambiguous.cause())
                  + "; Graph may have carried it out, so it is not sent again and"
                  + " notifications decide the outcome",
              evidence.build()));
    }
    return noToken(((Exchange.NoToken) exchange).cause(), evidence, action);
  }

  private static SubmitResult refused(
      Exchange.Answered answered, ProviderEvidence.Builder evidence, String action) {
    Optional<GraphErrorResponse.Error> error = parseError(answered.body());
    if (error.isEmpty() && !answered.body().isBlank()) {
      evidence.message(raw(answered.body()));
    }
    Failure failure = GraphErrorFailures.failure(answered.status(), error, evidence, action);
    if (answered.status() == 504) {
      // A gateway timeout: the front end stopped waiting for the service, which may have acted.
      return new SubmitResult.Indeterminate(
          new Failure(
              FailureReason.TIMEOUT,
              false,
              failure.message()
                  + " (a gateway timeout: Graph may have carried it out, so it is not sent again)",
              failure.evidence()));
    }
    if (answered.attempts() > 1) {
      failure =
          new Failure(
              failure.reason(),
              failure.retryable(),
              failure.message() + attempts(answered.attempts()),
              failure.evidence());
    }
    return new SubmitResult.Rejected(failure);
  }

  private static SubmitResult noToken(
      RuntimeException cause, ProviderEvidence.Builder evidence, String action) {
    boolean retryable = false;
    if (cause instanceof TokenAcquisitionException) {
      TokenAcquisitionException token = (TokenAcquisitionException) cause;
      retryable = token.retryable();
      token.error().ifPresent(evidence::code);
      token.errorDescription().ifPresent(evidence::message);
      token
          .httpStatus()
          .ifPresent(s -> evidence.reference("token.http-status", Integer.toString(s)));
      if (!token.errorCodes().isEmpty()) {
        evidence.reference(
            "token.error_codes",
            token.errorCodes().stream().map(String::valueOf).collect(Collectors.joining(",")));
      }
      evidence.reference("token.trace_id", token.traceId().orElse(null));
      evidence.reference("token.correlation_id", token.correlationId().orElse(null));
    }
    return new SubmitResult.Rejected(
        new Failure(
            FailureReason.AUTHENTICATION,
            retryable,
            "The "
                + action
                + " was not sent: no access token for Microsoft Graph: "
                + cause.getMessage(),
            evidence.build()));
  }

  private static SubmitResult inviteAnswer(
      Exchange.Answered answered, ProviderEvidence.Builder evidence) {
    Optional<String> fromLocation =
        answered.headers().firstValue(LOCATION).flatMap(SubmitResults::operationIdOf);
    if (answered.body().isBlank()) {
      return new SubmitResult.Accepted(fromLocation, evidence.build());
    }
    CommsOperationResource operation;
    try {
      operation = GraphJson.mapper().readValue(answered.body(), CommsOperationResource.class);
    } catch (JsonProcessingException unreadable) {
      evidence.message(
          "the invite was accepted but its answer could not be read: "
              + unreadable.getOriginalMessage());
      return new SubmitResult.Accepted(fromLocation, evidence.build());
    }
    Optional<String> invitationId = Optional.ofNullable(operation.id()).or(() -> fromLocation);
    String status =
        operation.status() == null ? "" : operation.status().trim().toLowerCase(Locale.ROOT);
    if (operation.status() != null) {
      evidence.reference("status", operation.status());
    }
    evidence.reference("operationId", operation.id());
    ResultInfoFailures.describe(operation.resultInfo(), evidence);
    if ("completed".equals(status)) {
      return new SubmitResult.Completed(evidence.build());
    }
    if ("failed".equals(status)) {
      ProviderEvidence built = evidence.build();
      return new SubmitResult.Rejected(
          ResultInfoFailures.failure(operation.resultInfo(), built, "invite")
              .orElseGet(
                  () ->
                      Failure.of(
                          FailureReason.UNKNOWN,
                          "Microsoft Graph answered the invite with status failed and no error"
                              + " result",
                          built)));
    }
    return new SubmitResult.Accepted(invitationId, evidence.build());
  }

  /** The operation id from {@code .../operations/{id}}. */
  static Optional<String> operationIdOf(String location) {
    int at = location.lastIndexOf("/operations/");
    if (at < 0) {
      return Optional.empty();
    }
    String id = location.substring(at + "/operations/".length());
    int end = id.indexOf('?');
    id = end < 0 ? id : id.substring(0, end);
    return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(id);
  }

  private static Optional<GraphErrorResponse.Error> parseError(String body) {
    if (body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          GraphJson.mapper().readValue(body, GraphErrorResponse.class).error());
    } catch (JsonProcessingException notGraphError) {
      return Optional.empty();
    }
  }

  private static String raw(String body) {
    return body.length() <= MAX_RAW_BODY
        ? body
        : body.substring(0, MAX_RAW_BODY)
            + "… (cut; the body had "
            + body.length()
            + " characters)";
  }

  private static String ambiguity(Exchange.Ambiguous.Kind kind) {
    switch (kind) {
      case TIMEOUT:
        return "no answer came in time";
      case INTERRUPTED:
        return "the thread was interrupted while awaiting the answer";
      default:
        return "the connection broke before the answer was complete";
    }
  }

  private static String attempts(int attempts) {
    return attempts > 1 ? " (after " + attempts + " attempts)" : "";
  }

  private static String cause(Throwable cause) {
    return cause == null ? "" : " [" + cause + "]";
  }
}
