package dev.handoff.emulator.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.communication.callautomation.CallConnection;
import com.azure.communication.callautomation.models.CallParticipant;
import com.azure.core.http.rest.PagedResponse;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.journal.ReceivedRequest;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official ACS SDK's paged participant listing over several pages: it follows the emulator's
 * {@code nextLink} as given (signing each page with the access key) and gets every participant.
 */
class AcsSdkPagingOracleTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01).seed(23).participantPageSize(2));

  private static final List<String> FIVE =
      List.of(
          "4:+14255550101",
          "8:acs:res_agent2",
          "4:+14255550103",
          "4:+14255550104",
          "8:acs:res_agent5");

  @Test
  void listsFiveParticipantsOverThreePages(HandoffEmulator emulator) {
    AcsCall call =
        emulator
            .control()
            .createAcsCall(
                AcsCallSpec.group("http://127.0.0.1:9/nowhere", FIVE.toArray(String[]::new)));
    CallConnection connection =
        AcsSdkHandoffOracleTest.client(emulator).getCallConnection(call.callConnectionId());

    List<CallParticipant> all = connection.listParticipants().stream().toList();
    assertThat(all).extracting(p -> p.getIdentifier().getRawId()).containsExactlyElementsOf(FIVE);
    List<ReceivedRequest> listed =
        emulator.journal().requests().stream()
            .filter(r -> "acs.getParticipants".equals(r.operation()))
            .toList();
    assertThat(listed).extracting(ReceivedRequest::status).containsExactly(200, 200, 200);
    assertThat(listed.get(1).query()).contains("skipToken=");

    List<List<String>> pages =
        connection.listParticipants().streamByPage().map(AcsSdkPagingOracleTest::rawIds).toList();
    assertThat(pages).containsExactly(FIVE.subList(0, 2), FIVE.subList(2, 4), FIVE.subList(4, 5));
  }

  private static List<String> rawIds(PagedResponse<CallParticipant> page) {
    return page.getValue().stream().map(p -> p.getIdentifier().getRawId()).toList();
  }
}
