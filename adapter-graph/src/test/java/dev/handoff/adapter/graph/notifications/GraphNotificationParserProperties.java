package dev.handoff.adapter.graph.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.adapter.graph.wire.GraphJson;
import dev.handoff.domain.event.ProviderEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever arrives at the Graph callback endpoint, the parser either reads it or throws its own
 * documented {@link MalformedNotificationException} with a message: never another exception, which
 * the service would answer with a 500. Notifications are mutated from real ones (call state,
 * transfer and invitation operations, the roster, an incoming call), or made from scratch.
 */
class GraphNotificationParserProperties {
  private static final GraphNotificationParser PARSER =
      GraphNotificationParser.builder()
          .clock(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC))
          .build();
  private static final String CALL = "/communications/calls/341a0500-d4bf-4224-8b19-1581168d328b";

  private static String batch(String... items) {
    return "{\"@odata.type\":\"#microsoft.graph.commsNotifications\",\"value\":["
        + String.join(",", items)
        + "]}";
  }

  private static final String TRANSFER =
      batch(
          "{\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"updated\","
              + "\"resourceUrl\":\""
              + CALL
              + "\",\"resourceData\":{\"@odata.type\":\"#microsoft.graph.call\",\"state\":"
              + "\"transferring\"}}",
          "{\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"deleted\","
              + "\"resourceUrl\":\""
              + CALL
              + "\",\"resourceData\":{\"@odata.type\":\"#microsoft.graph.call\",\"state\":"
              + "\"terminated\",\"resultInfo\":{\"@odata.type\":\"#microsoft.graph.resultInfo\","
              + "\"code\":0,\"subcode\":7015,\"message\":\"transferred\"}}}");

  private static final String INVITATION =
      batch(
          "{\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"updated\","
              + "\"resourceUrl\":\""
              + CALL
              + "/operations/op-17\",\"resourceData\":{\"@odata.type\":"
              + "\"#microsoft.graph.inviteParticipantsOperation\",\"@odata.id\":\""
              + CALL
              + "/operations/op-17\",\"id\":\"op-17\",\"status\":\"failed\",\"clientContext\":"
              + "\"corr-5\",\"resultInfo\":{\"code\":408,\"subcode\":10004,\"message\":\"no"
              + " answer\"},\"participants\":[{\"@odata.type\":"
              + "\"#microsoft.graph.invitationParticipantInfo\",\"identity\":{\"user\":{\"id\":"
              + "\"u-1\",\"tenantId\":\"t-1\"}}}]}}",
          "{\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"updated\","
              + "\"resourceUrl\":\""
              + CALL
              + "/participants\",\"resourceData\":[{\"@odata.type\":"
              + "\"#microsoft.graph.participant\",\"id\":\"p-1\",\"info\":{\"identity\":{\"user\":"
              + "{\"id\":\"u-1\",\"tenantId\":\"t-1\"}}},\"isInLobby\":false}]}");

  private static final String INCOMING =
      batch(
          "{\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"created\","
              + "\"resourceUrl\":\""
              + CALL
              + "\",\"resourceData\":{\"@odata.type\":\"#microsoft.graph.call\",\"state\":"
              + "\"incoming\",\"direction\":\"incoming\",\"source\":{\"identity\":{\"phone\":"
              + "{\"id\":\"+14255550123\"}}},\"targets\":[{\"identity\":{\"application\":{\"id\":"
              + "\"bot-1\"}}}],\"incomingContext\":{\"sourceParticipantId\":\"p-0\","
              + "\"onBehalfOf\":{\"user\":{\"id\":\"u-2\",\"tenantId\":\"t-1\"}}}}}");

  @Property(tries = 3000)
  void throwsOnlyItsOwnDocumentedException(@ForAll("notifications") String body) {
    try {
      List<ProviderEvent> events = PARSER.parse(body);
      assertThat(events).doesNotContainNull();
    } catch (MalformedNotificationException malformed) {
      assertThat(malformed.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 3000)
  void theScannerReadsABodyAsJacksonDoesOrLeavesItToJackson(@ForAll("notifications") String body) {
    JsonValue scanned = BodyScanner.read(body);
    if (scanned == null) {
      return;
    }
    JsonNode jackson;
    try {
      jackson = GraphJson.mapper().readTree(body);
    } catch (JsonProcessingException refused) {
      throw new AssertionError("the scanner read a body Jackson refuses: " + body, refused);
    }
    assertThat(scanned.toJackson()).isEqualTo(jackson);
    JsonValue items =
        scanned instanceof JsonValue.Members ? ((JsonValue.Members) scanned).get("value") : null;
    if (items instanceof JsonValue.Elements) {
      for (int i = 0; i < ((JsonValue.Elements) items).size(); i++) {
        JsonValue item = ((JsonValue.Elements) items).get(i);
        if (item instanceof JsonValue.Members) {
          String treeId = EventIds.of(JsonValue.of(jackson.get("value").get(i)));
          assertThat(EventIds.of(item)).isEqualTo(treeId);
          assertThat(((JsonValue.Members) item).contentId()).isIn(null, treeId);
        }
      }
    }
  }

  @Provide
  Arbitrary<String> notifications() {
    Arbitrary<String> seeds = Arbitraries.of(TRANSFER, INVITATION, INCOMING);
    Arbitrary<String> mutated =
        seeds.flatMap(seed -> Arbitraries.randoms().map(r -> JsonMutations.mutate(seed, r)));
    Arbitrary<String> fromScratch =
        Arbitraries.randoms().map(r -> JsonMutations.value(r, 3).toString());
    return Arbitraries.frequencyOf(
        Tuple.of(8, mutated),
        Tuple.of(1, fromScratch),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(200)));
  }

  @Property(tries = 300)
  void bytesThatAreNoTextAreRefusedTheSameWay(@ForAll byte[] body) {
    try {
      assertThat(PARSER.parse(body)).doesNotContainNull();
    } catch (MalformedNotificationException malformed) {
      assertThat(malformed.getMessage()).isNotBlank();
    }
  }
}
