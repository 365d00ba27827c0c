package dev.handoff.adapter.graph.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.graph.wire.ResultInfo;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented resultInfo table, row by row. */
class ResultInfoFailuresTest {

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
    "400, 8541, UNREACHABLE",
    "410, 301004, PROVIDER_ERROR",
    "400, , INVALID_REQUEST",
    "401, , AUTHENTICATION",
    "403, 10151, FORBIDDEN_BY_POLICY",
    "404, , NOT_FOUND",
    "410, , NOT_FOUND",
    "408, , NO_ANSWER",
    "480, , NO_ANSWER",
    "409, , CONFLICT",
    "429, , THROTTLED",
    "486, , BUSY",
    "600, , BUSY",
    "487, , CANCELLED",
    "603, , DECLINED",
    "500, 7000, PROVIDER_ERROR",
    "500, 7700, PROVIDER_ERROR",
    "500, 7106, PROVIDER_ERROR",
    "503, , PROVIDER_ERROR",
    "412, 9999, UNKNOWN",
    "302, , UNKNOWN",
    "garbage, , UNKNOWN",
  })
  void errorCodesMapToReasons(String code, String subcode, FailureReason reason) {
    ResultInfo info = new ResultInfo(code, subcode, null, "m");

    assertThat(ResultInfoFailures.isError(info)).isTrue();
    assertThat(ResultInfoFailures.failure(info, ProviderEvidence.NONE, "x").orElseThrow().reason())
        .isEqualTo(reason);
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
