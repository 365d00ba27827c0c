package dev.handoff.adapter.graph.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.adapter.graph.wire.GraphJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The parser reads a body in one pass of its own scanner ({@link BodyScanner}) or, for what the
 * scanner leaves to it, of Jackson's tokenizer, into its own light tree, and derives event ids.
 * Over random JSON texts (members named twice, escapes, characters outside the BMP, lone
 * surrogates, integers of every size, numbers with fractions and exponents, negative zero) it holds
 * exactly what Jackson's tree of the same text holds, and the ids it derives are those the
 * derivation of earlier releases gives for Jackson's tree ({@link #formerId}): a notification
 * redelivered across the upgrade is still recognised. The scanner reads every body of plain JSON
 * (integers of up to 18 digits) and leaves others to Jackson.
 */
class JsonValueProperties {
  private static final String[] NAMES = {"state", "id", "@odata.type", "a", "b", "ä", "a\"b", "Z"};
  private static final String[] CHARACTERS = {
    "a", "Z", " ", "\"", "\\", "/", "\n", "\u0001", "\u001f", "\u007f", "é", "日", "😀", "\uD800",
    "\uDC00"
  };
  private static final String[] NUMBERS = {
    "0",
    "-0",
    "7015",
    "-3",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "123456789012345678901234567890",
    "1.5",
    "-0.0",
    "0.1",
    "1e3",
    "1E-7",
    "2.5e+2",
    "1e400",
    "-1e400",
    "4.9e-330",
    "3.141592653589793238462643383279"
  };

  /** The numbers the scanner reads itself. */
  private static final String[] INTEGERS =
      Arrays.stream(NUMBERS).filter(n -> n.matches("-?\\d{1,18}")).toArray(String[]::new);

  @Property(tries = 1000)
  void holdsWhatJacksonsTreeHoldsAndKeepsTheFormerIds(@ForAll long seed) throws Exception {
    String text = value(new Random(seed), 4);

    JsonValue read = read(text);
    JsonNode jackson = GraphJson.mapper().readTree(text);

    assertThat(read.toJackson()).isEqualTo(jackson);
    assertThat(read.toString()).isEqualTo(jackson.toString());
    assertThat(read.typeName()).isEqualTo(jackson.getNodeType().name());
    assertThat(EventIds.of(read)).isEqualTo(formerId(jackson));
    assertThat(JsonValue.of(jackson).toString()).isEqualTo(jackson.toString());
  }

  /**
   * Over random batches, spaced or compact: the scanner reads every plain one as Jackson does, the
   * ids of its items are the former ids, and it derives an item's id itself exactly when the item
   * as sent is its canonical form once its objects are in name order, which leaves its length as it
   * is (white space, an escape written otherwise, a negative zero or a name given twice change it).
   */
  @Property(tries = 2000)
  void theScannerReadsWhatJacksonReadsAndDerivesTheFormerIds(@ForAll long seed) throws Exception {
    Random random = new Random(seed);
    boolean plain = random.nextBoolean();
    boolean compact = random.nextBoolean();
    List<String> members = new ArrayList<>();
    List<List<String>> values = new ArrayList<>();
    members.add(quote("@odata.type", random) + ":\"#microsoft.graph.commsNotifications\"");
    for (int v = random.nextInt(8) == 0 ? 2 : 1; v > 0; v--) { // Jackson keeps the last value
      List<String> items = items(random, plain, compact);
      values.add(items);
      members.add(quote("value", random) + ":[" + String.join(",", items) + "]");
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    List<String> shuffled = new ArrayList<>();
    order.forEach(i -> shuffled.add(members.get(i)));
    List<String> kept = values.get(order.indexOf(1) > order.indexOf(2) ? 0 : 1);
    String body = space(random) + "{" + String.join("," + space(random), shuffled) + "}";

    JsonValue scanned = BodyScanner.read(body);

    JsonNode jackson = GraphJson.mapper().readTree(body);
    if (plain) {
      assertThat(scanned).as(body).isNotNull();
    }
    if (scanned != null) {
      assertThat(scanned.toJackson()).isEqualTo(jackson);
      JsonValue.Elements items = (JsonValue.Elements) ((JsonValue.Members) scanned).get("value");
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof JsonValue.Members) {
          JsonValue.Members item = (JsonValue.Members) items.get(i);
          JsonNode tree = jackson.get("value").get(i);
          assertThat(EventIds.of(item)).isEqualTo(formerId(tree));
          String sent = kept.get(i).strip();
          boolean canonicalAsSent =
              sent.getBytes(StandardCharsets.UTF_8).length
                  == canonical(tree).getBytes(StandardCharsets.UTF_8).length;
          assertThat(item.contentId()).as(sent).isEqualTo(canonicalAsSent ? formerId(tree) : null);
        }
      }
    }
  }

  /** The items of a {@code value} array (now and then another value), spaced as a sender may. */
  private static List<String> items(Random random, boolean plain, boolean compact) {
    List<String> items = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      String item =
          random.nextInt(6) == 0
              ? value(random, 2, plain, compact)
              : object(random, 3, plain, compact);
      items.add(space(random) + item + space(random));
    }
    return items;
  }

  private static String space(Random random) {
    return new String[] {"", "", " ", "\n", "\t", "\r\n  "}[random.nextInt(6)];
  }

  @Test
  void theFormerDerivationGivesThePinnedId() throws Exception {
    String item =
        "{\"changeType\":\"deleted\",\"resourceUrl\":\"/communications/calls/c-1\","
            + "\"resourceData\":{\"@odata.type\":\"#microsoft.graph.call\",\"state\":\"terminated\","
            + "\"note\":\"Zo\u00eb \\\"q\\\" \\\\ \\u0001\\n\",\"resultInfo\":{\"code\":0,"
            + "\"subcode\":7015,\"x\":[1.5,true,null,-3]}}}";

    assertThat(formerId(GraphJson.mapper().readTree(item)))
        .isEqualTo("graph:62a317d68ad7bbb2254666ca2008a15c90bb38098dadc9f1630d2c31cde9b884")
        .isEqualTo(EventIds.of(read(item)));
  }

  private static JsonValue read(String text) throws Exception {
    try (JsonParser parser = GraphJson.mapper().createParser(text)) {
      return JsonValue.read(parser, parser.nextToken());
    }
  }

  /** A random JSON text; white space, escapes and member order as a sender may choose. */
  private static String value(Random random, int depth) {
    return value(random, depth, false, false);
  }

  /**
   * @param plain whether every number is an integer of up to 18 digits
   * @param compact whether no white space separates the tokens
   */
  private static String value(Random random, int depth, boolean plain, boolean compact) {
    switch (random.nextInt(depth > 0 ? 7 : 5)) {
      case 0:
      case 1:
        return string(random);
      case 2:
        String[] numbers = plain ? INTEGERS : NUMBERS;
        return numbers[random.nextInt(numbers.length)];
      case 3:
        return new String[] {"true", "false", "null"}[random.nextInt(3)];
      case 4:
        return Integer.toString(random.nextInt());
      case 5:
        List<String> elements = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          elements.add(value(random, depth - 1, plain, compact));
        }
        return "[" + String.join(compact ? "," : ", ", elements) + "]";
      default:
        return object(random, depth, plain, compact);
    }
  }

  private static String object(Random random, int depth, boolean plain, boolean compact) {
    List<String> members = new ArrayList<>();
    for (int i = random.nextInt(6); i > 0; i--) {
      String name = NAMES[random.nextInt(NAMES.length)];
      members.add(quote(name, random) + ":" + value(random, depth - 1, plain, compact));
    }
    return compact
        ? "{" + String.join(",", members) + "}"
        : "{ " + String.join(",\n", members) + "}";
  }

  private static String string(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(6); i > 0; i--) {
      text.append(CHARACTERS[random.nextInt(CHARACTERS.length)]);
    }
    return quote(text.toString(), random);
  }

  /** JSON-quoted, each character escaped when it must be, and now and then when it need not. */
  private static String quote(String text, Random random) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) || random.nextInt(8) == 0) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * The event id as the releases before issue 19's second round derived it, from Jackson's tree:
   * the canonical text built as a string, members sorted with {@code Map.Entry.comparingByKey()},
   * numbers and truth values as {@code asText()}, then SHA-256 of its UTF-8 bytes.
   */
  private static String formerId(JsonNode item) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(canonical(item).getBytes(StandardCharsets.UTF_8));
    return "graph:" + HexFormat.of().formatHex(digest);
  }

  private static String canonical(JsonNode item) {
    StringBuilder canonical = new StringBuilder();
    write(item, canonical);
    return canonical.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
      members.sort(Map.Entry.comparingByKey());
      out.append('{');
      for (int i = 0; i < members.size(); i++) {
        out.append(i > 0 ? "," : "");
        quote(members.get(i).getKey(), out);
        out.append(':');
        write(members.get(i).getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i > 0 ? "," : "");
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      quote(node.textValue(), out);
    } else if (node.isNull()) {
      out.append("null");
    } else {
      out.append(node.asText());
    }
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
