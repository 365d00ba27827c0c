package dev.handoff.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.communication.callautomation.CallAutomationEventParser;
import com.azure.communication.callautomation.models.events.CallTransferAccepted;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.handoff.adapter.acs.AcsCallControl;
import dev.handoff.adapter.acs.events.AcsEventParser;
import dev.handoff.benchmarks.workload.Workloads;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.operation.SubmitResult;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.journal.SentCallback;
import dev.handoff.ports.out.SubmitContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The ACS fixture the benchmarks parse has the shape of what the project's emulator sends after a
 * real transfer through the adapter, and both parsers read the emulator's callback as they read the
 * fixture.
 */
class EmulatorFixturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theTransferAcceptedFixtureHasEveryMemberTheEmulatorSends() throws IOException {
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/acs",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    try (HandoffEmulator emulator =
        HandoffEmulator.builder().httpPort(0).httpsPort(0).timeScale(0.01).build().start()) {
      String callbackUri = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/acs";
      AcsCall call =
          emulator.control().createAcsCall(AcsCallSpec.oneToOne(callbackUri, "4:+14255550100"));
      CallTransfer transfer =
          CallTransfer.builder(call.callConnectionId(), PhoneNumber.of(Workloads.TARGET_NUMBER))
              .operationContext(Workloads.CORRELATION)
              .build();
      SubmitResult submitted =
          AcsCallControl.builder()
              .connectionString(emulator.acs().httpConnectionString())
              .build()
              .transfer(transfer, SubmitContext.standalone(transfer, Clock.systemUTC()));
      assertThat(submitted).isInstanceOf(SubmitResult.Accepted.class);

      SentCallback callback =
          emulator
              .journal()
              .awaitCallbacks(
                  c -> c.event().equals("CallTransferAccepted"), 1, Duration.ofSeconds(10))
              .get(0);

      assertThat(AcsEventParser.create().parseEvents(callback.body()))
          .singleElement()
          .satisfies(
              e -> assertThat(((OperationUpdate) e).progress()).isEqualTo(Progress.COMPLETED));
      assertThat(CallAutomationEventParser.parseEvents(callback.body()))
          .singleElement()
          .isInstanceOf(CallTransferAccepted.class);
      Set<String> sent = members(JSON.readTree(callback.body()).get(0));
      Set<String> fixture = members(JSON.readTree(Workloads.ACS_TRANSFER_ACCEPTED).get(0));
      assertThat(fixture).containsAll(sent);
    } finally {
      receiver.stop(0);
    }
  }

  /** Every member's path, e.g. {@code /data/resultInformation/subCode}. */
  private static Set<String> members(JsonNode event) {
    Set<String> paths = new TreeSet<>();
    collect(event, "", paths);
    return paths;
  }

  private static void collect(JsonNode node, String path, Set<String> paths) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = path + "/" + field.getKey();
        paths.add(child);
        collect(field.getValue(), child, paths);
      }
    } else if (node.isArray()) {
      node.forEach(element -> collect(element, path + "[]", paths));
    }
  }
}
