package dev.handoff.adapter.graph.notifications;

import dev.handoff.adapter.graph.mapping.ResultInfoFailures;
import dev.handoff.adapter.graph.wire.CallResource;
import dev.handoff.adapter.graph.wire.InvitationParticipantInfo;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.IncomingCall;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.participant.Participant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Call-resource notifications ({@code /communications/calls/{id}}) to events; see {@link
 * GraphNotificationParser} for the table.
 */
final class CallNotifications {
  static final String TYPE = "microsoft.graph.call";

  /** What a notification without resource data says about the call: nothing. */
  private static final CallResource NO_DATA =
      new CallResource(null, null, null, null, null, null, null, null, null, null, null, null);

  private final IdentityReader identities;

  CallNotifications(IdentityReader identities) {
    this.identities = identities;
  }

  List<ProviderEvent> map(Item item) {
    CallResource call =
        item.resourceData() == null
            ? NO_DATA
            : WireReader.call(item, item.resourceData(), ".resourceData");
    String state = Item.lower(call.state());
    String type =
        state.isEmpty()
            ? TYPE + ":" + item.changeType()
            : TYPE + ":" + item.changeType() + ":" + state;
    switch (state) {
      case "incoming":
        return item.is("created") ? incoming(item, call, type) : unrecognized(item);
      case "transferring":
        return List.of(transfer(item, "", type, Progress.IN_PROGRESS, evidence(call)));
      case "transferaccepted":
        return List.of(transfer(item, "", type, Progress.ACCEPTED, evidence(call)));
      case "established":
        return established(item, call, type);
      case "terminated":
        return ended(item, call, type);
      default:
        return item.is("deleted") ? ended(item, call, type) : unrecognized(item);
    }
  }

  private static List<ProviderEvent> unrecognized(Item item) {
    return List.of(item.unrecognized(TYPE + ":" + item.changeType()));
  }

  private List<ProviderEvent> established(Item item, CallResource call, String type) {
    if (ResultInfoFailures.isError(call.resultInfo())) {
      ProviderEvidence evidence = evidence(call);
      Failure failure =
          ResultInfoFailures.failure(call.resultInfo(), evidence, "transfer").orElseThrow();
      return List.of(
          transfer(item, "", type, Progress.FAILED, Optional.of(failure), failure.evidence()));
    }
    return List.of(
        new CallLifecycleEvent(
            item.meta("", type),
            item.callId(),
            CallLifecycleEvent.Change.CONNECTED,
            List.of(),
            evidence(call)));
  }

  /**
   * A {@code terminated} or {@code deleted} call. Graph ends a transfer this way (0/7015 or
   * 200/7015, or {@code terminationReason: AppTransferred}) and a redirect too (the incoming call,
   * ended without a result); any other end is the end of the bot's leg, which the service applies
   * to the operations still under way on the call (a hang-up reports no redirect that did not
   * happen).
   */
  private List<ProviderEvent> ended(Item item, CallResource call, String type) {
    ProviderEvidence evidence = evidence(call);
    if (transferCompleted(call)) {
      return List.of(
          transfer(item, "transfer", type, Progress.COMPLETED, evidence),
          disconnected(item, type, evidence, Optional.empty()));
    }
    if (redirected(call)) {
      OperationUpdate redirect =
          new OperationUpdate(
              item.meta("redirect", type),
              item.callId(),
              OperationKind.REDIRECT,
              Progress.COMPLETED,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              evidence);
      return List.of(redirect, disconnected(item, type, evidence, Optional.empty()));
    }
    return List.of(
        disconnected(
            item, type, evidence, ResultInfoFailures.callEnded(call.resultInfo(), evidence)));
  }

  private static CallLifecycleEvent disconnected(
      Item item, String type, ProviderEvidence evidence, Optional<Failure> failure) {
    return new CallLifecycleEvent(
        item.meta("lifecycle", type),
        item.callId(),
        CallLifecycleEvent.Change.DISCONNECTED,
        List.of(),
        evidence,
        failure);
  }

  /** Blind: resultInfo 0/7015 or 200/7015 (transfer completed); consultative: AppTransferred. */
  private static boolean transferCompleted(CallResource call) {
    return "apptransferred".equals(Item.lower(call.terminationReason()))
        || ResultInfoFailures.isTransferCompleted(call.resultInfo());
  }

  /**
   * The documented end of a redirect: the incoming call, {@code terminated} without a result and
   * without a reason. A hang-up carries an end reason code (200/5001, ...) and is no redirect.
   */
  private static boolean redirected(CallResource call) {
    return "incoming".equals(Item.lower(call.direction()))
        && call.resultInfo() == null
        && call.terminationReason() == null;
  }

  private static OperationUpdate transfer(
      Item item, String role, String type, Progress progress, ProviderEvidence evidence) {
    return transfer(item, role, type, progress, Optional.empty(), evidence);
  }

  private static OperationUpdate transfer(
      Item item,
      String role,
      String type,
      Progress progress,
      Optional<Failure> failure,
      ProviderEvidence evidence) {
    return new OperationUpdate(
        item.meta(role, type),
        item.callId(),
        OperationKind.TRANSFER,
        progress,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        failure,
        evidence);
  }

  static ProviderEvidence evidence(CallResource call) {
    ProviderEvidence.Builder evidence =
        ResultInfoFailures.describe(call.resultInfo(), ProviderEvidence.builder());
    return evidence
        .reference("terminationReason", call.terminationReason())
        .reference("replacesContext", call.replacesContext())
        .reference("callChainId", call.callChainId())
        .build();
  }

  private List<ProviderEvent> incoming(Item item, CallResource call, String type) {
    String callId = item.path().callId().orElse(call.id());
    Optional<Participant> from =
        call.source() == null
            ? Optional.empty()
            : identities.read(item, call.source().identity(), ".resourceData.source.identity");
    List<InvitationParticipantInfo> targets = call.targets() == null ? List.of() : call.targets();
    Optional<Participant> to =
        targets.isEmpty() || targets.get(0) == null
            ? Optional.empty()
            : identities.read(item, targets.get(0).identity(), ".resourceData.targets[0].identity");
    if (from.isEmpty() || to.isEmpty()) {
      // Without a caller and a callee there is no IncomingCall to report; keep it visible instead.
      return List.of(item.unrecognized(type));
    }
    Optional<Participant> transferor =
        call.incomingContext() == null
            ? Optional.empty()
            : identities.read(
                item,
                call.incomingContext().transferor(),
                ".resourceData.incomingContext.transferor");
    Optional<Participant> onBehalfOf =
        call.incomingContext() == null
            ? Optional.empty()
            : identities.read(
                item,
                call.incomingContext().onBehalfOf(),
                ".resourceData.incomingContext.onBehalfOf");
    return List.of(
        item.build(
            ".resourceData",
            () ->
                new IncomingCall(
                    item.meta("", type),
                    callId,
                    callId,
                    from.get(),
                    to.get(),
                    from.get().displayName(),
                    Map.of(),
                    Map.of(),
                    transferor,
                    onBehalfOf,
                    Optional.ofNullable(call.callChainId()))));
  }

  static Failure unknownFailure(String what, ProviderEvidence evidence) {
    return Failure.of(
        FailureReason.UNKNOWN,
        "Microsoft Graph reports the " + what + " failed without a result",
        evidence);
  }
}
