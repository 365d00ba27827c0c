package dev.handoff.adapter.graph.notifications;

import dev.handoff.adapter.graph.mapping.ResultInfoFailures;
import dev.handoff.adapter.graph.wire.CommsOperationResource;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.event.CallActionUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.ProviderEvidence;
import java.util.Optional;

/**
 * The operation notifications that answer a warm handoff's actions: {@code startHoldMusicOperation}
 * (hold), {@code stopHoldMusicOperation} (off hold) and {@code playPromptOperation} (a prompt), to
 * {@link CallActionUpdate}s correlated by their {@code clientContext}. Status running is
 * IN_PROGRESS, completed COMPLETED, failed FAILED with the failure the result gives.
 */
final class ActionOperations {
  private ActionOperations() {}

  static Optional<CallAction> action(String odataType) {
    switch (Item.lower(odataType)) {
      case "startholdmusicoperation":
        return Optional.of(CallAction.HOLD);
      case "stopholdmusicoperation":
        return Optional.of(CallAction.RESUME);
      case "playpromptoperation":
        return Optional.of(CallAction.PLAY);
      default:
        return Optional.empty();
    }
  }

  static ProviderEvent map(Item item, CallAction action, String typeName) {
    CommsOperationResource operation =
        WireReader.operation(item, item.resourceData(), ".resourceData");
    String status = Item.lower(operation.status());
    Progress progress = OperationNotifications.progress(status);
    if (progress == null) {
      return item.unrecognized(typeName + ":" + item.changeType());
    }
    ProviderEvidence evidence =
        ResultInfoFailures.describe(operation.resultInfo(), ProviderEvidence.builder())
            .reference("status", operation.status())
            .reference("operationId", operation.id())
            .build();
    Optional<Failure> failure =
        progress == Progress.FAILED
            ? Optional.of(
                ResultInfoFailures.failure(operation.resultInfo(), evidence, action.wireName())
                    .orElseGet(() -> CallNotifications.unknownFailure(action.wireName(), evidence)))
            : Optional.empty();
    return new CallActionUpdate(
        item.meta("", typeName + ":" + item.changeType() + ":" + status),
        item.callId(),
        action,
        progress,
        Optional.ofNullable(operation.clientContext()).filter(c -> !c.isBlank()),
        Optional.empty(),
        failure,
        evidence);
  }
}
