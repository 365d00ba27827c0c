package dev.handoff.adapter.acs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.acs.FakeAcsServer.Answer;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.Reconciliation;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.out.ProviderStateQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What ACS's call connection and participants say about an operation whose result was lost. */
class StateQueryTest {
  private static final Instant T0 = Instant.parse("2026-03-20T10:00:00Z");
  private static final String CALLER = "4:+14255550100";
  private static final String AGENT = "4:+14255550111";
  private static final String TARGET = "4:+14255550123";

  private final FakeAcsServer server = FakeAcsServer.start();
  private final VirtualTime time = new VirtualTime(T0);

  @AfterEach
  void stop() {
    server.close();
  }

  private ProviderStateQuery query(RetryPolicy retry) {
    return AcsCallControl.builder()
        .connectionString(server.connectionString())
        .options(AcsOptions.builder().retryPolicy(retry).clock(time).sleeper(time).build())
        .build()
        .stateQuery()
        .orElseThrow();
  }

  private final ProviderStateQuery query = query(RetryPolicy.none());

  private static Operation submitted(CallCommand command) {
    return Operation.request(
            OperationId.of("op-1"),
            AcsProvider.ID,
            command,
            Optional.empty(),
            SubmissionToken.create(T0),
            T0,
            Duration.ofMinutes(2))
        .afterSubmit(new SubmitResult.Accepted(Optional.empty(), null), T0.plusSeconds(1));
  }

  private static CallTransfer oneToOne() {
    return CallTransfer.builder("call-1", PhoneNumber.of("+14255550123")).build();
  }

  private static CallTransfer group() {
    return CallTransfer.builder("call-1", PhoneNumber.of("+14255550123"))
        .transferee(Transferee.of(PhoneNumber.of("+14255550100")))
        .build();
  }

  private static Operation withDisconnect(Operation operation, int code, int subCode) {
    return operation.note(
        new CallLifecycleEvent(
            new EventMeta(
                AcsProvider.ID,
                "evt-d",
                "Microsoft.Communication.CallDisconnected",
                T0.plusSeconds(5)),
            "call-1",
            CallLifecycleEvent.Change.DISCONNECTED,
            List.of(),
            ProviderEvidence.builder()
                .code(Integer.toString(code))
                .subCode(Integer.toString(subCode))
                .message("The call was transferred. DiagCode: 0#7015.@")
                .build()),
        T0.plusSeconds(5));
  }

  private static Answer call(String state) {
    return Answer.of(
        200,
        "{\"callConnectionId\":\"call-1\",\"serverCallId\":\"s\",\"callConnectionState\":\""
            + state
            + "\",\"targets\":[{\"kind\":\"phoneNumber\",\"rawId\":\""
            + CALLER
            + "\",\"phoneNumber\":{\"value\":\"+14255550100\"}}],\"correlationId\":\"c\"}");
  }

  private static Answer gone() {
    return Answer.of(404, "{\"error\":{\"code\":\"8522\",\"message\":\"Call not found.\"}}");
  }

  private static Answer participants(String nextLink, String... rawIds) {
    StringBuilder body = new StringBuilder("{\"value\":[");
    for (int i = 0; i < rawIds.length; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"identifier\":{\"rawId\":\"")
          .append(rawIds[i])
          .append("\",\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"")
          .append(rawIds[i].substring(2))
          .append("\"}},\"isMuted\":false}");
    }
    body.append("]");
    if (nextLink != null) {
      body.append(",\"nextLink\":\"").append(nextLink).append('"');
    }
    return Answer.of(200, body.append('}').toString());
  }

  @Test
  void aTransferringCallIsStillUnderWayAndIsAskedForBySignedGet() {
    server.answer(call("transferring"));
    Reconciliation verdict = query.reconcile(submitted(oneToOne()));
    assertThat(verdict).isInstanceOf(Reconciliation.UnderWay.class);
    assertThat(verdict.basis()).isEqualTo("ACS reports call connection call-1 transferring");
    FakeAcsServer.Recorded get = server.requests().get(0);
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.rawPath()).isEqualTo("/calling/callConnections/call-1");
    assertThat(get.rawQuery()).isEqualTo("api-version=2026-03-12");
    assertThat(get.header("Repeatability-Request-ID")).isNull();
    assertThat(server.signatureProblems()).isEmpty();
    assertThat(verdict.evidence().httpStatus()).hasValue(200);
  }

  @Test
  void aTransferAcceptedCallMeansTheTransferCompleted() {
    server.answer(call("transferAccepted"));
    assertThat(query.reconcile(submitted(oneToOne()))).isInstanceOf(Reconciliation.Completed.class);
  }

  @Test
  void aGoneCallWhoseDisconnectSaidTransferredMeansTheTransferCompleted() {
    server.answer(gone());
    Reconciliation verdict = query.reconcile(withDisconnect(submitted(oneToOne()), 200, 7015));
    assertThat(verdict).isInstanceOf(Reconciliation.Completed.class);
    assertThat(verdict.basis())
        .contains("ACS no longer knows call connection call-1")
        .contains("CallDisconnected 200/7015")
        .contains("The call was transferred");
    assertThat(verdict.evidence().httpStatus()).hasValue(404);
    assertThat(verdict.evidence().code()).contains("8522");
  }

  @Test
  void aGoneCallWithoutTheReasonCannotTellTheOutcome() {
    server.answer(gone());
    Reconciliation hungUp = query.reconcile(withDisconnect(submitted(oneToOne()), 200, 5001));
    assertThat(hungUp).isInstanceOf(Reconciliation.Undetermined.class);
    assertThat(((Reconciliation.Undetermined) hungUp).askAgain()).isFalse();
    assertThat(hungUp.basis()).contains("no recorded call event says why");
    assertThat(query.reconcile(submitted(oneToOne())))
        .isInstanceOf(Reconciliation.Undetermined.class);
  }

  @Test
  void aTwoPartyCallStillConnectedMeansTheTransferDidNotTakeEffect() {
    server.answer(call("connected"));
    Reconciliation verdict = query.reconcile(submitted(oneToOne()));
    assertThat(verdict).isInstanceOf(Reconciliation.Failed.class);
    Reconciliation.Failed failed = (Reconciliation.Failed) verdict;
    assertThat(failed.failure().reason()).isEqualTo(FailureReason.UNKNOWN);
    assertThat(failed.failure().retryable()).isTrue();
    assertThat(failed.failure().message()).contains("did not take effect");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void inAGroupCallTheTransfereeStillThereMeansItDidNotTakeEffectAcrossPages() {
    server.answer(
        call("connected"),
        participants("/calling/callConnections/call-1/participants?api-version=x&page=2", AGENT),
        participants(null, CALLER));
    Reconciliation verdict = query.reconcile(submitted(group()));
    assertThat(verdict).isInstanceOf(Reconciliation.Failed.class);
    assertThat(verdict.basis()).contains("transferee " + CALLER + " still a participant");
    assertThat(server.requests())
        .extracting(FakeAcsServer.Recorded::rawPath)
        .containsExactly(
            "/calling/callConnections/call-1",
            "/calling/callConnections/call-1/participants",
            "/calling/callConnections/call-1/participants");
    assertThat(server.requests().get(2).rawQuery()).isEqualTo("api-version=x&page=2");
  }

  @Test
  void inAGroupCallTheTransfereeGoneCannotBeToldFromAHangUp() {
    server.answer(call("connected"), participants(null, AGENT));
    Reconciliation verdict = query.reconcile(submitted(group()));
    assertThat(verdict).isInstanceOf(Reconciliation.Undetermined.class);
    assertThat(((Reconciliation.Undetermined) verdict).askAgain()).isFalse();
  }

  @Test
  void anAcsThatCannotBeReachedIsAskedAgainLater() {
    server.answer(Answer.of(503, "{\"error\":{\"code\":\"503\",\"message\":\"busy\"}}"));
    Reconciliation verdict =
        query(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 0))
            .reconcile(submitted(oneToOne()));
    assertThat(verdict).isInstanceOf(Reconciliation.Undetermined.class);
    assertThat(((Reconciliation.Undetermined) verdict).askAgain()).isTrue();
    assertThat(verdict.basis()).startsWith("ACS could not be asked: ACS answered 503");
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void anInviteeAmongTheParticipantsMeansTheAddCompleted() {
    AddParticipant add = AddParticipant.builder("call-1", PhoneNumber.of("+14255550123")).build();
    server.answer(participants(null, CALLER, TARGET));
    assertThat(query.reconcile(submitted(add))).isInstanceOf(Reconciliation.Completed.class);
    server.answer(participants(null, CALLER));
    assertThat(query.reconcile(submitted(add))).isInstanceOf(Reconciliation.Undetermined.class);
  }

  @Test
  void aRedirectHasNoStateToAskFor() {
    RedirectCall redirect =
        RedirectCall.builder("call-1", "context", List.of(PhoneNumber.of("+14255550123"))).build();
    Reconciliation verdict = query.reconcile(submitted(redirect));
    assertThat(verdict).isInstanceOf(Reconciliation.Undetermined.class);
    assertThat(server.requests()).isEmpty();
  }
}
