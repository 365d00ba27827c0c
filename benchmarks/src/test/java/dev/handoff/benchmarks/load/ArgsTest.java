package dev.handoff.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
  private static final Set<String> KNOWN =
      Set.of("clients", "time-scale", "service-property", "skip-maven");
  private static final Set<String> FLAGS = Set.of("skip-maven");

  @Test
  void readsValuesFlagsAndRepeatedProperties() {
    Args args =
        Args.parse(
            new String[] {
              "--clients",
              "16",
              "--skip-maven",
              "--service-property",
              "handoff.store=postgres",
              "--service-property",
              "quarkus.datasource.jdbc.url=jdbc:postgresql://h/db?a=b"
            },
            KNOWN,
            FLAGS);

    assertThat(args.integer("clients", 8, 1)).isEqualTo(16);
    assertThat(args.positive("time-scale", 0.01)).isEqualTo(0.01);
    assertThat(args.flag("skip-maven")).isTrue();
    assertThat(args.properties("service-property"))
        .containsExactly(
            org.assertj.core.api.Assertions.entry("handoff.store", "postgres"),
            org.assertj.core.api.Assertions.entry(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://h/db?a=b"));
  }

  @Test
  void refusesUnknownOptionsAndMissingValues() {
    assertThatThrownBy(() -> Args.parse(new String[] {"--client", "2"}, KNOWN, FLAGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown option --client");
    assertThatThrownBy(() -> Args.parse(new String[] {"--clients"}, KNOWN, FLAGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--clients needs a value");
    assertThatThrownBy(() -> Args.parse(new String[] {"clients"}, KNOWN, FLAGS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unexpected argument 'clients'");
  }

  @Test
  void refusesValuesOutOfRangeNamingTheOption() {
    Args args =
        Args.parse(
            new String[] {"--clients", "0", "--time-scale", "-1", "--service-property", "=x"},
            KNOWN,
            FLAGS);

    assertThatThrownBy(() -> args.integer("clients", 8, 1))
        .hasMessageContaining("--clients: must be at least 1, got 0");
    assertThatThrownBy(() -> args.positive("time-scale", 1))
        .hasMessageContaining("--time-scale: must be positive");
    assertThatThrownBy(() -> args.properties("service-property"))
        .hasMessageContaining("expected key=value");
  }
}
