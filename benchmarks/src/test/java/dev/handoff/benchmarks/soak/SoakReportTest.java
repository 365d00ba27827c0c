package dev.handoff.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.journal.ReceivedRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The soak's audit rules, on hand-made operations and journal entries. */
class SoakReportTest {
  private static JsonNode operation(String state, String... entries) throws Exception {
    StringBuilder timeline = new StringBuilder("[");
    for (int i = 0; i < entries.length; i++) {
      timeline.append(i == 0 ? "" : ",").append(entries[i]);
    }
    return SoakApi.JSON.readTree(
        "{\"id\":\"op\",\"callId\":\"call\",\"state\":\""
            + state
            + "\",\"timeline\":"
            + timeline.append("]")
            + "}");
  }

  private static String entry(String source, String what, String state, String disposition) {
    return "{\"source\":\""
        + source
        + "\",\"what\":\""
        + what
        + "\",\"state\":\""
        + state
        + "\",\"disposition\":\""
        + disposition
        + "\"}";
  }

  private static ProviderTruth truth(int executions, ProviderTruth.Outcome outcome) {
    return new ProviderTruth("call", executions, executions, 1, outcome);
  }

  @Test
  void doublesContradictionsStuckAndUnknownsAreTold() throws Exception {
    SoakReport report = new SoakReport(SoakSettings.ci().with(5, 0.1), Map.of());
    report.add(
        operation(
            "COMPLETED",
            entry("HANDOFF", "requested", "REQUESTED", "APPLIED"),
            entry("RECONCILIATION", "reconciled: gone", "COMPLETED", "APPLIED")),
        truth(1, ProviderTruth.Outcome.TRANSFERRED));
    report.add(
        operation("COMPLETED", entry("PROVIDER_EVENT", "x", "COMPLETED", "APPLIED")),
        truth(2, ProviderTruth.Outcome.FAILED));
    report.add(
        operation("FAILED", entry("PROVIDER_EVENT", "x", "FAILED", "APPLIED")),
        truth(1, ProviderTruth.Outcome.TRANSFERRED));
    report.add(
        operation("SUBMITTED", entry("PROVIDER_RESPONSE", "accepted", "SUBMITTED", "APPLIED")),
        null);
    report.add(
        operation(
            "UNKNOWN",
            entry("RECONCILIATION", "deadline passed; reconciliation: gone", "UNKNOWN", "APPLIED")),
        truth(1, ProviderTruth.Outcome.TRANSFERRED));
    assertThat(report.doubles).hasSize(1);
    assertThat(report.contradictions).hasSize(2);
    assertThat(report.stuck).hasSize(1);
    assertThat(report.unknowns)
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.get("decidedBy")).isEqualTo("RECONCILIATION");
              assertThat(u.get("basis")).contains("gone");
            });
    assertThat(report.decidedBy).containsEntry("COMPLETED by RECONCILIATION", 1);
    assertThat(report.unknownShare()).isEqualTo(0.2);
    assertThat(report.holds()).isFalse();
  }

  @Test
  void anUnknownWithoutReconciliationBreaksTheTarget() throws Exception {
    SoakReport report = new SoakReport(SoakSettings.ci().with(1, 0.1), Map.of());
    report.add(
        operation(
            "UNKNOWN",
            entry(
                "PROVIDER_RESPONSE", "the provider's answer was ambiguous", "UNKNOWN", "APPLIED")),
        truth(0, ProviderTruth.Outcome.NOT_EXECUTED));
    assertThat(report.everyUnknownReconciled()).isFalse();
    assertThat(report.holds()).isFalse();
  }

  @Test
  void anExecutionIsAnAnsweredOrWithheldSuccessThatWasNotAReplay() {
    assertThat(ProviderTruth.executed(request(202, null))).isTrue();
    assertThat(ProviderTruth.executed(request(202, "fault: latency 1500ms"))).isTrue();
    assertThat(
            ProviderTruth.executed(
                request(null, "fault: drop after execution; executed, response not sent: 202")))
        .isTrue();
    assertThat(ProviderTruth.executed(request(202, "repeatability: replayed"))).isFalse();
    assertThat(ProviderTruth.executed(request(503, "fault: error 503"))).isFalse();
    assertThat(ProviderTruth.executed(request(null, "fault: drop"))).isFalse();
  }

  @Test
  void settingsThatWouldTestNothingOrRaceTheProviderAreRefused() {
    assertThatThrownBy(() -> SoakSettings.ci().on(2, "memory"))
        .hasMessageContaining("--instances 2 needs --store postgres");
    SoakSettings ci = SoakSettings.ci();
    assertThatThrownBy(
            () ->
                new SoakSettings(
                    "acs",
                    "memory",
                    1,
                    10,
                    1,
                    0.2,
                    0.1,
                    ci.shortLatency(),
                    ci.longLatency(),
                    ci.attemptTimeout(),
                    ci.overallTimeout(),
                    ci.overallTimeout(),
                    ci.recheckAfter(),
                    ci.ringTime(),
                    ci.maxHold(),
                    1))
        .hasMessageContaining("--deadline must outlast");
  }

  private static ReceivedRequest request(Integer status, String note) {
    return new ReceivedRequest(
        1, Instant.EPOCH, "http", "POST", "/x", "", Map.of(), "", "acs.transfer", status, "", note);
  }
}
