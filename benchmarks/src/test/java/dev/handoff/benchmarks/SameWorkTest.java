package dev.handoff.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.communication.callautomation.CallAutomationEventParser;
import com.azure.communication.callautomation.models.events.AddParticipantSucceeded;
import com.azure.communication.callautomation.models.events.CallAutomationEventBase;
import com.azure.communication.callautomation.models.events.CallDisconnected;
import com.azure.communication.callautomation.models.events.CallTransferAccepted;
import com.azure.communication.callautomation.models.events.CallTransferFailed;
import com.azure.communication.callautomation.models.events.ParticipantsUpdated;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.graph.models.Call;
import com.microsoft.graph.models.CallState;
import dev.handoff.adapter.acs.events.AcsEventParser;
import dev.handoff.adapter.graph.notifications.GraphNotificationParser;
import dev.handoff.benchmarks.parse.AcsCallbackBenchmark;
import dev.handoff.benchmarks.parse.GraphNotificationBenchmark;
import dev.handoff.benchmarks.sdk.AcsSdkRequests;
import dev.handoff.benchmarks.sdk.GraphSdkNotifications;
import dev.handoff.benchmarks.sdk.GraphSdkRequests;
import dev.handoff.benchmarks.serialize.AcsRequestBenchmark;
import dev.handoff.benchmarks.serialize.HandoffRequests;
import dev.handoff.benchmarks.workload.Expectation;
import dev.handoff.benchmarks.workload.Workloads;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.IncomingCall;
import dev.handoff.domain.event.OperationUpdate;
import dev.handoff.domain.event.Progress;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.FailureReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each Handoff benchmark and its SDK counterpart do the same work on the same input: the bodies are
 * the same JSON, and the parsers read every event (the ACS SDK returns an empty list instead of
 * failing, so a fixture it cannot read would otherwise make it look fast).
 */
class SameWorkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CORRELATION = Workloads.CORRELATION;

  @Test
  void theAcsSdkWritesTheBareTransferLikeHandoffButWithoutKind() throws Exception {
    JsonNode handoff =
        JSON.readTree(HandoffRequests.acsTransfer(Workloads.bareTransfer(), Workloads.CORRELATION));
    JsonNode sdk = JSON.readTree(AcsSdkRequests.transferBody(AcsSdkRequests.bareTransferOptions()));

    // 1.0.4 predates the identifier's "kind"; everything else is the same.
    assertThat(handoff.at("/targetParticipant/kind").asText()).isEqualTo("phoneNumber");
    ((ObjectNode) handoff.get("targetParticipant")).remove("kind");
    assertThat(sdk).isEqualTo(handoff);
    assertThat(sdk.at("/targetParticipant/rawId").asText()).isEqualTo("4:+14255550123");
  }

  @Test
  void theAdapterPathTheFormerJacksonPathAndTheirWriterOnlyPartsWriteTheSameBytes()
      throws Exception {
    AcsRequestBenchmark benchmark = new AcsRequestBenchmark();
    benchmark.setUp();
    byte[] bare = HandoffRequests.acsTransferByJackson(Workloads.bareTransfer(), CORRELATION);
    byte[] full =
        HandoffRequests.acsTransferByJackson(Workloads.fullContextTransfer(), CORRELATION);

    assertThat(benchmark.handoffBareTransfer())
        .isEqualTo(bare)
        .isEqualTo(benchmark.floorBareTransferJacksonOnly())
        .isEqualTo(benchmark.writerOnlyBareTransfer());
    assertThat(benchmark.handoffFullContextTransfer())
        .isEqualTo(full)
        .isEqualTo(benchmark.floorFullContextTransferJacksonOnly())
        .isEqualTo(benchmark.writerOnlyFullContextTransfer());
  }

  @Test
  void theFullContextTransferCarriesTheWholeCallingContext() throws Exception {
    JsonNode body =
        JSON.readTree(
            HandoffRequests.acsTransfer(Workloads.fullContextTransfer(), Workloads.CORRELATION));

    JsonNode context = body.get("customCallingContext");
    assertThat(context.get("sipHeaders").size()).isEqualTo(6);
    assertThat(context.at("/sipHeaders/User-To-User").asText())
        .isEqualTo("a1b2c3d4e5f60718293a4b5c6d7e8f90");
    assertThat(context.get("voipHeaders").size()).isEqualTo(3);
    JsonNode details = context.get("teamsPhoneCallDetails");
    assertThat(details.at("/teamsPhoneCallerDetails/additionalCallerInformation").size())
        .isEqualTo(3);
    assertThat(details.at("/teamsPhoneSourceDetails/intendedTargets/tier2/kind").asText())
        .isEqualTo("microsoftTeamsUser");
    assertThat(details.get("callTopic").asText()).isEqualTo("Billing question");
    assertThat(body.at("/transferee/rawId").asText()).isEqualTo("4:+14255550100");
    assertThat(body.at("/sourceCallerIdNumber/value").asText()).isEqualTo("+18005550100");
  }

  @Test
  void kiotaAndHandoffWriteTheSameGraphBodies() throws Exception {
    assertThat(JSON.readTree(GraphSdkRequests.serialize(GraphSdkRequests.bareTransfer())))
        .isEqualTo(JSON.readTree(HandoffRequests.graphTransfer(Workloads.bareGraphTransfer())));
    JsonNode rich = JSON.readTree(HandoffRequests.graphTransfer(Workloads.richGraphTransfer()));
    assertThat(JSON.readTree(GraphSdkRequests.serialize(GraphSdkRequests.richTransfer())))
        .isEqualTo(rich);
    assertThat(rich.at("/transferTarget/replacesCallId").asText())
        .isEqualTo(Workloads.CONSULTATION_CALL);
    assertThat(rich.at("/transferee/participantId").asText())
        .isEqualTo(Workloads.TRANSFEREE_PARTICIPANT);
  }

  @Test
  void bothAcsParsersReadEveryEventOfTheBatch() {
    List<ProviderEvent> handoff = AcsEventParser.create().parseEvents(Workloads.ACS_CALLBACK_BATCH);
    List<CallAutomationEventBase> sdk =
        CallAutomationEventParser.parseEvents(Workloads.ACS_CALLBACK_BATCH);

    assertThat(handoff).hasSize(Workloads.ACS_CALLBACK_BATCH_EVENTS);
    OperationUpdate accepted = (OperationUpdate) handoff.get(0);
    assertThat(accepted.scope()).isEqualTo(OperationKind.TRANSFER);
    assertThat(accepted.progress()).isEqualTo(Progress.COMPLETED);
    assertThat(((CallLifecycleEvent) handoff.get(1)).change())
        .isEqualTo(CallLifecycleEvent.Change.DISCONNECTED);
    OperationUpdate declined = (OperationUpdate) handoff.get(2);
    assertThat(declined.failure().orElseThrow().reason()).isEqualTo(FailureReason.DECLINED);
    assertThat(declined.failure().orElseThrow().evidence().q850()).isPresent();
    assertThat(((OperationUpdate) handoff.get(3)).scope()).isEqualTo(OperationKind.ADD_PARTICIPANT);
    assertThat(((CallLifecycleEvent) handoff.get(4)).participants()).hasSize(2);

    assertThat(sdk)
        .hasSize(Workloads.ACS_CALLBACK_BATCH_EVENTS)
        .hasExactlyElementsOfTypes(
            CallTransferAccepted.class,
            CallDisconnected.class,
            CallTransferFailed.class,
            AddParticipantSucceeded.class,
            ParticipantsUpdated.class);
    assertThat(sdk.get(0).getOperationContext()).isEqualTo("xfer-42");
    assertThat(((CallTransferFailed) sdk.get(2)).getResultInformation().getSubCode())
        .isEqualTo(8538);
    assertThat(((ParticipantsUpdated) sdk.get(4)).getParticipants()).hasSize(2);
  }

  @Test
  void bothAcsParsersReadTheSingleTransferAccepted() {
    assertThat(AcsEventParser.create().parseEvents(Workloads.ACS_TRANSFER_ACCEPTED))
        .singleElement()
        .isInstanceOf(OperationUpdate.class);
    assertThat(CallAutomationEventParser.parseEvents(Workloads.ACS_TRANSFER_ACCEPTED))
        .singleElement()
        .isInstanceOf(CallTransferAccepted.class)
        .extracting(CallAutomationEventBase::getCallConnectionId)
        .isEqualTo(Workloads.CALL_ID);
  }

  @Test
  void bothGraphParsersReadEveryNotificationItem() {
    List<ProviderEvent> handoff =
        GraphNotificationParser.builder().build().parse(Workloads.GRAPH_TRANSFER_NOTIFICATIONS);
    List<GraphSdkNotifications.Notification> sdk =
        GraphSdkNotifications.parse(Workloads.GRAPH_TRANSFER_NOTIFICATIONS);

    // Three items; the terminated one is both the transfer's completion and the leg's end.
    assertThat(handoff)
        .extracting(e -> e instanceof OperationUpdate ? ((OperationUpdate) e).progress() : null)
        .containsExactly(Progress.IN_PROGRESS, Progress.ACCEPTED, Progress.COMPLETED, null);
    assertThat(sdk).hasSize(Workloads.GRAPH_TRANSFER_NOTIFICATION_ITEMS);
    assertThat(sdk)
        .extracting(n -> ((Call) n.resource()).getState())
        .containsExactly(CallState.Transferring, CallState.TransferAccepted, CallState.Terminated);
    Call terminated = (Call) sdk.get(2).resource();
    assertThat(terminated.getResultInfo().getSubcode()).isEqualTo(7015);
  }

  @Test
  void bothGraphParsersReadTheIncomingCall() {
    List<ProviderEvent> handoff =
        GraphNotificationParser.builder().build().parse(Workloads.GRAPH_INCOMING_CALL);
    Call sdk = (Call) GraphSdkNotifications.parse(Workloads.GRAPH_INCOMING_CALL).get(0).resource();

    IncomingCall incoming = (IncomingCall) handoff.get(0);
    assertThat(handoff).hasSize(1);
    assertThat(incoming.transferor()).isPresent();
    assertThat(sdk.getState()).isEqualTo(CallState.Incoming);
    assertThat(sdk.getSource().getIdentity().getUser().getDisplayName()).isEqualTo("Dana Caller");
    assertThat(sdk.getIncomingContext().getTransferor().getUser().getId())
        .isEqualTo("c4a3b2d1-0e9f-4a8b-7c6d-5e4f3a2b1c0d");
    assertThat(sdk.getTargets()).hasSize(1);
  }

  @Test
  void theDeclaredEventCountsAreTheParsedOnes() throws Exception {
    AcsCallbackBenchmark acs = new AcsCallbackBenchmark();
    acs.setUp();
    assertThat(acs.handoffBatch()).hasSize(events(AcsCallbackBenchmark.class, "handoffBatch"));
    assertThat(acs.sdkBatch()).hasSize(events(AcsCallbackBenchmark.class, "sdkBatch"));
    assertThat(acs.sdkTransferAccepted())
        .hasSize(events(AcsCallbackBenchmark.class, "sdkTransferAccepted"));
    GraphNotificationBenchmark graph = new GraphNotificationBenchmark();
    graph.setUp();
    assertThat(graph.sdkTransferNotifications())
        .hasSize(events(GraphNotificationBenchmark.class, "sdkTransferNotifications"));
    assertThat(graph.sdkIncomingCall())
        .hasSize(events(GraphNotificationBenchmark.class, "sdkIncomingCall"));
    assertThat(graph.handoffIncomingCall())
        .hasSize(events(GraphNotificationBenchmark.class, "handoffIncomingCall"));
  }

  private static int events(Class<?> benchmark, String method) throws NoSuchMethodException {
    return benchmark.getMethod(method).getAnnotation(Expectation.class).events();
  }
}
