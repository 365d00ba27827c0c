package dev.handoff.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JmhReportTest {
  private static final String ACS = "dev.handoff.benchmarks.parse.AcsCallbackBenchmark.";

  private static String run(String method, double score, String error, String unit) {
    return """
        {"benchmark":"%s%s","mode":"avgt","primaryMetric":{"score":%s,"scoreError":%s,
         "scoreUnit":"%s"},"secondaryMetrics":{"gc.alloc.rate.norm":{"score":1234.0,
         "scoreUnit":"B/op"}}}"""
        .formatted(ACS, method, score, error, unit);
  }

  @Test
  void readsScoresInNanosecondsAndTheAllocation() throws IOException {
    List<JmhResult> results = JmhReport.read("[" + run("handoffBatch", 2.5, "0.5", "us/op") + "]");

    JmhResult batch = results.get(0);
    assertThat(batch.nanosPerOperation()).isCloseTo(2_500, within(1e-9));
    assertThat(batch.errorNanos()).isCloseTo(500, within(1e-9));
    assertThat(batch.allocatedBytesPerOperation()).hasValue(1234.0);
    assertThat(batch.shortName()).isEqualTo("AcsCallbackBenchmark.handoffBatch");
  }

  @Test
  void aMissingErrorIsNotANumberNotZero() throws IOException {
    JmhResult single = JmhReport.read("[" + run("sdkBatch", 10, "\"NaN\"", "ns/op") + "]").get(0);

    assertThat(single.errorNanos()).isNaN();
  }

  @Test
  void pairsHandoffWithTheSdkAndBoundsTheRatioByTheErrors() throws IOException {
    JmhReport report =
        new JmhReport(
            JmhReport.read(
                "["
                    + run("handoffBatch", 1_000, "100", "ns/op")
                    + ","
                    + run("sdkBatch", 4_000, "400", "ns/op")
                    + ","
                    + run("handoffTransferAccepted", 500, "10", "ns/op")
                    + "]"));

    List<JmhReport.Comparison> pairs = report.comparisons();
    assertThat(pairs).hasSize(1);
    JmhReport.Comparison batch = pairs.get(0);
    assertThat(batch.name()).isEqualTo("AcsCallbackBenchmark.batch");
    assertThat(batch.ratio()).isCloseTo(4.0, within(1e-9));
    assertThat(batch.lowestRatio()).isCloseTo(3_600.0 / 1_100, within(1e-9));
    assertThat(JmhReport.verdict(true, false)).isEqualTo("met");
    assertThat(batch.highestRatio()).isCloseTo(4_400.0 / 900, within(1e-9));
  }

  @Test
  void rendersBudgetsPerEventFromTheBenchmarksExpectations() throws IOException {
    String rendered =
        new JmhReport(
                JmhReport.read(
                    "["
                        + run("handoffBatch", 30_000, "100", "ns/op")
                        + ","
                        + run("sdkBatch", 60_000, "100", "ns/op")
                        + "]"))
            .render();

    // The batch holds five events: 30 µs per batch is 6 µs per event, over the 5 µs budget.
    assertThat(rendered)
        .contains(
            "| AcsCallbackBenchmark.handoffBatch per event | 6,000 ± 20.0 ns | ≤ 5,000 ns | missed |")
        .contains("| AcsCallbackBenchmark.batch | 30,000 | 60,000 | 2.00× |")
        .contains("| missed |");
  }

  @Test
  void aTargetInsideTheErrorIsUndecidedNotMet() throws IOException {
    String rendered =
        new JmhReport(
                JmhReport.read(
                    "["
                        + run("handoffBatch", 24_900, "1000", "ns/op")
                        + ","
                        + run("sdkBatch", 80_000, "10000", "ns/op")
                        + "]"))
            .render();

    // 4,980 ± 200 ns per event against 5,000: the budget lies inside the error.
    assertThat(rendered)
        .contains(
            "| AcsCallbackBenchmark.handoffBatch per event | 4,980 ± 200 ns | ≤ 5,000 ns |"
                + " within the error (undecided) |")
        // 3.21× at the point estimate, 2.70× – 3.77× within the errors.
        .contains("| 3.21× | 2.70× – 3.77× | within the error (undecided) |");
  }

  @Test
  void refusesThroughputResults() {
    assertThatThrownBy(() -> JmhReport.read("[" + run("handoffBatch", 5, "1", "ops/s") + "]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ops/s")
        .hasMessageContaining("avgt");
  }

  @Test
  void refusesWhatIsNotAResultFile() {
    assertThatThrownBy(() -> JmhReport.read("{\"benchmark\":1}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("array");
  }
}
