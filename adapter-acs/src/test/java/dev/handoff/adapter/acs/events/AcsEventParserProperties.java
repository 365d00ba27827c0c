package dev.handoff.adapter.acs.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever arrives at the callback endpoint, the parser either reads it or throws its own
 * documented {@link MalformedEventException} with a message: never another exception, which the
 * service would answer with a 500 and the provider would retry for ever. Deliveries are mutated
 * from real ones (mid-call CloudEvents, Event Grid IncomingCall, the validation handshake), or made
 * from scratch.
 */
class AcsEventParserProperties {
  private static final AcsEventParser PARSER =
      AcsEventParser.create(Clock.fixed(Instant.parse("2026-03-20T10:00:00Z"), ZoneOffset.UTC));

  private static final String MID_CALL =
      "[{\"id\":\"a3a9d8e4-7c1f-4c65-9d1e-6a9e6b0f1a01\",\"source\":\"calling/callConnections/c-1\","
          + "\"type\":\"Microsoft.Communication.CallTransferAccepted\",\"data\":{\"transferTarget\":"
          + "{\"rawId\":\"4:+14255550123\",\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":"
          + "\"+14255550123\"}},\"transferee\":{\"rawId\":\"4:+14255550100\",\"kind\":"
          + "\"phoneNumber\",\"phoneNumber\":{\"value\":\"+14255550100\"}},\"operationContext\":"
          + "\"xfer-42\",\"resultInformation\":{\"code\":200,\"subCode\":7015,\"message\":\"ok\"},"
          + "\"version\":\"2026-03-12\",\"callConnectionId\":\"c-1\",\"serverCallId\":\"server-1\","
          + "\"correlationId\":\"85e0530d-73ef-4534-845a-329942d9b7b5\"},\"time\":"
          + "\"2026-03-20T10:00:00.1234567+00:00\",\"specversion\":\"1.0\",\"datacontenttype\":"
          + "\"application/json\",\"subject\":\"calling/callConnections/c-1\"},"
          + "{\"id\":\"e-2\",\"source\":\"calling/callConnections/c-1\",\"type\":"
          + "\"Microsoft.Communication.AddParticipantFailed\",\"data\":{\"participant\":{\"rawId\":"
          + "\"8:acs:r_u\",\"kind\":\"communicationUser\",\"communicationUser\":{\"id\":\"8:acs:r_u\"}},"
          + "\"invitationId\":\"inv-1\",\"resultInformation\":{\"code\":408,\"subCode\":8528,"
          + "\"message\":\"no answer\",\"sipDetails\":{\"code\":487,\"message\":\"Request Terminated\"}},"
          + "\"callConnectionId\":\"c-1\"},\"time\":\"2026-03-20T10:00:01Z\",\"specversion\":\"1.0\"}]";

  private static final String INCOMING =
      "[{\"id\":\"9d4a7a2c\",\"topic\":\"/subscriptions/s/communicationServices/contoso\","
          + "\"subject\":\"/caller/4:+14255550123/recipient/4:+18005550100\",\"eventType\":"
          + "\"Microsoft.Communication.IncomingCall\",\"dataVersion\":\"1.0\",\"metadataVersion\":"
          + "\"1\",\"eventTime\":\"2026-03-20T10:00:00.0000000Z\",\"data\":{\"to\":{\"kind\":"
          + "\"phoneNumber\",\"rawId\":\"4:+18005550100\",\"phoneNumber\":{\"value\":"
          + "\"+18005550100\"}},\"from\":{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\","
          + "\"phoneNumber\":{\"value\":\"+14255550123\"}},\"serverCallId\":\"c2VydmVy\","
          + "\"callerDisplayName\":\"\",\"incomingCallContext\":\"eyJhbGciOiJub25lIn0.e30.\","
          + "\"correlationId\":\"d9f1b0a6\",\"onBehalfOfCallee\":{\"kind\":\"microsoftTeamsApp\","
          + "\"rawId\":\"28:orgid:queue-1\",\"microsoftTeamsApp\":{\"appId\":\"queue-1\",\"cloud\":"
          + "\"public\"}},\"customContext\":{\"sipHeaders\":{\"user-To-User\":\"a1b2\","
          + "\"X-MS-Custom-caseId\":\"123\"},\"voipHeaders\":{\"priority\":\"high\"}}}}]";

  private static final String HANDSHAKE =
      "[{\"id\":\"2d1781af\",\"topic\":\"/subscriptions/s\",\"subject\":\"\",\"data\":"
          + "{\"validationCode\":\"512d38b6\",\"validationUrl\":"
          + "\"https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/s/validate?id=1\"},"
          + "\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\",\"eventTime\":"
          + "\"2026-03-20T10:00:00.0000000Z\",\"metadataVersion\":\"1\",\"dataVersion\":\"2\"}]";

  @Property(tries = 3000)
  void throwsOnlyItsOwnDocumentedException(@ForAll("deliveries") String body) {
    try {
      AcsDelivery delivery = PARSER.parse(body);
      assertThat(delivery).isNotNull();
    } catch (MalformedEventException malformed) {
      assertThat(malformed.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<String> deliveries() {
    Arbitrary<String> seeds = Arbitraries.of(MID_CALL, INCOMING, HANDSHAKE);
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
      assertThat(PARSER.parse(body)).isNotNull();
    } catch (MalformedEventException malformed) {
      assertThat(malformed.getMessage()).isNotBlank();
    }
  }
}
