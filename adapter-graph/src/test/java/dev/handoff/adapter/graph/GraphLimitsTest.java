package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.adapter.graph.support.Fixtures;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.domain.provider.CapabilityViolation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Graph's limits, each at limit - 1, limit and limit + 1. */
class GraphLimitsTest {
  private static final GraphCallControl GRAPH =
      Fixtures.control(URI.create("http://127.0.0.1:9"), GraphApiVersion.V1_0);
  private static final TeamsUser AGENT = TeamsUser.of("agent-1");

  private static List<String> problems(dev.handoff.domain.command.CallCommand command) {
    return GRAPH.check(command).stream()
        .map(CapabilityViolation::toString)
        .collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0} characters of client context: accepted {1}")
  @CsvSource({"255, true", "256, true", "257, false"})
  void anInvitesClientContextIsAtMost256Characters(int length, boolean accepted) {
    AddParticipant add =
        AddParticipant.builder("call-1", AGENT).operationContext("c".repeat(length)).build();
    if (accepted) {
      assertThat(problems(add)).isEmpty();
    } else {
      assertThat(problems(add))
          .containsExactly(
              "operationContext: accepts at most 256 characters of operation context, got 257");
    }
  }

  @ParameterizedTest(name = "{0} characters on a transfer, which carries no client context")
  @CsvSource({"255", "256", "257", "5000"})
  void aTransfersOperationContextIsNotLimited(int length) {
    assertThat(
            problems(
                CallTransfer.builder("call-1", AGENT).operationContext("c".repeat(length)).build()))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0} redirect targets: accepted {1}")
  @CsvSource({"24, true", "25, true", "26, false"})
  void aRedirectNamesAtMost25Targets(int count, boolean accepted) {
    List<Participant> targets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      targets.add(TeamsUser.of("agent-" + i));
    }
    RedirectCall redirect = RedirectCall.builder("call-1", "call-1", targets).build();
    assertThat(problems(redirect).isEmpty()).isEqualTo(accepted);
    if (!accepted) {
      assertThat(problems(redirect))
          .containsExactly("targets: accepts at most 25 redirect target(s), got 26");
    }
  }

  @ParameterizedTest(name = "ring timeout {0} s: accepted {1}")
  @CsvSource({"14, false", "15, true", "16, true", "89, true", "90, true", "91, false"})
  void aRedirectRingsFor15To90Seconds(int seconds, boolean accepted) {
    RedirectCall redirect =
        RedirectCall.builder("call-1", "call-1", List.of(AGENT))
            .ringTimeout(Duration.ofSeconds(seconds))
            .build();
    assertThat(problems(redirect).isEmpty()).isEqualTo(accepted);
  }
}
