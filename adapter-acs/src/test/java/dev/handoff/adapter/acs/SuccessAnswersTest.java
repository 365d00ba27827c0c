package dev.handoff.adapter.acs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.acs.FakeAcsServer.Answer;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.out.SubmitContext;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 202 and 204 answers, with the bodies the real service returns. */
class SuccessAnswersTest {
  private static final String ACS_USER =
      "8:acs:816df1ca-971b-44d7-b8b1-8fba90748500_00000013-2ff6-dd51-54b7-a43a0d001998";

  private final FakeAcsServer server = FakeAcsServer.start();
  private final AcsCallControl acs =
      AcsCallControl.builder()
          .connectionString(server.connectionString())
          .options(AcsOptions.builder().retryPolicy(RetryPolicy.none()).build())
          .build();

  @AfterEach
  void stop() {
    server.close();
  }

  private static SubmitContext context(CallCommand command) {
    return SubmitContext.standalone(command, Clock.systemUTC());
  }

  @Test
  void aTransferAcceptedWithAnEmptyObjectIsAccepted() {
    server.answer(
        Answer.of(202, "{}")
            .withHeader("Repeatability-Result", "accepted")
            .withHeader("X-Microsoft-Skype-Chain-ID", "chain-1"));
    CallTransfer transfer = CallTransfer.builder("call-1", PhoneNumber.of("+14255550123")).build();

    SubmitResult result = acs.transfer(transfer, context(transfer));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(((SubmitResult.Accepted) result).invitationId()).isEmpty();
    assertThat(result.evidence().httpStatus()).hasValue(202);
    assertThat(result.evidence().message()).isEmpty();
    assertThat(result.evidence().references())
        .containsEntry("Repeatability-Result", "accepted")
        .containsEntry("X-Microsoft-Skype-Chain-ID", "chain-1");
  }

  @Test
  void aTransferAcceptedWithoutABodyIsStillAccepted() {
    server.answer(Answer.empty(202));
    CallTransfer transfer = CallTransfer.builder("call-1", PhoneNumber.of("+14255550123")).build();

    SubmitResult result = acs.transfer(transfer, context(transfer));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(result.evidence().message())
        .hasValueSatisfying(m -> assertThat(m).contains("not a JSON object"));
  }

  @Test
  void anAddCarriesTheInvitationIdOfTheRecordedAnswer() {
    server.answer(
        Answer.of(
            202,
            "{\"participant\":{\"identifier\":{\"rawId\":\""
                + ACS_USER
                + "\",\"kind\":\"communicationUser\","
                + "\"communicationUser\":{\"id\":\""
                + ACS_USER
                + "\"}},\"isMuted\":false},"
                + "\"invitationId\":\"1bc8007b-043f-4904-bee5-a944190da5a3\"}"));
    AddParticipant add = AddParticipant.builder("call-1", AcsUser.of(ACS_USER)).build();

    SubmitResult result = acs.addParticipant(add, context(add));

    assertThat(((SubmitResult.Accepted) result).invitationId())
        .contains("1bc8007b-043f-4904-bee5-a944190da5a3");
  }

  @Test
  void anAddWithoutAnInvitationIdSaysSo() {
    server.answer(Answer.of(202, "{}"));
    AddParticipant add = AddParticipant.builder("call-1", AcsUser.of(ACS_USER)).build();

    SubmitResult result = acs.addParticipant(add, context(add));

    assertThat(((SubmitResult.Accepted) result).invitationId()).isEmpty();
    assertThat(result.evidence().message())
        .hasValueSatisfying(m -> assertThat(m).contains("without an invitationId"));
  }

  @Test
  void aCancellationIsAccepted() {
    server.answer(Answer.of(202, "{\"invitationId\":\"1bc8007b-043f-4904-bee5-a944190da5a3\"}"));
    CancelAddParticipant cancel =
        CancelAddParticipant.of("call-1", "1bc8007b-043f-4904-bee5-a944190da5a3");

    SubmitResult result = acs.cancelAddParticipant(cancel, context(cancel));

    assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
    assertThat(server.requests().get(0).rawPath())
        .isEqualTo("/calling/callConnections/call-1/participants:cancelAddParticipant");
  }

  @Test
  void aRedirectIsCompletedByItsNoContentAnswer() {
    server.answer(Answer.empty(204));
    RedirectCall redirect =
        RedirectCall.builder("server-call", "ctx", List.of(AcsUser.of(ACS_USER))).build();

    SubmitResult result = acs.redirect(redirect, context(redirect));

    assertThat(result).isInstanceOf(SubmitResult.Completed.class);
    assertThat(result.evidence().httpStatus()).hasValue(204);
    assertThat(server.requests().get(0).rawPath()).isEqualTo("/calling/callConnections:redirect");
    assertThat(server.requests().get(0).rawQuery()).isEqualTo("api-version=2026-03-12");
  }

  @Test
  void sendsTheWireOperationContextFromTheSubmitContext() {
    server.answer(Answer.of(202, "{}"));
    CallTransfer transfer = CallTransfer.builder("call-1", PhoneNumber.of("+14255550123")).build();
    SubmitContext context = context(transfer);

    acs.transfer(transfer, context);

    assertThat(Json.tree(server.requests().get(0).body()).get("operationContext").asText())
        .isEqualTo(context.correlation())
        .isEqualTo(context.operationId().value());
  }

  @Test
  void encodesTheCallIdAndUsesTheConfiguredApiVersion() {
    AcsCallControl older =
        AcsCallControl.builder()
            .connectionString(server.connectionString())
            .options(
                AcsOptions.builder()
                    .apiVersion("2025-06-15")
                    .retryPolicy(RetryPolicy.none())
                    .build())
            .build();
    CallTransfer transfer = CallTransfer.builder("a/b+c=", PhoneNumber.of("+14255550123")).build();

    older.transfer(transfer, context(transfer));

    assertThat(server.requests().get(0).rawPath())
        .isEqualTo("/calling/callConnections/a%2Fb%2Bc%3D:transferToParticipant");
    assertThat(server.requests().get(0).rawQuery()).isEqualTo("api-version=2025-06-15");
    assertThat(server.signatureProblems()).isEmpty();
  }
}
