package dev.handoff.emulator.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.communications.calls.item.participants.ParticipantsRequestBuilder;
import com.microsoft.graph.models.Participant;
import com.microsoft.graph.models.ParticipantCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official Microsoft Graph SDK reads the roster the emulator pages by two, following each
 * {@code @odata.nextLink} as given.
 */
class GraphSdkPagingOracleTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01).participantPageSize(2));

  @Test
  void readsTheBotAndFiveMembersOverThreePages(HandoffEmulator emulator) throws Exception {
    GraphCall call =
        emulator
            .control()
            .createGraphCall(
                GraphCallSpec.group(
                    "http://127.0.0.1:9/nowhere",
                    "user:member-1",
                    "phone:+14255550102",
                    "user:member-3",
                    "user:member-4",
                    "phone:+14255550105"));
    GraphServiceClient graph = GraphSdkOracleTest.client(emulator);
    ParticipantsRequestBuilder participants =
        graph.communications().calls().byCallId(call.callId()).participants();

    List<Integer> pageSizes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    ParticipantCollectionResponse page = participants.get();
    // Bounded, so that a link that never ends fails the assertions instead of hanging the test.
    for (int read = 1; read <= 10; read++) {
      pageSizes.add(page.getValue().size());
      page.getValue().stream().map(Participant::getId).forEach(ids::add);
      if (page.getOdataNextLink() == null) {
        break;
      }
      page = participants.withUrl(page.getOdataNextLink()).get();
    }

    assertThat(pageSizes).containsExactly(2, 2, 2);
    List<String> expected = new ArrayList<>(List.of(call.myParticipantId()));
    call.participants().forEach(p -> expected.add(p.participantId()));
    assertThat(ids).containsExactlyElementsOf(expected);
  }
}
