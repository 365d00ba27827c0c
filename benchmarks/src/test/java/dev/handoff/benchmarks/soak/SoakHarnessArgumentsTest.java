package dev.handoff.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.benchmarks.load.Args;
import org.junit.jupiter.api.Test;

/** The command lines docs/RELIABILITY.md and .ci/run give are accepted as written. */
class SoakHarnessArgumentsTest {
  @Test
  void theCiCommandLinesAreAcceptedWithTheCheckFlag() {
    Args soak =
        SoakHarness.arguments(new String[] {"--preset", "ci", "--check", "--scenario", "soak"});
    assertThat(soak.flag("check")).isTrue();
    assertThat(soak.get("scenario")).contains("soak");
    Args forgery =
        SoakHarness.arguments(
            new String[] {
              "--preset",
              "ci",
              "--check",
              "--scenario",
              "forgery",
              "--transfers",
              "10",
              "--provider-faults",
              "0",
              "--callback-faults",
              "0"
            });
    assertThat(forgery.flag("check")).isTrue();
    assertThat(forgery.get("transfers")).contains("10");
  }

  @Test
  void anUnknownOptionIsRefusedByName() {
    assertThatThrownBy(() -> SoakHarness.arguments(new String[] {"--chek"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown option --chek");
  }
}
