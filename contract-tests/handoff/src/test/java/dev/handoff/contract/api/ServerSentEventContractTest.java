package dev.handoff.contract.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pact's rule for the first Server-Sent Event of an ended operation is not vacuous. */
class ServerSentEventContractTest {
  private static final String DATA =
      "data:{\"id\":\"c5d4b097-d7df-460e-8111-057f1283c0c9\",\"state\":\"COMPLETED\"}\n";

  @Test
  void acceptsTheEventInAnyFieldOrderAndWithOptionalSpaces() {
    assertThat("content-type:application/json\nid:3\nevent:operation\n" + DATA + "\n")
        .matches(IvrBotPactTest.EVENT_REGEX);
    assertThat("event: operation\n" + DATA.replace("data:", "data: ") + "id: 12\n\n")
        .matches(IvrBotPactTest.EVENT_REGEX);
  }

  @Test
  void refusesAnotherEventNameAMissingIdOrAnOperationStillUnderWay() {
    assertThat("id:3\nevent:message\n" + DATA + "\n").doesNotMatch(IvrBotPactTest.EVENT_REGEX);
    assertThat("event:operation\n" + DATA + "\n").doesNotMatch(IvrBotPactTest.EVENT_REGEX);
    assertThat("id:3\nevent:operation\n" + DATA.replace("COMPLETED", "SUBMITTED") + "\n")
        .doesNotMatch(IvrBotPactTest.EVENT_REGEX);
  }
}
