package dev.handoff.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.benchmarks.process.Apps;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The fault soak, small, as CI runs it: 100 transfers through the packaged service with 20 % of
 * provider requests and 10 % of callbacks faulted, and forged and replayed callbacks. Only with the
 * {@code soak} profile ({@code ./mvnw -B -Psoak -pl benchmarks -am verify}); CI runs the same
 * through the harness's main class. The run of record (1,000 transfers, production timings) is in
 * docs/RELIABILITY.md.
 */
class SoakIT {
  private static final Apps APPS = new Apps(Path.of(System.getProperty("handoff.repo", "..")));
  private static final Path LOGS = APPS.repo().resolve("benchmarks/target/soak-it");

  @Test
  void aHundredFaultedTransfersEndWithoutDoubleContradictionOrStuckOperation() throws Exception {
    SoakSettings settings = SoakSettings.ci();
    ObjectNode report = SoakHarness.run("soak", settings, APPS, LOGS.resolve("soak"));
    String shown = report.toPrettyString();
    assertThat(report.path("transfers").asInt()).as(shown).isEqualTo(100);
    assertThat(report.path("faultedProviderRequests").asLong())
        .as("provider faults were injected")
        .isPositive();
    assertThat(report.path("faultedCallbacks").asLong())
        .as("callback faults were injected")
        .isPositive();
    assertThat(report.path("doubleExecutions")).as(shown).isEmpty();
    assertThat(report.path("contradictions")).as(shown).isEmpty();
    assertThat(report.path("stuck")).as(shown).isEmpty();
    report
        .path("unknowns")
        .forEach(
            unknown ->
                assertThat(unknown.path("decidedBy").asText())
                    .as("every UNKNOWN was reconciled: " + unknown)
                    .isEqualTo("RECONCILIATION"));
    assertThat(report.path("holds").asBoolean()).as(shown).isTrue();
  }

  @Test
  void forgedAndReplayedCallbacksAreAllRefusedAndChangeNothing() throws Exception {
    ObjectNode report =
        SoakHarness.run("forgery", SoakSettings.ci().with(10, 0), APPS, LOGS.resolve("forgery"));
    String shown = report.toPrettyString();
    assertThat(report.path("attempts").asInt()).as(shown).isEqualTo(10);
    assertThat(report.path("refused").asInt()).as(shown).isEqualTo(10);
    assertThat(report.path("victimsChanged").asInt()).as(shown).isZero();
  }
}
