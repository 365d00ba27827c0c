package dev.handoff.adapter.acs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.acs.FakeAcsServer.Answer;
import dev.handoff.adapter.acs.http.SyncErrorTable;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.ports.out.SubmitContext;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CommunicationErrorResponse → the failure taxonomy, per the table in the adapter's README. */
class ErrorMappingTest {
  private static final CallTransfer TRANSFER =
      CallTransfer.builder("call-1", PhoneNumber.of("+14255550123")).build();

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

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "400, 8523, INVALID_REQUEST, false",
    "401, 7509, AUTHENTICATION, false",
    "403, 7507, AUTHENTICATION, false",
    "403, 7504, FORBIDDEN_BY_POLICY, false",
    "404, 8522, NOT_FOUND, false",
    "405, 8520, UNSUPPORTED, false",
    "409, 8519, CONFLICT, true",
    "409, 8607, CONFLICT, true",
    "400, 8501, CONFLICT, true",
    "400, 8528, NOT_FOUND, false",
    "400, 8585, CONFLICT, true",
    "429, TooManyRequests, THROTTLED, true",
    "500, InternalServerError, PROVIDER_ERROR, true",
    "502, BadGateway, PROVIDER_ERROR, true",
    "503, ServiceUnavailable, PROVIDER_ERROR, true",
    "504, GatewayTimeout, TIMEOUT, true",
    "501, NotImplemented, UNSUPPORTED, false",
    "413, PayloadTooLarge, INVALID_REQUEST, false",
    "404, 9999, NOT_FOUND, false"
  })
  void mapsTheErrorAnswer(int status, String code, FailureReason reason, boolean retryable) {
    server.answer(
        Answer.of(
                status,
                "{\"error\":{\"code\":\"" + code + "\",\"message\":\"Text for " + code + ".\"}}")
            .withHeader("X-Microsoft-Skype-Chain-ID", "chain-7"));

    SubmitResult result =
        acs.transfer(TRANSFER, SubmitContext.standalone(TRANSFER, Clock.systemUTC()));

    Failure failure = ((SubmitResult.Rejected) result).failure();
    assertThat(failure.reason()).isEqualTo(reason);
    assertThat(failure.retryable()).isEqualTo(retryable);
    assertThat(failure.message())
        .isEqualTo("ACS answered " + status + " " + code + ": Text for " + code + ".");
    assertThat(failure.evidence().httpStatus()).hasValue(status);
    assertThat(failure.evidence().code()).contains(code);
    assertThat(failure.evidence().message()).contains("Text for " + code + ".");
    assertThat(failure.evidence().references())
        .containsEntry("X-Microsoft-Skype-Chain-ID", "chain-7")
        .containsEntry(
            "x-ms-client-request-id", server.requests().get(0).header("x-ms-client-request-id"))
        .containsEntry(
            "Repeatability-Request-ID",
            server.requests().get(0).header("Repeatability-Request-ID"));
  }

  @Test
  void keepsWhatANonJsonErrorSaid() {
    server.answer(
        new Answer(
            502, java.util.Map.of("Content-Type", "text/html"), "<html>Bad gateway</html>", false));

    Failure failure =
        ((SubmitResult.Rejected)
                acs.transfer(TRANSFER, SubmitContext.standalone(TRANSFER, Clock.systemUTC())))
            .failure();

    assertThat(failure.reason()).isEqualTo(FailureReason.PROVIDER_ERROR);
    assertThat(failure.evidence().code()).isEmpty();
    assertThat(failure.evidence().message()).contains("<html>Bad gateway</html>");
  }

  @Test
  void keepsTheInnerErrorTargetAndDetails() {
    server.answer(
        Answer.of(
            400,
            "{\"error\":{\"code\":\"8523\",\"message\":\"Invalid request.\",\"target\":\"targetParticipant\","
                + "\"details\":[{\"code\":\"MissingField\",\"message\":\"rawId or sub-object\"}],"
                + "\"innererror\":{\"code\":\"IdentifierInvalid\",\"message\":\"x\"}}}"));

    Failure failure =
        ((SubmitResult.Rejected)
                acs.transfer(TRANSFER, SubmitContext.standalone(TRANSFER, Clock.systemUTC())))
            .failure();

    assertThat(failure.evidence().subCode()).contains("IdentifierInvalid");
    assertThat(failure.evidence().references())
        .containsEntry("error.target", "targetParticipant")
        .containsEntry("error.details", "MissingField: rawId or sub-object");
  }

  @Test
  void theTableDecidesByCodeBeforeStatus() {
    assertThat(SyncErrorTable.reason(400, "8522")).isEqualTo(FailureReason.NOT_FOUND);
    assertThat(SyncErrorTable.reason(400, null)).isEqualTo(FailureReason.INVALID_REQUEST);
    assertThat(SyncErrorTable.reason(418, "unknown")).isEqualTo(FailureReason.INVALID_REQUEST);
    assertThat(SyncErrorTable.reason(302, null)).isEqualTo(FailureReason.UNKNOWN);
    assertThat(SyncErrorTable.reason(599, null)).isEqualTo(FailureReason.PROVIDER_ERROR);
  }
}
