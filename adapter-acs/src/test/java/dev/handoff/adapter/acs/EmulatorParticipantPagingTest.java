package dev.handoff.adapter.acs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.Reconciliation;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCallSpec;
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
 * The adapter against the emulator paging participant lists by two: the roster and the state query
 * follow every {@code nextLink} and see every participant, the last page's included.
 */
class EmulatorParticipantPagingTest {
  private static final Instant T0 = Instant.parse("2026-03-20T10:00:00Z");
  private static final List<String> SIX =
      List.of(
          "4:+14255550101",
          "4:+14255550102",
          "4:+14255550103",
          "4:+14255550104",
          "4:+14255550105",
          "4:+14255550106");

  private HandoffEmulator emulator;
  private AcsCallControl acs;

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
    acs = AcsCallControl.builder().connectionString(emulator.acs().httpConnectionString()).build();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String groupCall(List<String> participants) {
    return emulator
        .control()
        .createAcsCall(
            AcsCallSpec.group("http://127.0.0.1:9/nowhere", participants.toArray(String[]::new)))
        .callConnectionId();
  }

  private List<ReceivedRequest> participantPages() {
    return emulator.journal().requests().stream()
        .filter(request -> "acs.getParticipants".equals(request.operation()))
        .toList();
  }

  @Test
  void theRosterHasEveryParticipantOfThreePages() {
    String callId = groupCall(SIX);

    Roster roster = acs.participants(callId);

    assertThat(roster.failure()).isEmpty();
    assertThat(roster.participants())
        .extracting(transferee -> transferee.participant().rawId())
        .containsExactlyElementsOf(SIX);
    assertThat(participantPages())
        .extracting(ReceivedRequest::status)
        .containsExactly(200, 200, 200);
    assertThat(participantPages().get(2).query()).contains("skipToken=");
  }

  @Test
  void theStateQueryFindsAnInviteeOnTheLastPage() {
    String callId = groupCall(SIX.subList(0, 5));
    emulator.control().inviteToAcsCall(callId, "4:+14255550123");
    emulator
        .journal()
        .awaitCallbacks(
            sent -> sent.event().endsWith("AddParticipantSucceeded"), 1, Duration.ofSeconds(5));
    AddParticipant add = AddParticipant.builder(callId, PhoneNumber.of("+14255550123")).build();
    Operation submitted =
        Operation.request(
                OperationId.of("op-paged"),
                AcsProvider.ID,
                add,
                Optional.empty(),
                SubmissionToken.create(T0),
                T0,
                Duration.ofMinutes(2))
            .afterSubmit(new SubmitResult.Accepted(Optional.empty(), null), T0.plusSeconds(1));

    Reconciliation verdict = acs.stateQuery().orElseThrow().reconcile(submitted);

    assertThat(verdict).isInstanceOf(Reconciliation.Completed.class);
    assertThat(participantPages()).hasSize(3);
  }
}
