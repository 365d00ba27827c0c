package dev.handoff.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class PhaseTest {
  @Test
  void everyTaskRunsExactlyOnceAcrossTheClients() throws InterruptedException {
    Set<Integer> seen = ConcurrentHashMap.newKeySet();

    Phase.Result result =
        Phase.run(
            4,
            500,
            i -> {
              assertThat(seen.add(i)).isTrue();
              return new Phase.Sample(i, i % 2 == 0 ? 2L * i : -1, i % 3 == 0 ? "A" : "B");
            });

    assertThat(seen).hasSize(500);
    assertThat(result.samples()).hasSize(500);
    assertThat(result.errors()).isZero();
    assertThat(result.first().count()).isEqualTo(500);
    assertThat(result.terminal().count()).isEqualTo(250);
    assertThat(result.outcomes()).containsEntry("A", 167L).containsEntry("B", 333L);
    assertThat(result.wallNanos()).isPositive();
  }

  @Test
  void failedTasksAreCountedAndTheFirstOnesKept() throws InterruptedException {
    Phase.Result result =
        Phase.run(
            2,
            20,
            i -> {
              if (i % 2 == 1) {
                throw new IOException("refused " + i);
              }
              return new Phase.Sample(1, -1, "ok");
            });

    assertThat(result.samples()).hasSize(10);
    assertThat(result.errors()).isEqualTo(10);
    assertThat(result.firstErrors()).hasSize(5).allMatch(e -> e.contains("refused"));
  }

  @Test
  void refusesNoClients() {
    assertThatThrownBy(() -> Phase.run(0, 1, i -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clients must be at least 1");
  }
}
