package dev.handoff.emulator;

import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.AcsIncomingCallSpec;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.emulator.control.GraphIncomingCall;
import dev.handoff.emulator.control.GraphIncomingCallSpec;
import dev.handoff.emulator.control.Outcome;
import dev.handoff.emulator.internal.callback.CallbackContract;
import dev.handoff.emulator.internal.callback.CallbackDispatcher;
import dev.handoff.emulator.internal.callback.OutgoingCallback;
import dev.handoff.emulator.internal.json.SwaggerSchemas;
import dev.handoff.emulator.internal.state.FaultEngine;
import dev.handoff.emulator.internal.state.JournalStore;
import dev.handoff.emulator.journal.SentCallback;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.CallbackReceiver;
import dev.handoff.emulator.support.EmulatorHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of callback the emulator sends keeps to its provider's contract: each ACS event's data
 * validates against its definition in Microsoft's 2026-03-12 spec, the Event Grid events too, and
 * each Graph notification has the shape of Graph's published examples. An off-contract callback is
 * never sent.
 */
class CallbackContractTest {

  @RegisterExtension
  static final HandoffEmulatorExtension EMULATOR =
      new HandoffEmulatorExtension(b -> b.timeScale(0.01).seed(11));

  private static final SwaggerSchemas SPEC = SwaggerSchemas.acsCallAutomation();
  private static final CallbackContract CONTRACT = new CallbackContract(SPEC);
  private static final String CALLER = "4:+14255550100";
  private static final String PHONE_TARGET =
      "{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\"}}";

  /** Every ACS event type the emulator emits, failures included. */
  private static final Set<String> ACS_EVENTS =
      Set.of(
          "CallConnected",
          "CallDisconnected",
          "ParticipantsUpdated",
          "CallTransferAccepted",
          "CallTransferFailed",
          "AddParticipantSucceeded",
          "AddParticipantFailed",
          "CancelAddParticipantSucceeded",
          "CancelAddParticipantFailed");

  /** Every Graph notification the emulator emits. */
  private static final Set<String> GRAPH_EVENTS =
      Set.of(
          "call.incoming",
          "call.transferring",
          "call.transferAccepted",
          "call.established",
          "call.terminated",
          "participants.updated",
          "operation.completed",
          "operation.failed");

  private static CallbackReceiver receiver;

  @BeforeAll
  static void startReceiver() {
    receiver = new CallbackReceiver();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  private static String path(String name) {
    return "/" + name + "-" + UUID.randomUUID();
  }

  private static String acs(String callId, String action) {
    return "/calling/callConnections/" + callId + action + "?api-version=2026-03-12";
  }

  @Test
  void everyAcsAndEventGridEventValidatesAgainstTheSpec(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String cb = path("acs");
    String url = receiver.url(cb);
    int expected = 0;

    emulator.control().createAcsCall(new AcsCallSpec(url, List.of(CALLER), null, null, true, null));
    expected += 2; // CallConnected, ParticipantsUpdated

    AcsCall transferred = emulator.control().createAcsCall(AcsCallSpec.oneToOne(url, CALLER));
    http.acsPost(
        acs(transferred.callConnectionId(), ":transferToParticipant"),
        "{\"targetParticipant\":" + PHONE_TARGET + ",\"operationContext\":\"x-1\"}");
    expected += 2; // CallTransferAccepted, CallDisconnected

    AcsCall group =
        emulator.control().createAcsCall(AcsCallSpec.group(url, CALLER, "8:acs:r_other"));
    http.acsPost(
        acs(group.callConnectionId(), ":transferToParticipant"),
        "{\"targetParticipant\":"
            + PHONE_TARGET
            + ",\"transferee\":{\"rawId\":\""
            + CALLER
            + "\",\"phoneNumber\":{\"value\":\"+14255550100\"}}}");
    expected += 2; // CallTransferAccepted, ParticipantsUpdated

    emulator.control().script("+14255550124", Outcome.decline());
    AcsCall declined = emulator.control().createAcsCall(AcsCallSpec.oneToOne(url, CALLER));
    http.acsPost(
        acs(declined.callConnectionId(), ":transferToParticipant"),
        "{\"targetParticipant\":{\"rawId\":\"4:+14255550124\",\"phoneNumber\":{\"value\":\"+14255550124\"}}}");
    expected += 1; // CallTransferFailed

    AcsCall adding = emulator.control().createAcsCall(AcsCallSpec.oneToOne(url, CALLER));
    http.acsPost(
        acs(adding.callConnectionId(), "/participants:add"),
        "{\"participantToAdd\":{\"communicationUser\":{\"id\":\"8:acs:r_agent\"}},"
            + "\"operationContext\":\"add-1\"}");
    expected += 2; // AddParticipantSucceeded, ParticipantsUpdated
    emulator.control().script("+14255550125", Outcome.busy());
    http.acsPost(
        acs(adding.callConnectionId(), "/participants:add"),
        "{\"participantToAdd\":{\"phoneNumber\":{\"value\":\"+14255550125\"}},"
            + "\"sourceCallerIdNumber\":{\"value\":\"+18005550100\"}}");
    expected += 1; // AddParticipantFailed

    emulator.control().script("8:acs:r_slow", Outcome.noAnswer());
    String invitation =
        json(http.acsPost(
                acs(adding.callConnectionId(), "/participants:add"),
                "{\"participantToAdd\":{\"communicationUser\":{\"id\":\"8:acs:r_slow\"}},"
                    + "\"invitationTimeoutInSeconds\":180}"))
            .get("invitationId")
            .asText();
    String cancel = "{\"invitationId\":\"" + invitation + "\",\"operationContext\":\"c-1\"}";
    http.acsPost(acs(adding.callConnectionId(), "/participants:cancelAddParticipant"), cancel);
    expected += 2; // CancelAddParticipantSucceeded, AddParticipantFailed
    receiver.await(cb, expected);
    http.acsPost(acs(adding.callConnectionId(), "/participants:cancelAddParticipant"), cancel);
    expected += 1; // CancelAddParticipantFailed
    receiver.await(cb, expected);

    String grid = path("grid");
    emulator.control().eventGridWebhook(receiver.url(grid));
    emulator
        .control()
        .createAcsIncomingCall(
            new AcsIncomingCallSpec(
                CALLER,
                "4:+18005550100",
                "Caller",
                Map.of("userToUser", "a1b2", "X-MS-Custom-case", "42"),
                Map.of("crm", "open"),
                json(
                    "{\"teamsPhoneCallerDetails\":{\"caller\":{\"rawId\":\"4:+14255550100\","
                        + "\"phoneNumber\":{\"value\":\"+14255550100\"}},\"name\":\"Dana\","
                        + "\"phoneNumber\":\"+14255550100\",\"additionalCallerInformation\":{\"tier\":\"gold\"}},"
                        + "\"teamsPhoneSourceDetails\":{\"source\":{\"rawId\":\"28:orgid:bot-1\","
                        + "\"microsoftTeamsApp\":{\"appId\":\"bot-1\",\"cloud\":\"public\"}},"
                        + "\"language\":\"en-US\",\"status\":\"active\"},\"callTopic\":\"billing\"}")));
    receiver.await(grid, 2);

    List<SentCallback> sent = settled(emulator, expected + 2);
    assertThat(sent).extracting(SentCallback::status).containsOnly(SentCallback.Status.DELIVERED);
    Set<String> types = new TreeSet<>();
    for (SentCallback callback : sent) {
      JsonNode event = json(callback.body()).get(0);
      if (callback.provider().equals("acs")) {
        String type = event.get("type").asText().replace("Microsoft.Communication.", "");
        types.add(type);
        ObjectNode data = event.get("data").deepCopy();
        assertThat(data.remove("publicEventType").asText()).isEqualTo(event.get("type").asText());
        assertThat(data.remove("version")).as("data.version").isNotNull();
        assertThat(SPEC.validate(type, data)).as(type + " " + data).isEmpty();
      } else {
        assertThat(callback.provider()).isEqualTo("eventgrid");
        if (callback.event().equals("IncomingCall")) {
          assertThat(SPEC.validate("IncomingCall", event.get("data"))).isEmpty();
        }
      }
      assertThat(CONTRACT.violations(callback.provider(), callback.body()))
          .as(callback.event())
          .isEmpty();
    }
    assertThat(types).isEqualTo(new TreeSet<>(ACS_EVENTS));
    assertThat(sent.stream().map(SentCallback::event).collect(Collectors.toSet()))
        .contains("IncomingCall", "SubscriptionValidation");
  }

  @Test
  void everyGraphNotificationHasThePublishedShape(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String token = http.graphToken();
    String cb = path("graph");
    String url = receiver.url(cb);
    String user = "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"target-user\"}}}}";
    int expected = 0;

    GraphCall blind =
        emulator.control().createGraphCall(GraphCallSpec.peerToPeer(url, "phone:+14255550100"));
    http.graphPost("/v1.0/communications/calls/" + blind.callId() + "/transfer", user, token);
    expected += 3;

    emulator.control().script("declining-user", Outcome.decline());
    GraphCall declined =
        emulator.control().createGraphCall(GraphCallSpec.peerToPeer(url, "phone:+14255550101"));
    http.graphPost(
        "/v1.0/communications/calls/" + declined.callId() + "/transfer",
        "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"declining-user\"}}}}",
        token);
    expected += 2;

    GraphCall caller =
        emulator.control().createGraphCall(GraphCallSpec.peerToPeer(url, "phone:+14255550102"));
    GraphCall consultation =
        emulator.control().createGraphCall(GraphCallSpec.peerToPeer(url, "user:target-user"));
    http.graphPost(
        "/v1.0/communications/calls/" + caller.callId() + "/transfer",
        "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"target-user\"}},\"replacesCallId\":\""
            + consultation.callId()
            + "\"}}",
        token);
    expected += 4;

    for (GraphCallSpec.GroupTransferEnd end : GraphCallSpec.GroupTransferEnd.values()) {
      GraphCall group =
          emulator
              .control()
              .createGraphCall(
                  GraphCallSpec.group(url, "user:a", "user:b").withGroupTransferEnd(end));
      http.graphPost(
          "/v1.0/communications/calls/" + group.callId() + "/transfer",
          "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"target-user\"}}},"
              + "\"transferee\":{\"participantId\":\""
              + group.participants().get(0).participantId()
              + "\",\"identity\":{\"user\":{\"id\":\"a\"}}}}",
          token);
      expected += end == GraphCallSpec.GroupTransferEnd.ROSTER ? 4 : 3;
    }

    GraphCall inviting =
        emulator.control().createGraphCall(GraphCallSpec.peerToPeer(url, "phone:+14255550103"));
    http.graphPost(
        "/v1.0/communications/calls/" + inviting.callId() + "/participants/invite",
        "{\"participants\":[{\"identity\":{\"user\":{\"id\":\"invitee\"}}}],\"clientContext\":\"i-1\"}",
        token);
    expected += 2;
    emulator.control().script("+14255550111", Outcome.busy());
    http.graphPost(
        "/v1.0/communications/calls/" + inviting.callId() + "/participants/invite",
        "{\"participants\":[{\"identity\":{\"@odata.type\":\"#microsoft.graph.communicationsIdentitySet\","
            + "\"phone\":{\"id\":\"+14255550111\"}}}]}",
        token);
    expected += 1;

    GraphIncomingCall incoming =
        emulator
            .control()
            .createGraphIncomingCall(new GraphIncomingCallSpec(url, "phone:+14255550100", null));
    receiver.await(cb, expected + 1);
    http.graphPost(
        "/v1.0/communications/calls/" + incoming.callId() + "/redirect",
        "{\"targets\":[{\"identity\":{\"user\":{\"id\":\"agent\"}}}]}",
        token);
    expected += 2;
    receiver.await(cb, expected);

    List<SentCallback> sent = settled(emulator, expected);
    assertThat(sent).extracting(SentCallback::status).containsOnly(SentCallback.Status.DELIVERED);
    for (SentCallback callback : sent) {
      assertThat(CONTRACT.violations("graph", callback.body()))
          .as(callback.event() + " " + callback.body())
          .isEmpty();
    }
    assertThat(sent.stream().map(SentCallback::event).collect(Collectors.toSet()))
        .isEqualTo(GRAPH_EVENTS);
  }

  @Test
  void anOffContractCallbackIsNamed() {
    String event =
        "[{\"id\":\"e-1\",\"source\":\"calling/callConnections/c-1\","
            + "\"type\":\"Microsoft.Communication.CallTransferFailed\",\"specversion\":\"1.0\","
            + "\"datacontenttype\":\"application/json\",\"subject\":\"calling/callConnections/c-1\","
            + "\"time\":\"2026-03-20T10:00:00.0000000+00:00\","
            + "\"data\":{\"callConnectionId\":\"c-1\",\"transferee\":{\"rawId\":\"x\"},"
            + "\"resultInformation\":{\"code\":\"603\"},\"version\":\"2026-03-12\"}}]";
    assertThat(CONTRACT.violations("acs", event))
        .containsExactly(
            "$[0].data.transferee is not a known field of this request",
            "$[0].data.resultInformation.code must be an integer");
    assertThat(
            CONTRACT.violations("acs", event.replace("CallTransferFailed", "CallTransferExploded")))
        .containsExactly("$[0].data: the spec defines no event CallTransferExploded");

    String notification =
        "{\"@odata.type\":\"#microsoft.graph.commsNotifications\",\"value\":[{"
            + "\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"updated\","
            + "\"resourceUrl\":\"/communications/calls/c-1\",\"resourceData\":{"
            + "\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"terminated\",\"mood\":\"calm\","
            + "\"resultInfo\":{\"code\":500,\"subcode\":7000,\"subCode\":7000,\"message\":\"m\"}}}]}";
    assertThat(CONTRACT.violations("graph", notification))
        .containsExactly(
            "$.value[0].resourceData.mood is not a member of this shape",
            "$.value[0].resourceData: a deleted call is terminated, and only a deleted call is"
                + " ('terminated')",
            "$.value[0].resourceData.resultInfo must carry the subcode once, as subcode or"
                + " subCode");
  }

  @Test
  void aWarmHandoffsHoldMusicAndPromptOperationsHaveTheirOwnTypesAndNoOtherOperationDoes() {
    String template =
        "{\"@odata.type\":\"#microsoft.graph.commsNotifications\",\"value\":[{"
            + "\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"deleted\","
            + "\"resourceUrl\":\"/communications/calls/c-1/operations/o-1\",\"resourceData\":{"
            + "\"@odata.type\":\"#microsoft.graph.TYPE\",\"id\":\"o-1\",\"status\":\"completed\","
            + "\"clientContext\":\"h-1#2\","
            + "\"resultInfo\":{\"code\":200,\"subcode\":0,\"message\":\"Action completed.\"}}}]}";
    for (String type :
        List.of("startHoldMusicOperation", "stopHoldMusicOperation", "playPromptOperation")) {
      assertThat(CONTRACT.violations("graph", template.replace("TYPE", type))).as(type).isEmpty();
    }
    assertThat(CONTRACT.violations("graph", template.replace("TYPE", "recordOperation")))
        .containsExactly(
            "$.value[0].resourceData.@odata.type must be one of"
                + " [#microsoft.graph.inviteParticipantsOperation,"
                + " #microsoft.graph.playPromptOperation, #microsoft.graph.startHoldMusicOperation,"
                + " #microsoft.graph.stopHoldMusicOperation], was '#microsoft.graph.recordOperation'");
  }

  @Test
  void theDispatcherJournalsAnOffContractCallbackAsFailedWithoutSendingIt() throws Exception {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    try {
      JournalStore journal = new JournalStore();
      CallbackDispatcher dispatcher =
          new CallbackDispatcher(
              HandoffEmulator.builder().build().settings(),
              journal,
              new FaultEngine(),
              scheduler,
              CONTRACT);
      String offContract = "{\"@odata.type\":\"#microsoft.graph.commsNotifications\",\"value\":[]}";
      SentCallback.Status status =
          dispatcher
              .send(
                  new OutgoingCallback(
                      "graph",
                      "call.terminated",
                      "c-1",
                      "graph:c-1",
                      "http://127.0.0.1:9/never",
                      Map.of(),
                      offContract,
                      null))
              .get(5, TimeUnit.SECONDS);
      assertThat(status).isEqualTo(SentCallback.Status.FAILED);
      SentCallback journaled = journal.callbacks().get(0);
      assertThat(journaled.status()).isEqualTo(SentCallback.Status.FAILED);
      assertThat(journaled.attempts())
          .singleElement()
          .satisfies(
              attempt -> {
                assertThat(attempt.status()).as("no HTTP exchange took place").isNull();
                assertThat(attempt.error())
                    .isEqualTo(
                        "outside the provider's callback contract: $.value must be a non-empty"
                            + " array");
              });
    } finally {
      scheduler.shutdownNow();
    }
  }

  private static List<SentCallback> settled(HandoffEmulator emulator, int count) {
    List<SentCallback> sent =
        emulator.journal().awaitCallbacks(callback -> true, count, Duration.ofSeconds(20));
    assertThat(sent).hasSize(count);
    return sent;
  }
}
