package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.command.Transferee;
import dev.handoff.emulator.GraphEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.ports.out.Roster;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The adapter against the emulator paging the roster by two: the bot and five members come in three
 * pages, and the adapter follows each {@code @odata.nextLink} to a roster of all five members.
 */
class EmulatorParticipantPagingTest {

  @Test
  void theRosterHasEveryMemberOfThreePagesAndNotTheBot() {
    try (HandoffEmulator emulator =
        HandoffEmulator.builder()
            .httpPort(0)
            .httpsPort(0)
            .timeScale(0.01)
            .participantPageSize(2)
            .build()
            .start()) {
      GraphEndpoints graph = emulator.graph();
      GraphCall call =
          emulator
              .control()
              .createGraphCall(
                  GraphCallSpec.group(
                      "http://127.0.0.1:9/nowhere",
                      "user:6d1f0c52-3b7e-4c1a-9f60-1a2b3c4d5e01",
                      "phone:+14255550102",
                      "user:6d1f0c52-3b7e-4c1a-9f60-1a2b3c4d5e03",
                      "user:6d1f0c52-3b7e-4c1a-9f60-1a2b3c4d5e04",
                      "phone:+14255550105"));
      GraphCallControl control =
          GraphCallControl.builder()
              .clientCredentials(graph.tenantId(), graph.clientId(), graph.clientSecret())
              .tokenEndpoint(graph.httpTokenEndpoint())
              .baseUrl(graph.httpBaseUrl())
              .build();

      Roster roster = control.participants(call.callId());

      assertThat(roster.failure()).isEmpty();
      assertThat(roster.participants())
          .extracting(transferee -> transferee.callParticipantId().orElseThrow())
          .containsExactlyElementsOf(
              call.participants().stream().map(GraphCall.Participant::participantId).toList());
      assertThat(roster.participants())
          .extracting(Transferee::participant)
          .extracting(participant -> participant.rawId())
          .contains("4:+14255550102", "4:+14255550105");
      List<ReceivedRequest> pages =
          emulator.journal().requests().stream()
              .filter(request -> "graph.getParticipants".equals(request.operation()))
              .toList();
      assertThat(pages).extracting(ReceivedRequest::status).containsExactly(200, 200, 200);
      assertThat(pages.get(1).query()).startsWith("$skiptoken=");
    }
  }
}
