package dev.handoff.adapter.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.Reconciliation;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.domain.provider.ProviderId;
import dev.handoff.emulator.GraphEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.ports.out.Roster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against the emulator paging the roster by two: the bot and five members come in three
 * pages, and the roster and the state query follow each {@code @odata.nextLink} to the last page.
 */
class EmulatorParticipantPagingTest {
  private static final Instant T0 = Instant.parse("2026-03-20T10:00:00Z");
  private static final String LAST_MEMBER = "6d1f0c52-3b7e-4c1a-9f60-1a2b3c4d5e05";

  private HandoffEmulator emulator;
  private GraphCallControl control;
  private GraphCall call;

  @BeforeEach
  void start() {
    emulator =
        HandoffEmulator.builder()
            .httpPort(0)
            .httpsPort(0)
            .timeScale(0.01)
            .participantPageSize(2)
            .build()
            .start();
    GraphEndpoints graph = emulator.graph();
    control =
        GraphCallControl.builder()
            .clientCredentials(graph.tenantId(), graph.clientId(), graph.clientSecret())
            .tokenEndpoint(graph.httpTokenEndpoint())
            .baseUrl(graph.httpBaseUrl())
            .build();
    call =
        emulator
            .control()
            .createGraphCall(
                GraphCallSpec.group(
                    "http://127.0.0.1:9/nowhere",
                    "user:6d1f0c52-3b7e-4c1a-9f60-1a2b3c4d5e01",
                    "phone:+14255550102",
                    "user:6d1f0c52-3b7e-4c1a-9f60-1a2b3c4d5e03",
                    "phone:+14255550104",
                    "user:" + LAST_MEMBER));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private List<ReceivedRequest> participantPages() {
    return emulator.journal().requests().stream()
        .filter(request -> "graph.getParticipants".equals(request.operation()))
        .toList();
  }

  @Test
  void theRosterHasEveryMemberOfThreePagesAndNotTheBot() {
    Roster roster = control.participants(call.callId());

    assertThat(roster.failure()).isEmpty();
    assertThat(roster.participants())
        .extracting(transferee -> transferee.callParticipantId().orElseThrow())
        .containsExactlyElementsOf(
            call.participants().stream().map(GraphCall.Participant::participantId).toList());
    assertThat(roster.participants())
        .extracting(Transferee::participant)
        .extracting(participant -> participant.rawId())
        .contains("4:+14255550102", "4:+14255550104");
    assertThat(participantPages())
        .extracting(ReceivedRequest::status)
        .containsExactly(200, 200, 200);
    assertThat(participantPages().get(1).query()).startsWith("$skiptoken=");
  }

  @Test
  void theStateQueryFindsTheTransfereeOnTheLastPage() {
    String lastMember = call.participants().get(4).participantId();
    CallTransfer transfer =
        CallTransfer.builder(call.callId(), TeamsUser.of("6d1f0c52-3b7e-4c1a-9f60-1a2b3c4d5e99"))
            .transferee(Transferee.of(TeamsUser.of(LAST_MEMBER), lastMember))
            .build();
    Operation submitted =
        Operation.request(
                OperationId.of("op-paged"),
                ProviderId.of("graph"),
                transfer,
                Optional.empty(),
                SubmissionToken.create(T0),
                T0,
                Duration.ofMinutes(2))
            .afterSubmit(new SubmitResult.Accepted(Optional.empty(), null), T0.plusSeconds(1));

    Reconciliation verdict = control.stateQuery().orElseThrow().reconcile(submitted);

    assertThat(verdict)
        .as("the call is established with the transferee still in it: it did not take effect")
        .isInstanceOf(Reconciliation.Failed.class);
    assertThat(((Reconciliation.Failed) verdict).basis()).contains(lastMember);
    assertThat(participantPages()).hasSize(3);
  }
}
