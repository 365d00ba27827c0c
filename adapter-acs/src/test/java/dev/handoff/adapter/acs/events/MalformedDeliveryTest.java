package dev.handoff.adapter.acs.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A malformed delivery fails loudly, naming the event's index and the reason. */
class MalformedDeliveryTest {
  private static final AcsEventParser PARSER = AcsEventParser.create();
  private static final String GOOD =
      "{\"id\":\"e-0\",\"source\":\"calling/callConnections/call-1\","
          + "\"type\":\"Microsoft.Communication.CallConnected\",\"data\":{\"callConnectionId\":\"call-1\"}}";

  @Test
  void refusesABodyThatIsNotJson() {
    assertThatThrownBy(() -> PARSER.parse("<xml/>"))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageStartingWith("delivery: is not JSON")
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((MalformedEventException) e).index())
                    .isEmpty());
    assertThatThrownBy(() -> PARSER.parse("")).hasMessage("delivery: is empty");
    assertThatThrownBy(() -> PARSER.parse("[" + GOOD + "]  trailing"))
        .hasMessageStartingWith("delivery: is not JSON");
    assertThatThrownBy(() -> PARSER.parse("\"CallConnected\""))
        .hasMessage(
            "delivery: must be a JSON array of events or a single event object, got string");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1|event [1]: must be a JSON object, got number",
        "{\"source\":\"calling/callConnections/c\",\"type\":\"CallConnected\",\"data\":{}}|event [1]: is missing 'id'",
        "{\"id\":7,\"source\":\"s\",\"type\":\"CallConnected\",\"data\":{}}|event [1]: 'id' must be a string, got number",
        "{\"id\":\" \",\"source\":\"s\",\"type\":\"CallConnected\",\"data\":{}}|event [1]: 'id' must not be blank",
        "{\"id\":\"e\",\"type\":\"CallConnected\",\"data\":{}}|event [1]: is missing 'source'",
        "{\"id\":\"e\",\"source\":\"s\",\"data\":{}}|event [1]: is missing 'type'",
        "{\"id\":\"e\",\"source\":\"s\",\"type\":\"CallConnected\"}|event [1]: is missing 'data'",
        "{\"id\":\"e\",\"source\":\"s\",\"type\":\"X\",\"data\":[1]}|event [1]: 'data' must be a JSON object, got array",
        "{\"id\":\"e\",\"source\":\"s\",\"type\":\"X\",\"data\":{},\"time\":\"yesterday\"}|event [1]: 'time' must be an RFC 3339 timestamp, got 'yesterday'",
        "{\"id\":\"e\",\"source\":\"s\",\"type\":\"X\",\"data\":{},\"specversion\":\"0.3\"}|event [1]: 'specversion' must be 1.x (CloudEvents 1.0), got '0.3'",
        "{\"id\":\"e\",\"source\":\"s\",\"type\":\"CallConnected\",\"data\":{}}|event [1]: data.callConnectionId: is missing, and source 's' names no call connection",
        "{\"id\":\"e\",\"eventType\":\"Microsoft.Communication.IncomingCall\",\"data\":{}}|event [1]: is missing 'eventTime'"
      })
  void refusesAMalformedEventNamingItsIndex(String second, String message) {
    assertRefused(() -> PARSER.parse("[" + GOOD + "," + second + "]"), message);
  }

  @Test
  void refusesWrongValueTypesInData() {
    assertRefused(
        () ->
            PARSER.parse(
                "["
                    + GOOD
                    + ",{\"id\":\"e\",\"source\":\"calling/callConnections/c\","
                    + "\"type\":\"Microsoft.Communication.CallTransferFailed\","
                    + "\"data\":{\"callConnectionId\":\"c\",\"resultInformation\":{\"code\":\"603\"}}}]"),
        "event [1]: data.resultInformation.code: must be an integer, got string \"603\"");
    assertRefused(
        () ->
            PARSER.parse(
                "[{\"id\":\"e\",\"source\":\"calling/callConnections/c\","
                    + "\"type\":\"Microsoft.Communication.AddParticipantSucceeded\","
                    + "\"data\":{\"callConnectionId\":5}}]"),
        "event [0]: data.callConnectionId: must be a string, got number 5");
  }

  @Test
  void refusesMalformedIdentifiers() {
    assertRefused(
        () ->
            PARSER.parse(
                "[{\"id\":\"e\",\"source\":\"calling/callConnections/c\","
                    + "\"type\":\"Microsoft.Communication.AddParticipantSucceeded\","
                    + "\"data\":{\"callConnectionId\":\"c\",\"participant\":{"
                    + "\"phoneNumber\":{\"value\":\"+14255550123\"},\"communicationUser\":{\"id\":\"8:acs:r_u\"}}}}]"),
        "event [0]: data.participant: carries more than one identifier sub-object");
    assertRefused(
        () ->
            PARSER.parse(
                "[{\"id\":\"e\",\"source\":\"calling/callConnections/c\","
                    + "\"type\":\"Microsoft.Communication.ParticipantsUpdated\","
                    + "\"data\":{\"callConnectionId\":\"c\",\"participants\":[{\"identifier\":{\"kind\":\"phoneNumber\"}}]}}]"),
        "event [0]: data.participants[0].identifier: has neither an identifier sub-object nor a rawId");
  }

  @Test
  void refusesAnIncomingCallWithoutItsContext() {
    assertRefused(
        () ->
            PARSER.parse(
                "[{\"id\":\"e\",\"eventType\":\"Microsoft.Communication.IncomingCall\","
                    + "\"eventTime\":\"2026-03-20T10:00:00Z\",\"data\":{\"serverCallId\":\"s\","
                    + "\"from\":{\"rawId\":\"4:+14255550123\"},\"to\":{\"rawId\":\"8:acs:r_u\"}}}]"),
        "event [0]: data.incomingCallContext: is missing");
  }

  @Test
  void refusesAValidationHandshakeMixedWithEvents() {
    assertRefused(
        () ->
            PARSER.parse(
                "["
                    + GOOD
                    + ",{\"id\":\"v\",\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\","
                    + "\"eventTime\":\"2026-03-20T10:00:00Z\",\"data\":{\"validationCode\":\"x\"}}]"),
        "event [1]: a subscription validation event must be delivered alone");
  }

  private static void assertRefused(ThrowableAssert.ThrowingCallable parse, String messageStart) {
    assertThatThrownBy(parse)
        .isInstanceOf(MalformedEventException.class)
        .hasMessageStartingWith(messageStart);
  }
}
