package dev.handoff.adapter.graph.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.graph.wire.ResultInfo;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented resultInfo table, row by row. */
class ResultInfoFailuresTest {

  @ParameterizedTest(name = "{0}/{1} -> {2}, retryable {3}")
  @CsvSource({
    "400, 8541, UNREACHABLE, true",
    "410, 301004, PROVIDER_ERROR, false",
    "410, 301005, PROVIDER_ERROR, false",
    "400, , INVALID_REQUEST, false",
    "401, , AUTHENTICATION, false",
    "403, 10151, FORBIDDEN_BY_POLICY, false",
    "404, , NOT_FOUND, false",
    "410, , NOT_FOUND, false",
    "408, , NO_ANSWER, true",
    "408, 8537, TIMEOUT, false",
    "408, 1106, TIMEOUT, false",
    "408, 10057, TIMEOUT, false",
    "480, , NO_ANSWER, true",
    "480, 10037, UNREACHABLE, true",
    "480, 10076, UNREACHABLE, true",
    "480, 10134, UNREACHABLE, true",
    "480, 10199, FORBIDDEN_BY_POLICY, false",
    "409, , CONFLICT, true",
    "429, , THROTTLED, true",
    "486, , BUSY, true",
    "600, , BUSY, true",
    "487, , CANCELLED, false",
    "603, , DECLINED, false",
    "500, 7000, UNREACHABLE, true",
    "500, 7700, UNREACHABLE, true",
    "500, 7106, PROVIDER_ERROR, false",
    "500, 1005, PROVIDER_ERROR, false",
    "503, , PROVIDER_ERROR, true",
    "412, 9999, FORBIDDEN_BY_POLICY, false",
    "302, , UNKNOWN, false",
    "garbage, , UNKNOWN, false",
  })
  void errorCodesMapToReasonsAndRetryability(
      String code, String subcode, FailureReason reason, boolean retryable) {
    ResultInfo info = new ResultInfo(code, subcode, null, "m");

    assertThat(ResultInfoFailures.isError(info)).isTrue();
    Failure failure = ResultInfoFailures.failure(info, ProviderEvidence.NONE, "x").orElseThrow();
    assertThat(failure.reason()).isEqualTo(reason);
    assertThat(failure.retryable()).isEqualTo(retryable);
    assertThat(ResultInfoFailures.callEnded(info, ProviderEvidence.NONE).orElseThrow())
        .as("the same result on a call that ended")
        .satisfies(
            ended -> {
              assertThat(ended.reason()).isEqualTo(reason);
              assertThat(ended.retryable()).as("a call that is gone").isFalse();
            });
  }

  @ParameterizedTest(name = "{0}/{1} with \"{2}\" -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "500|7000|Transfer failed. DiagCode: 486#8539.@|BUSY",
        "500|7700|Transfer failed. DiagCode: 603#8538.@|DECLINED",
        "500|7000|Transfer failed. DiagCode: 480#10037.@|UNREACHABLE",
        "500|7000|Transfer failed. DiagCode: 500#7000.@|UNREACHABLE",
        "500|7000|Transfer failed. DiagCode: 999#1.@|UNREACHABLE",
        "412|9999|addParticipants failed. DiagCode: 403#10151|FORBIDDEN_BY_POLICY",
        "500|7106|Server Internal Error. DiagCode: 486#1.@|PROVIDER_ERROR",
      })
  void genericFailuresAreReadByTheUnderlyingCodeTheirMessageNames(
      String code, String subcode, String message, FailureReason reason) {
    ResultInfo info = new ResultInfo(code, subcode, null, message);
    assertThat(ResultInfoFailures.failure(info, ProviderEvidence.NONE, "x").orElseThrow().reason())
        .isEqualTo(reason);
  }

  @ParameterizedTest
  @CsvSource({"0, 7015, true", "200, 7015, true", "200, 5001, false", "500, 7015, false"})
  void aTransferIsCompletedBy0Or200With7015(String code, String subcode, boolean completed) {
    assertThat(ResultInfoFailures.isTransferCompleted(new ResultInfo(code, null, subcode, null)))
        .isEqualTo(completed);
    assertThat(ResultInfoFailures.isTransferCompleted(null)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"0", "200", "202", "299", "0.0", "200.0"})
  void successCodesGiveNoFailure(String code) {
    ResultInfo info = new ResultInfo(code, "7015", null, null);

    assertThat(ResultInfoFailures.isSuccess(info)).isTrue();
    assertThat(ResultInfoFailures.failure(info, ProviderEvidence.NONE, "x")).isEmpty();
  }

  @Test
  void noResultOrNoCodeIsNoError() {
    assertThat(ResultInfoFailures.isError(null)).isFalse();
    assertThat(ResultInfoFailures.isError(new ResultInfo(null, "1", null, "m"))).isFalse();
  }

  @Test
  void numbersAreReadFromTextIntegersAndWholeDoubles() {
    assertThat(ResultInfoFailures.number(" 7000 ")).hasValue(7000);
    assertThat(ResultInfoFailures.number("7000.0")).hasValue(7000);
    assertThat(ResultInfoFailures.number("7000.5")).isEqualTo(OptionalInt.empty());
    assertThat(ResultInfoFailures.number("transferAccepted")).isEqualTo(OptionalInt.empty());
    assertThat(ResultInfoFailures.number(null)).isEqualTo(OptionalInt.empty());
  }

  @Test
  void evidenceKeepsCodeSubcodeUnderEitherSpellingAndMessage() {
    ProviderEvidence evidence =
        ResultInfoFailures.describe(
                new ResultInfo("500", null, "7700", "failed"), ProviderEvidence.builder())
            .build();

    assertThat(evidence.code()).hasValue("500");
    assertThat(evidence.subCode()).hasValue("7700");
    assertThat(evidence.message()).hasValue("failed");
  }
}
