package dev.handoff.adapter.graph.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Mutates valid JSON documents the way careless or hostile senders do: fields dropped, added or
 * renamed, values replaced by others of any type (null, numbers out of range, odd strings, arrays,
 * objects), containers emptied, the text cut short or spliced. Deterministic for a given {@link
 * Random}, so that jqwik can shrink and replay a failing case.
 */
final class JsonMutations {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] ODD_STRINGS = {
    "",
    " ",
    "null",
    "0",
    "-1",
    "1e309",
    "NaN",
    "2026-13-45T25:61:61Z",
    "9999-12-31T23:59:59Z",
    "not a time",
    "calling/callConnections/",
    "/communications/calls/",
    "4:",
    "8:acs:",
    "28:",
    "\u0000",
    "\uD800",
    "é",
    "\u202Eevil",
    "x".repeat(5000),
    "{\"nested\":true}",
    "[]",
    "Microsoft.Communication.CallTransferAccepted",
    "Microsoft.Communication.IncomingCall",
    "Microsoft.EventGrid.SubscriptionValidationEvent",
    "#microsoft.graph.call",
    "terminated",
    "established",
    "completed",
    "failed",
    "updated",
    "deleted",
    "created"
  };

  private JsonMutations() {}

  /**
   * @param seed a valid document
   * @param random the source of choices
   * @return the document, mutated one to four times, as text (sometimes cut or spliced)
   */
  static String mutate(String seed, Random random) {
    JsonNode document;
    try {
      document = JSON.readTree(seed);
    } catch (Exception impossible) {
      throw new IllegalArgumentException("the seed is not JSON", impossible);
    }
    int times = 1 + random.nextInt(4);
    for (int i = 0; i < times; i++) {
      document = mutateOnce(document, random);
    }
    String text = document.toString();
    switch (random.nextInt(10)) {
      case 0:
        return text.substring(0, random.nextInt(text.length() + 1));
      case 1:
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at)
            + ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]
            + text.substring(at);
      default:
        return text;
    }
  }

  private static JsonNode mutateOnce(JsonNode document, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(document, containers);
    if (containers.isEmpty()) {
      return value(random, 2);
    }
    JsonNode container = containers.get(random.nextInt(containers.size()));
    if (container.isObject()) {
      ObjectNode object = (ObjectNode) container;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      int op = random.nextInt(5);
      if (names.isEmpty() || op == 0) {
        object.set("unexpected" + random.nextInt(3), value(random, 2));
      } else {
        String name = names.get(random.nextInt(names.size()));
        if (op == 1) {
          object.remove(name);
        } else if (op == 2) {
          JsonNode moved = object.remove(name);
          object.set(name.toUpperCase(java.util.Locale.ROOT), moved);
        } else {
          object.set(name, value(random, 2));
        }
      }
    } else {
      ArrayNode array = (ArrayNode) container;
      int op = random.nextInt(4);
      if (array.isEmpty() || op == 0) {
        array.add(value(random, 2));
      } else if (op == 1) {
        array.remove(random.nextInt(array.size()));
      } else if (op == 2) {
        array.add(array.get(random.nextInt(array.size())).deepCopy());
      } else {
        array.set(random.nextInt(array.size()), value(random, 2));
      }
    }
    return document;
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
        collect(children.next(), containers);
      }
    }
  }

  /**
   * @param random the source of choices
   * @param depth how deep containers may nest
   * @return a JSON value of any type
   */
  static JsonNode value(Random random, int depth) {
    switch (random.nextInt(depth > 0 ? 9 : 7)) {
      case 0:
        return NODES.nullNode();
      case 1:
        return NODES.booleanNode(random.nextBoolean());
      case 2:
        return NODES.numberNode(random.nextInt());
      case 3:
        return NODES.numberNode(
            new long[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE}[random.nextInt(4)]);
      case 4:
        return NODES.numberNode(random.nextDouble() * 1e12);
      case 5:
      case 6:
        return NODES.textNode(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
      case 7:
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          array.add(value(random, depth - 1));
        }
        return array;
      default:
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(3); i > 0; i--) {
          object.set("k" + random.nextInt(5), value(random, depth - 1));
        }
        return object;
    }
  }
}
