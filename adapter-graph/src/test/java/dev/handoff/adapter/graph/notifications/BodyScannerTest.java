package dev.handoff.adapter.graph.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.adapter.graph.wire.GraphJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyScannerTest {
  private static final String ITEM =
      "{\"@odata.type\":\"#microsoft.graph.commsNotification\",\"changeType\":\"deleted\","
          + "\"resourceUrl\":\"/communications/calls/c-1\",\"resourceData\":{\"@odata.type\":"
          + "\"#microsoft.graph.call\",\"@odata.etag\":\"W/\\\"20\\\"\",\"state\":\"terminated\","
          + "\"resultInfo\":{\"code\":0,\"subcode\":7015,\"message\":\"Zo\u00eb \\u0001 😀\"}}}";

  @Test
  void readsABatchIntoJacksonsTreeAndGivesEachItemTheIdOfItsContent() throws Exception {
    String body = "{\"value\": [" + ITEM + ",\n\t" + ITEM.replace("c-1", "c-2") + "]}";

    JsonValue scanned = BodyScanner.read(body);

    JsonNode jackson = GraphJson.mapper().readTree(body);
    assertThat(scanned.toJackson()).isEqualTo(jackson);
    JsonValue.Elements items = (JsonValue.Elements) ((JsonValue.Members) scanned).get("value");
    for (int i = 0; i < 2; i++) {
      JsonValue.Members item = (JsonValue.Members) items.get(i);
      assertThat(item.contentId())
          .isEqualTo(EventIds.of(JsonValue.of(jackson.get("value").get(i))));
    }
    assertThat(((JsonValue.Members) items.get(0)).contentId())
        .isNotEqualTo(((JsonValue.Members) items.get(1)).contentId());
  }

  @Test
  void anItemsMembersInAnyOrderAtAnyDepthGetTheIdOfTheirNameOrder() throws Exception {
    String body = "{\"value\":[{\"z\":1,\"a\":{\"y\":[2,{\"c\":3,\"b\":4}],\"x\":5},\"m\":-7}]}";

    JsonValue.Members item = firstItem(BodyScanner.read(body));

    assertThat(item.contentId())
        .isEqualTo(EventIds.of(JsonValue.of(GraphJson.mapper().readTree(body).get("value").get(0))))
        .isEqualTo(
            EventIds.of(
                JsonValue.of(
                    GraphJson.mapper()
                        .readTree(
                            "{\"a\":{\"x\":5,\"y\":[2,{\"b\":4,\"c\":3}]},\"m\":-7,\"z\":1}"))));
    assertThat(item.toString())
        .isEqualTo(GraphJson.mapper().readTree(body).get("value").get(0).toString());
  }

  /**
   * An item that differs from its canonical form in more than the order of its members gets its id
   * from the tree: the same id, derived once more.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"z\":1,\"a\":2,\"z\":3}",
        "{\"a\": 1}",
        "{\"a\":[1, 2]}",
        "{\"a\":\"\\/\"}",
        "{\"a\":\"\\n\"}",
        "{\"a\":\"\\u0041\"}",
        "{\"a\":\"\\u001F\"}",
        "{\"a\":\"\\ud800\"}",
        "{\"a\":-0}"
      })
  void anItemNotItsOwnCanonicalFormGetsItsIdFromTheTree(String itemText) throws Exception {
    String body = "{\"value\":[" + itemText + "]}";

    JsonValue.Members item = firstItem(BodyScanner.read(body));

    assertThat(item.contentId()).isNull();
    assertThat(EventIds.of(item))
        .isEqualTo(EventIds.of(JsonValue.of(GraphJson.mapper().readTree(itemText))));
  }

  @Test
  void escapesTheCanonicalFormWritesSoKeepAnItsOwnId() throws Exception {
    String itemText = "{\"a\":\"q\\\"b\\\\c\\u001f\u00e9\"}";

    JsonValue.Members item = firstItem(BodyScanner.read("{\"value\":[" + itemText + "]}"));

    assertThat(item.contentId())
        .isEqualTo(EventIds.of(JsonValue.of(GraphJson.mapper().readTree(itemText))));
  }

  @Test
  void aQuestionMarkIsReadAndALoneSurrogateIsLeftToJackson() {
    assertThat(firstItem(BodyScanner.read("{\"value\":[{\"a?\":\"b?\"}]}")).contentId())
        .isNotNull();
    assertThat(BodyScanner.read("{\"value\":[{\"a\":\"b\ud800\"}]}")).isNull();
    assertThat(BodyScanner.read("{\"value\":[{\"a\":\"\u00e9\udc00\"}]}")).isNull();
    assertThat(BodyScanner.read("{\"value\":[{\"a\":\"\ud83d\ude00\"}]}")).isNotNull();
  }

  private static JsonValue.Members firstItem(JsonValue root) {
    return (JsonValue.Members)
        ((JsonValue.Elements) ((JsonValue.Members) root).get("value")).get(0);
  }

  @Test
  void onlyTheItemsOfTheBodysValueArrayGetAnId() {
    JsonValue.Members root =
        (JsonValue.Members)
            BodyScanner.read("{\"other\":[{\"a\":1}],\"value\":[{\"b\":{\"c\":2}}]}");

    assertThat(((JsonValue.Members) ((JsonValue.Elements) root.get("other")).get(0)).contentId())
        .isNull();
    JsonValue.Members item = (JsonValue.Members) ((JsonValue.Elements) root.get("value")).get(0);
    assertThat(item.contentId()).startsWith(EventIds.PREFIX);
    assertThat(((JsonValue.Members) item.get("b")).contentId()).isNull();
    assertThat(root.contentId()).isNull();
  }

  /** Each of these is Jackson's to read or refuse, with its own message. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " \n",
        "{\"value\":[1.5]}",
        "{\"value\":[1e3]}",
        "{\"value\":[-0.0]}",
        "{\"value\":[1234567890123456789]}",
        "{\"value\":[01]}",
        "{\"value\":[-]}",
        "{\"value\":[NaN]}",
        "{\"value\":[\"\\x\"]}",
        "{\"value\":[\"\\u12g4\"]}",
        "{\"value\":[\"\u0001\"]}",
        "{\"value\":[\"open]}",
        "{\"value\":[1,]}",
        "{\"value\":[1]} x",
        "{\"value\":[1]}{}",
        "{'value':[]}",
        "/*c*/{}",
        "\uFEFF{}",
        "{\"value\":[tru]}",
        "{\"value\":[truex]}",
        "{\"value\"\u000b:[]}",
        "{\"value\":[}",
        "{\"a\" 1}",
        "{\"a\":1,}",
        "{,}"
      })
  void leavesToJacksonWhatIsNotPlainJson(String body) {
    assertThat(BodyScanner.read(body)).isNull();
  }

  @Test
  void leavesToJacksonDeepNestingLongNamesAndHugeBodies() {
    assertThat(BodyScanner.read("[".repeat(64) + "]".repeat(64))).isNotNull();
    assertThat(BodyScanner.read("[".repeat(65) + "]".repeat(65))).isNull();
    assertThat(BodyScanner.read("{\"" + "n".repeat(1022) + "\":1}")).isNotNull();
    assertThat(BodyScanner.read("{\"" + "n".repeat(1023) + "\":1}")).isNull();
    String largest = "\"" + "x".repeat((1 << 20) - 2) + "\"";
    assertThat(BodyScanner.read(largest)).isNotNull();
    assertThat(BodyScanner.read(" " + largest)).isNull();
  }
}
