package dev.handoff.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  private static final String SCRAPE =
      """
      # HELP handoff_callbacks_events_total Provider events ingested
      # TYPE handoff_callbacks_events_total counter
      handoff_callbacks_events_total{provider="acs"} 1200.0
      handoff_callbacks_events_total{provider="graph",note="a } in a \\"label\\""} 34.0
      handoff_callbacks_events_total_created{provider="acs"} 1.7e9
      handoff_callbacks_received_total{provider="acs"} 600.0
      http_server_requests_seconds_max{uri="/ping"} +Inf
      """;

  @Test
  void sumsEverySampleOfTheMetricOverItsLabels() {
    assertThat(PrometheusText.sum(SCRAPE, "handoff_callbacks_events_total")).isEqualTo(1234.0);
    assertThat(PrometheusText.sum(SCRAPE, "handoff_callbacks_received_total")).isEqualTo(600.0);
  }

  @Test
  void aMetricWithoutSamplesIsZero() {
    assertThat(PrometheusText.sum(SCRAPE, "handoff_callbacks_rejected_total")).isZero();
  }

  @Test
  void readsInfinity() {
    assertThat(PrometheusText.sum(SCRAPE, "http_server_requests_seconds_max")).isInfinite();
  }

  @Test
  void anUnreadableValueIsAnErrorNamingTheMetric() {
    assertThatThrownBy(() -> PrometheusText.sum("up{job=\"x\"} many\n", "up"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("up")
        .hasMessageContaining("'many'");
    assertThatThrownBy(() -> PrometheusText.sum("up{job=\"x\" 1\n", "up"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unterminated");
  }
}
