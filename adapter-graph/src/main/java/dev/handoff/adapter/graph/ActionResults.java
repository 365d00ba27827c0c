package dev.handoff.adapter.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.handoff.adapter.graph.http.Exchange;
import dev.handoff.adapter.graph.mapping.ResultInfoFailures;
import dev.handoff.adapter.graph.wire.CallSummary;
import dev.handoff.adapter.graph.wire.CommsOperationResource;
import dev.handoff.adapter.graph.wire.GraphJson;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.ports.out.PlacedCall;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Graph's answers to a warm handoff's actions. Failures read as for every request (see {@link
 * SubmitResults}); successes:
 *
 * <ul>
 *   <li>hold music, its end, and a prompt answer with a {@code commsOperation}: {@code running}
 *       (Graph's usual answer) is {@link SubmitResult.Accepted}, as a notification will tell;
 *       {@code completed} is already {@link SubmitResult.Completed}; {@code failed} is {@link
 *       SubmitResult.Rejected};
 *   <li>a hang-up's 204 is {@link SubmitResult.Completed};
 *   <li>a placed call's 201 is {@link SubmitResult.Accepted} with the new call's id, which its
 *       notifications carry.
 * </ul>
 */
final class ActionResults {
  private ActionResults() {}

  static SubmitResult operation(Exchange exchange, String clientRequestId, String action) {
    return SubmitResults.result(
        exchange,
        clientRequestId,
        action,
        (answered, evidence) -> {
          if (answered.body().isBlank()) {
            return new SubmitResult.Accepted(Optional.empty(), evidence.build());
          }
          CommsOperationResource operation;
          try {
            operation = GraphJson.mapper().readValue(answered.body(), CommsOperationResource.class);
          } catch (JsonProcessingException unreadable) {
            evidence.message(
                "the "
                    + action
                    + " was accepted but its answer could not be read: "
                    + unreadable.getOriginalMessage());
            return new SubmitResult.Accepted(Optional.empty(), evidence.build());
          }
          evidence.reference("status", operation.status());
          evidence.reference("operationId", operation.id());
          ResultInfoFailures.describe(operation.resultInfo(), evidence);
          String status =
              operation.status() == null ? "" : operation.status().toLowerCase(Locale.ROOT);
          if ("completed".equals(status)) {
            return new SubmitResult.Completed(evidence.build());
          }
          if ("failed".equals(status)) {
            ProviderEvidence built = evidence.build();
            return new SubmitResult.Rejected(
                ResultInfoFailures.failure(operation.resultInfo(), built, action)
                    .orElseGet(
                        () ->
                            Failure.of(
                                FailureReason.UNKNOWN,
                                "Microsoft Graph answered the "
                                    + action
                                    + " with status failed and no error result",
                                built)));
          }
          return new SubmitResult.Accepted(Optional.empty(), evidence.build());
        });
  }

  static SubmitResult done(Exchange exchange, String clientRequestId, String action) {
    return SubmitResults.result(
        exchange,
        clientRequestId,
        action,
        (answered, evidence) -> new SubmitResult.Completed(evidence.build()));
  }

  static PlacedCall placed(Exchange exchange, String clientRequestId) {
    String[] callId = new String[1];
    SubmitResult result =
        SubmitResults.result(
            exchange,
            clientRequestId,
            "consultation call",
            (answered, evidence) -> {
              try {
                CallSummary call = GraphJson.mapper().readValue(answered.body(), CallSummary.class);
                if (call != null && call.id() != null && !call.id().isBlank()) {
                  callId[0] = call.id();
                  evidence.reference("callId", call.id());
                  evidence.reference("state", call.state());
                  return new SubmitResult.Accepted(Optional.empty(), evidence.build());
                }
                evidence.message("the call was created but its answer names no call id");
              } catch (JsonProcessingException unreadable) {
                evidence.message(
                    "the call was created but its answer could not be read: "
                        + unreadable.getOriginalMessage());
              }
              // Without the id the call can be neither briefed nor hung up: it is not known what
              // was created.
              return new SubmitResult.Indeterminate(
                  Failure.of(
                      FailureReason.PROVIDER_ERROR,
                      "Microsoft Graph created a call without saying which",
                      evidence.build()));
            });
    return new PlacedCall(result, Optional.ofNullable(callId[0]));
  }
}
