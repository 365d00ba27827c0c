package dev.handoff.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {
  @Test
  void percentilesAreNearestRankOverTheSortedSamples() {
    long[] samples = new long[100];
    for (int i = 0; i < 100; i++) {
      samples[i] = 100 - i; // 100 .. 1, unsorted on purpose
    }
    LatencyStats stats = LatencyStats.of(samples);

    assertThat(stats.count()).isEqualTo(100);
    assertThat(stats.percentile(50)).isEqualTo(50);
    assertThat(stats.percentile(99)).isEqualTo(99);
    assertThat(stats.percentile(100)).isEqualTo(100);
    assertThat(stats.percentile(0.1)).isEqualTo(1);
    assertThat(stats.mean()).isEqualTo(50.5);
    assertThat(stats.max()).isEqualTo(100);
    assertThat(stats.min()).isEqualTo(1);
  }

  @Test
  void aSmallSampleRoundsTheRankUp() {
    LatencyStats stats = LatencyStats.of(30, 10, 20);

    assertThat(stats.percentile(50)).isEqualTo(20);
    assertThat(stats.percentile(99)).isEqualTo(30);
  }

  @Test
  void theSamplesAreCopiedNotShared() {
    long[] samples = {3, 1, 2};
    LatencyStats stats = LatencyStats.of(samples);
    samples[0] = 1_000;

    assertThat(stats.max()).isEqualTo(3);
  }

  @Test
  void refusesPercentilesOutsideTheRangeAndOfNothing() {
    assertThatThrownBy(() -> LatencyStats.of(1).percentile(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(0, 100]");
    assertThatThrownBy(() -> LatencyStats.of(1).percentile(100.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LatencyStats.of().percentile(50))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no samples");
  }
}
