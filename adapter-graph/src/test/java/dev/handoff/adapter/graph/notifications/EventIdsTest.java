package dev.handoff.adapter.graph.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EventIdsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String id(String json) throws Exception {
    JsonNode node = JSON.readTree(json);
    return EventIds.of(node);
  }

  @Test
  void theSameContentInAnyMemberOrderHasTheSameId() throws Exception {
    String one =
        id(
            "{\"changeType\":\"updated\",\"resourceData\":{\"state\":\"transferring\",\"n\":[1,2.5,true,null]}}");
    String two =
        id(
            "{\"resourceData\":{\"n\":[1,2.5,true,null],\"state\":\"transferring\"},\"changeType\":\"updated\"}");
    assertThat(one).isEqualTo(two).matches("graph:[0-9a-f]{64}");
  }

  @Test
  void theDerivationIsStableAcrossVersionsSoThatARedeliveryAfterAnUpgradeIsRecognised()
      throws Exception {
    // Computed by the adapter before its canonical writer was rewritten for speed (issue 19).
    String item =
        "{\"changeType\":\"deleted\",\"resourceUrl\":\"/communications/calls/c-1\","
            + "\"resourceData\":{\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"terminated\","
            + "\"note\":\"Zo\u00eb \\\"q\\\" \\\\ \\u0001\\n\",\"resultInfo\":{\"code\":0,"
            + "\"subcode\":7015,\"x\":[1.5,true,null,-3]}}}";
    assertThat(id(item))
        .isEqualTo("graph:62a317d68ad7bbb2254666ca2008a15c90bb38098dadc9f1630d2c31cde9b884");
  }

  @Test
  void anyDifferenceInContentChangesTheId() throws Exception {
    assertThat(id("{\"state\":\"transferring\"}"))
        .isNotEqualTo(id("{\"state\":\"transferAccepted\"}"));
    assertThat(id("{\"a\":[1,2]}")).isNotEqualTo(id("{\"a\":[2,1]}"));
    assertThat(id("{\"a\":\"1\"}")).isNotEqualTo(id("{\"a\":1}"));
  }

  @Test
  void quotesAndControlCharactersCannotForgeAnotherItemsCanonicalForm() throws Exception {
    assertThat(id("{\"a\":\"x\\\",\\\"b\\\":\\\"y\"}"))
        .isNotEqualTo(id("{\"a\":\"x\",\"b\":\"y\"}"));
    assertThat(id("{\"a\":\"line\\nbreak\"}")).isNotEqualTo(id("{\"a\":\"line\\\\nbreak\"}"));
  }
}
