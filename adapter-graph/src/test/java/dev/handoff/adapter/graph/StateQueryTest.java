package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.graph.support.Fixtures;
import dev.handoff.adapter.graph.support.LocalServer;
import dev.handoff.adapter.graph.support.LocalServer.Reply;
import dev.handoff.adapter.graph.support.RawServer;
import dev.handoff.adapter.graph.support.RecordingSleeper;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.Reconciliation;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.ports.out.ProviderStateQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Graph's call, roster and operation say about an operation whose notification was lost. */
class StateQueryTest {
  private static final Instant T0 = Instant.parse("2026-03-20T10:00:00Z");

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private LocalServer graph = LocalServer.start();
  private RawServer raw;

  @AfterEach
  void stop() throws Exception {
    graph.close();
    if (raw != null) {
      raw.close();
    }
  }

  private ProviderStateQuery query(java.net.URI base) {
    return Fixtures.control(
            base, GraphApiVersion.V1_0, Fixtures.fastOptions().sleeper(sleeper).build())
        .stateQuery()
        .orElseThrow();
  }

  private static Operation submitted(CallCommand command, Optional<String> invitation) {
    return Operation.request(
            OperationId.of("op-1"),
            ProviderId.of("graph"),
            command,
            Optional.empty(),
            SubmissionToken.create(T0),
            T0,
            Duration.ofMinutes(2))
        .afterSubmit(new SubmitResult.Accepted(invitation, null), T0.plusSeconds(1));
  }

  private static Operation accepted(Operation operation) {
    return operation.apply(
        new OperationUpdate(
            new EventMeta(
                ProviderId.of("graph"),
                "graph:accepted",
                "microsoft.graph.call:updated:transferaccepted",
                T0.plusSeconds(2)),
            operation.callId(),
            OperationKind.TRANSFER,
            Progress.ACCEPTED,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            null),
        T0.plusSeconds(2));
  }

  private static CallTransfer peerToPeer() {
    return CallTransfer.builder("call-1", TeamsUser.of("target")).build();
  }

  private static Reply call(String state, String extra) {
    return Reply.json(
        200,
        "{\"@odata.type\":\"#microsoft.graph.call\",\"id\":\"call-1\",\"state\":\""
            + state
            + "\""
            + extra
            + "}");
  }

  private static Reply gone() {
    return Reply.json(
        404, "{\"error\":{\"code\":\"8522\",\"message\":\"Call not found.\",\"innerError\":{}}}");
  }

  @Test
  void aTransferringCallIsStillUnderWay() {
    graph.reply(call("transferring", ""));
    Reconciliation verdict =
        query(graph.baseUrl()).reconcile(submitted(peerToPeer(), Optional.empty()));
    assertThat(verdict).isInstanceOf(Reconciliation.UnderWay.class);
    assertThat(verdict.basis()).isEqualTo("Graph reports call call-1 transferring");
    LocalServer.Recorded get = graph.requests().get(0);
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.path()).isEqualTo("/v1.0/communications/calls/call-1");
    assertThat(get.header("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
    assertThat(get.header("client-request-id")).isNotBlank();
  }

  @Test
  void aGoneCallAfterTransferAcceptedMeansTheTransferCompleted() {
    graph.reply(gone());
    Operation operation = accepted(submitted(peerToPeer(), Optional.empty()));
    Reconciliation verdict = query(graph.baseUrl()).reconcile(operation);
    assertThat(verdict).isInstanceOf(Reconciliation.Completed.class);
    assertThat(verdict.basis())
        .contains("no longer knows call call-1")
        .contains("transferAccepted");
    assertThat(verdict.evidence().httpStatus()).hasValue(404);
  }

  @Test
  void aTransferAcceptedRecordedOnAnUnknownOperationStillCounts() {
    graph.reply(gone());
    Operation unknown =
        submitted(peerToPeer(), Optional.empty())
            .afterSubmit(
                new SubmitResult.Indeterminate(
                    dev.handoff.domain.failure.Failure.of(FailureReason.TIMEOUT, "no answer")),
                T0.plusSeconds(1));
    Operation late = accepted(unknown);
    assertThat(late.state()).isEqualTo(dev.handoff.domain.operation.OperationState.UNKNOWN);
    assertThat(query(graph.baseUrl()).reconcile(late)).isInstanceOf(Reconciliation.Completed.class);
  }

  @Test
  void aGoneCallWithoutAnyWordOfTheTransferCannotTellTheOutcome() {
    graph.reply(gone());
    Reconciliation verdict =
        query(graph.baseUrl()).reconcile(submitted(peerToPeer(), Optional.empty()));
    assertThat(verdict).isInstanceOf(Reconciliation.Undetermined.class);
    assertThat(((Reconciliation.Undetermined) verdict).askAgain()).isFalse();
  }

  @Test
  void anEstablishedPeerToPeerCallMeansTheTransferFailedWithItsResult() {
    graph.reply(
        call(
            "established",
            ",\"resultInfo\":{\"code\":500,\"subcode\":7000,\"message\":\"Transfer failed.\"}"));
    Reconciliation verdict =
        query(graph.baseUrl()).reconcile(submitted(peerToPeer(), Optional.empty()));
    assertThat(verdict).isInstanceOf(Reconciliation.Failed.class);
    Reconciliation.Failed failed = (Reconciliation.Failed) verdict;
    // The result table reads 500/7000 as a blind transfer the target did not take: unreachable.
    assertThat(failed.failure().reason()).isEqualTo(FailureReason.UNREACHABLE);
    assertThat(failed.failure().message()).contains("500/7000").contains("never arrived");
    assertThat(failed.failure().evidence().subCode()).contains("7000");
  }

  @Test
  void inAGroupCallTheTransfereesParticipantIdDecides() {
    CallTransfer group =
        CallTransfer.builder("call-1", TeamsUser.of("target"))
            .transferee(Transferee.of(TeamsUser.of("caller"), "p-caller"))
            .build();
    String roster =
        "{\"@odata.context\":\"x\",\"value\":[{\"@odata.type\":\"#microsoft.graph.participant\","
            + "\"id\":\"p-bot\"},{\"id\":\"p-caller\"}]}";
    graph.reply(call("established", ""), Reply.json(200, roster));
    assertThat(query(graph.baseUrl()).reconcile(submitted(group, Optional.empty())))
        .isInstanceOf(Reconciliation.Failed.class);
    assertThat(graph.requests().get(1).path())
        .isEqualTo("/v1.0/communications/calls/call-1/participants");

    graph.close();
    graph = LocalServer.start();
    Reply withoutCaller = Reply.json(200, "{\"value\":[{\"id\":\"p-bot\"}]}");
    graph.reply(call("established", ""), withoutCaller, call("established", ""), withoutCaller);
    ProviderStateQuery query = query(graph.baseUrl());
    assertThat(query.reconcile(submitted(group, Optional.empty())))
        .isInstanceOf(Reconciliation.Undetermined.class);
    assertThat(query.reconcile(accepted(submitted(group, Optional.empty()))))
        .isInstanceOf(Reconciliation.Completed.class);
  }

  @Test
  void theInvitationsOperationResourceIsAuthoritative() {
    AddParticipant add = AddParticipant.builder("call-1", TeamsUser.of("invitee")).build();
    graph.reply(
        Reply.json(
            200,
            "{\"@odata.type\":\"#microsoft.graph.inviteParticipantsOperation\",\"id\":\"op-9\","
                + "\"status\":\"Failed\",\"resultInfo\":{\"code\":486,\"subcode\":8539,"
                + "\"message\":\"busy\"}}"),
        Reply.json(200, "{\"id\":\"op-9\",\"status\":\"Completed\"}"),
        Reply.json(200, "{\"id\":\"op-9\",\"status\":\"Running\"}"));
    ProviderStateQuery query = query(graph.baseUrl());
    Reconciliation failed = query.reconcile(submitted(add, Optional.of("op-9")));
    assertThat(failed).isInstanceOf(Reconciliation.Failed.class);
    assertThat(((Reconciliation.Failed) failed).failure().reason()).isEqualTo(FailureReason.BUSY);
    assertThat(graph.requests().get(0).path())
        .isEqualTo("/v1.0/communications/calls/call-1/operations/op-9");
    assertThat(query.reconcile(submitted(add, Optional.of("op-9"))))
        .isInstanceOf(Reconciliation.Completed.class);
    assertThat(query.reconcile(submitted(add, Optional.of("op-9"))))
        .isInstanceOf(Reconciliation.UnderWay.class);
    assertThat(query.reconcile(submitted(add, Optional.empty())))
        .isInstanceOf(Reconciliation.Undetermined.class);
  }

  @Test
  void aReadIsRepeatedAfterABusyAnswerAndIsAskedAgainLaterWhenGraphStaysBusy() {
    graph.reply(Reply.status(503), call("transferAccepted", ""));
    assertThat(query(graph.baseUrl()).reconcile(submitted(peerToPeer(), Optional.empty())))
        .isInstanceOf(Reconciliation.Completed.class);
    assertThat(graph.requests()).hasSize(2);

    raw = RawServer.start(RawServer.Behaviour.CUT_MID_RESPONSE);
    Reconciliation verdict =
        query(raw.baseUrl()).reconcile(submitted(peerToPeer(), Optional.empty()));
    assertThat(verdict).isInstanceOf(Reconciliation.Undetermined.class);
    assertThat(((Reconciliation.Undetermined) verdict).askAgain()).isTrue();
    assertThat(verdict.basis()).startsWith("Microsoft Graph could not be asked");
    assertThat(raw.requestCount()).as("a read is safe to repeat").isGreaterThan(1);
  }
}
