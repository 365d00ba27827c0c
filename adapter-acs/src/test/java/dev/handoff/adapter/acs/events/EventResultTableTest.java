package dev.handoff.adapter.acs.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.acs.wire.ResultInformation;
import dev.handoff.adapter.acs.wire.SipDiagnosticInfo;
import dev.handoff.domain.failure.FailureReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventResultTableTest {

  @ParameterizedTest(name = "{0}/{1} sip {2} q850 {3} -> {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "603, 8538, -, -, DECLINED",
        "486, 8539, -, -, BUSY",
        "600, 8540, -, -, BUSY",
        "480, 8541, -, -, UNREACHABLE",
        "404, 8544, -, -, UNREACHABLE",
        "487, 8542, -, -, CANCELLED",
        "487, 5234, -, -, CANCELLED",
        "404, 8522, -, -, NOT_FOUND",
        "400, 8523, -, -, INVALID_REQUEST",
        "405, 8520, -, -, UNSUPPORTED",
        "409, 8607, -, -, CONFLICT",
        "500, 9001, -, -, PROVIDER_ERROR",
        "408, 9002, -, -, TIMEOUT",
        "408, 0, -, -, NO_ANSWER",
        "480, 1, -, -, NO_ANSWER",
        "486, 1, -, -, BUSY",
        "600, 1, -, -, BUSY",
        "603, 1, -, -, DECLINED",
        "404, 1, -, -, NOT_FOUND",
        "604, 1, -, -, NOT_FOUND",
        "487, 1, -, -, CANCELLED",
        "403, 1, -, -, FORBIDDEN_BY_POLICY",
        "503, 1, -, -, PROVIDER_ERROR",
        "400, 1, 486, -, BUSY",
        "400, 1, -, 17, BUSY",
        "400, 1, -, 19, NO_ANSWER",
        "400, 1, -, 21, DECLINED",
        "400, 1, -, 1, NOT_FOUND",
        "400, 1, -, 16, UNKNOWN",
        "-, -, -, -, UNKNOWN"
      })
  void mapsResultInformation(
      Integer code, Integer subCode, Integer sip, Integer q850, FailureReason expected) {
    ResultInformation result =
        new ResultInformation(
            code,
            subCode,
            "m",
            sip == null ? null : new SipDiagnosticInfo(sip, "sip"),
            q850 == null ? null : new SipDiagnosticInfo(q850, "q850"));

    assertThat(EventResultTable.reason(result)).isEqualTo(expected);
  }

  @Test
  void noResultInformationIsUnknown() {
    assertThat(EventResultTable.reason(null)).isEqualTo(FailureReason.UNKNOWN);
  }
}
