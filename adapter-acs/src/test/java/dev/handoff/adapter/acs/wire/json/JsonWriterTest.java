package dev.handoff.adapter.acs.wire.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.adapter.acs.wire.AcsJson;
import dev.handoff.adapter.acs.wire.CustomCallingContext;
import dev.handoff.adapter.acs.wire.TransferToParticipantRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The escaping rules spelled out, each beside what Jackson writes for the same string. */
class JsonWriterTest {

  private static String written(String value) {
    JsonWriter json = new JsonWriter(4);
    json.string(value);
    return new String(json.toBytes(), StandardCharsets.UTF_8);
  }

  private static String jackson(String value) throws Exception {
    return new String(AcsJson.mapper().writeValueAsBytes(value), StandardCharsets.UTF_8);
  }

  @Test
  void quotesBackslashesAndControlCharactersAreEscapedAsJacksonDoes() throws Exception {
    String value = "a\"b\\c\b\t\n\f\r\u0000\u001f\u007f/";
    assertThat(written(value))
        .isEqualTo("\"a\\\"b\\\\c\\b\\t\\n\\f\\r\\u0000\\u001F\u007f/\"")
        .isEqualTo(jackson(value));
  }

  @Test
  void surrogatesAreEscapedOneByOneAndOtherCharactersAreUtf8() throws Exception {
    String value = "é中\u2028\u2029\uD83D\uDE00\uD800";
    assertThat(written(value))
        .isEqualTo("\"é中\u2028\u2029\\uD83D\\uDE00\\uD800\"")
        .isEqualTo(jackson(value));
  }

  @Test
  void emptyMapsAreWrittenAsEmptyObjectsAndNullValuesAsNull() throws Exception {
    Map<String, String> sip = new LinkedHashMap<>();
    sip.put("X-MS-Custom-a", null);
    TransferToParticipantRequest request =
        new TransferToParticipantRequest(
            null, "", null, null, new CustomCallingContext(Map.of(), sip, null), null);

    assertThat(new String(RequestWriter.write(request), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"operationContext\":\"\",\"customCallingContext\":"
                + "{\"voipHeaders\":{},\"sipHeaders\":{\"X-MS-Custom-a\":null}}}")
        .isEqualTo(new String(AcsJson.mapper().writeValueAsBytes(request), StandardCharsets.UTF_8));
  }

  @Test
  void aNullMapKeyIsRefused() {
    Map<String, String> voip = new LinkedHashMap<>();
    voip.put(null, "v");
    TransferToParticipantRequest request =
        new TransferToParticipantRequest(
            null, null, null, null, new CustomCallingContext(voip, null, null), null);

    assertThatThrownBy(() -> RequestWriter.write(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null key");
  }

  @Test
  void theBufferGrowsForLongValues() throws Exception {
    String value = "ü".repeat(5_000) + "\u0001".repeat(1_000);
    assertThat(written(value)).isEqualTo(jackson(value));
  }

  @Test
  void longStringsTakeTheBulkPathAndStillEscapeEveryCharacterAtEveryPosition() throws Exception {
    String plain = "https://crm.contoso.com/cases/42?tab=notes&x=1";
    assertThat(plain.length()).isGreaterThanOrEqualTo(JsonWriter.BULK_LENGTH);
    assertThat(written(plain)).isEqualTo("\"" + plain + "\"").isEqualTo(jackson(plain));
    for (String odd :
        new String[] {
          "\"",
          "\\",
          "\u0000",
          "\n",
          "\u001f",
          "\u007f",
          "?",
          "é",
          "中",
          "\uD800",
          "\uDFFF",
          "\uD83D\uDE00"
        }) {
      for (int at = 0; at <= 24; at++) {
        String value = "a".repeat(at) + odd + "b".repeat(24 - at);
        assertThat(written(value)).as("%s at %d", odd, at).isEqualTo(jackson(value));
      }
    }
  }

  @Test
  void everyAsciiCharacterAtEveryPlaceOfALongStringIsWrittenAsJacksonWritesIt() throws Exception {
    // The bulk path tests eight bytes at once: each character in each of the eight lanes of the
    // first three words, beside plain neighbours and beside a character that needs escaping.
    for (char c = 0; c < 0x80; c++) {
      for (int at = 0; at < 24; at++) {
        String plainAround = "a".repeat(at) + c + "b".repeat(24 - at);
        String oddAround = "\u0001".repeat(at) + c + "\"".repeat(24 - at);
        assertThat(written(plainAround))
            .as("U+%04X at %d", (int) c, at)
            .isEqualTo(jackson(plainAround));
        assertThat(written(oddAround))
            .as("U+%04X at %d", (int) c, at)
            .isEqualTo(jackson(oddAround));
      }
    }
  }

  @Test
  void aLoneSurrogateInALongStringIsEscapedNotWrittenAsTheQuestionMarkItEncodesTo()
      throws Exception {
    String value = "abcdefgh\uD800ijklmnop?qrstuvwx";
    assertThat(written(value))
        .isEqualTo("\"abcdefgh\\uD800ijklmnop?qrstuvwx\"")
        .isEqualTo(jackson(value));
  }

  @Test
  void aKnownConstantIsWrittenAsTheSameBytesAsAnEqualStringThatIsNotTheConstant() {
    KnownMember kind = new KnownMember("kind", "phoneNumber", "unknown");
    String equalCopy = new String("phoneNumber".toCharArray());
    JsonWriter fromConstant = new JsonWriter(4);
    JsonWriter fromCopy = new JsonWriter(4);
    for (JsonWriter json : new JsonWriter[] {fromConstant, fromCopy}) {
      json.beginObject();
      json.member(kind, json == fromConstant ? "phoneNumber" : equalCopy);
      json.member(kind, json == fromConstant ? "unknown" : "unknown?");
      json.member(kind, null);
      json.endObject();
    }

    assertThat(kind.encodedMember("phoneNumber")).isNotNull();
    assertThat(kind.encodedMember(equalCopy)).isNull();
    assertThat(new String(fromConstant.toBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"kind\":\"phoneNumber\",\"kind\":\"unknown\"}");
    assertThat(new String(fromCopy.toBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"kind\":\"phoneNumber\",\"kind\":\"unknown?\"}");
  }
}
