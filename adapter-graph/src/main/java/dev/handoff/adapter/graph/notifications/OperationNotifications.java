package dev.handoff.adapter.graph.notifications;

import dev.handoff.adapter.graph.mapping.ResultInfoFailures;
import dev.handoff.adapter.graph.wire.CommsOperationResource;
import dev.handoff.adapter.graph.wire.InvitationParticipantInfo;
import dev.handoff.domain.action.CallAction;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.participant.Participant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Operation notifications ({@code /communications/calls/{id}/operations/{opId}}) to events. Invite
 * operations ({@code inviteParticipantsOperation}, or an untyped or plain {@code commsOperation})
 * become {@code ADD_PARTICIPANT} updates; the obsolete operation-style transfer notifications of
 * the 2019 beta and other operation types (recordings, ...) are reported as unrecognized. Hold
 * music and prompt operations are a warm handoff's actions: see {@link ActionOperations}.
 */
final class OperationNotifications {
  private static final Set<String> INVITE_TYPES =
      Set.of("", "commsoperation", "inviteparticipantsoperation");
  private static final Set<String> LEGACY_TRANSFER_SUBCODES =
      Set.of("transferring", "transferaccepted");

  private final IdentityReader identities;

  OperationNotifications(IdentityReader identities) {
    this.identities = identities;
  }

  List<ProviderEvent> map(Item item) {
    String odataType = Item.odataType(item.resourceData()).orElse("");
    String typeName =
        odataType.isEmpty() ? "microsoft.graph.commsOperation" : "microsoft.graph." + odataType;
    Optional<CallAction> action = ActionOperations.action(odataType);
    if (item.resourceData() != null && action.isPresent()) {
      return List.of(ActionOperations.map(item, action.get(), typeName));
    }
    if (item.resourceData() == null || !INVITE_TYPES.contains(Item.lower(odataType))) {
      return List.of(item.unrecognized(typeName + ":" + item.changeType()));
    }
    CommsOperationResource operation =
        WireReader.operation(item, item.resourceData(), ".resourceData");
    boolean legacyTransfer =
        operation.resultInfo() != null
            && operation
                .resultInfo()
                .effectiveSubcode()
                .map(Item::lower)
                .filter(LEGACY_TRANSFER_SUBCODES::contains)
                .isPresent();
    String status = Item.lower(operation.status());
    Progress progress = progress(status);
    if (legacyTransfer || progress == null) {
      return List.of(item.unrecognized(typeName + ":" + item.changeType()));
    }
    ProviderEvidence evidence =
        ResultInfoFailures.describe(operation.resultInfo(), ProviderEvidence.builder())
            .reference("status", operation.status())
            .reference("operationId", operation.id())
            .build();
    Optional<Failure> failure =
        progress == Progress.FAILED
            ? Optional.of(
                ResultInfoFailures.failure(operation.resultInfo(), evidence, "invite")
                    .orElseGet(() -> CallNotifications.unknownFailure("invite", evidence)))
            : Optional.empty();
    return List.of(
        new OperationUpdate(
            item.meta("", typeName + ":" + item.changeType() + ":" + status),
            item.callId(),
            OperationKind.ADD_PARTICIPANT,
            progress,
            Optional.ofNullable(operation.clientContext()).filter(c -> !c.isBlank()),
            Optional.ofNullable(operation.id()).filter(id -> !id.isBlank()),
            invitee(item, operation),
            failure,
            evidence));
  }

  static Progress progress(String status) {
    switch (status) {
      case "notstarted":
      case "running":
        return Progress.IN_PROGRESS;
      case "completed":
        return Progress.COMPLETED;
      case "failed":
        return Progress.FAILED;
      default:
        return null;
    }
  }

  /** The invitee, when the operation names exactly one. */
  private Optional<Participant> invitee(Item item, CommsOperationResource operation) {
    List<InvitationParticipantInfo> participants = operation.participants();
    if (participants == null || participants.size() != 1 || participants.get(0) == null) {
      return Optional.empty();
    }
    return identities.read(
        item, participants.get(0).identity(), ".resourceData.participants[0].identity");
  }
}
