package dev.handoff.adapter.graph.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The two promises of a content-derived event id, over random items: a redelivery (the same
 * content, members in another order, other white space) has the same id; any changed scalar gives
 * another.
 */
class EventIdsProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] TEXTS = {
    "", "transferring", "a\"b", "back\\slash", "line\nbreak", "\u0001", "Zoë", "日本", "😀", "null"
  };

  @Property(tries = 500)
  void aRedeliveryInAnyMemberOrderAndWhiteSpaceHasTheSameId(@ForAll long seed) throws Exception {
    Random random = new Random(seed);
    JsonNode item = object(random, 3);

    JsonNode redelivered = JSON.readTree(render(item, random));

    assertThat(redelivered).isEqualTo(item);
    assertThat(EventIds.of(redelivered)).isEqualTo(EventIds.of(item));
  }

  @Property(tries = 500)
  void anyChangedScalarChangesTheId(@ForAll long seed) {
    Random random = new Random(seed);
    ObjectNode item = object(random, 3);
    item.put("changeType", "updated"); // at least one scalar
    ObjectNode changed = item.deepCopy();
    List<JsonNode> containers = new ArrayList<>();
    containers(changed, containers);
    List<Runnable> edits = new ArrayList<>();
    for (JsonNode container : containers) {
      if (container.isObject()) {
        ObjectNode object = (ObjectNode) container;
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
          JsonNode value = object.get(name);
          if (!value.isContainerNode()) {
            edits.add(() -> object.set(name, other(value)));
          }
        }
      } else {
        ArrayNode array = (ArrayNode) container;
        for (int i = 0; i < array.size(); i++) {
          JsonNode value = array.get(i);
          int at = i;
          if (!value.isContainerNode()) {
            edits.add(() -> array.set(at, other(value)));
          }
        }
      }
    }
    edits.get(random.nextInt(edits.size())).run();

    assertThat(changed).isNotEqualTo(item);
    assertThat(EventIds.of(changed)).isNotEqualTo(EventIds.of(item));
  }

  /** Another scalar: another text, number or truth value, or one of another JSON type. */
  private static JsonNode other(JsonNode value) {
    if (value.isTextual()) {
      return NODES.textNode(value.textValue() + "x");
    }
    if (value.isNumber()) {
      return value.isIntegralNumber()
          ? NODES.numberNode(value.longValue() + 1)
          : NODES.numberNode(value.doubleValue() + 0.5);
    }
    if (value.isBoolean()) {
      return NODES.booleanNode(!value.booleanValue());
    }
    return NODES.textNode("null"); // JSON null becomes the text "null"
  }

  private static ObjectNode object(Random random, int depth) {
    ObjectNode object = NODES.objectNode();
    int members = 1 + random.nextInt(5);
    for (int i = 0; i < members; i++) {
      object.set(name(random), value(random, depth - 1));
    }
    return object;
  }

  private static String name(Random random) {
    String[] names = {"state", "id", "@odata.type", "resultInfo", "code", "a", "b", "ä", "a\"b"};
    return names[random.nextInt(names.length)] + (random.nextBoolean() ? "" : random.nextInt(9));
  }

  private static JsonNode value(Random random, int depth) {
    switch (random.nextInt(depth > 0 ? 8 : 6)) {
      case 0:
        return NODES.textNode(TEXTS[random.nextInt(TEXTS.length)]);
      case 1:
        return NODES.numberNode(random.nextInt(20_000) - 10_000);
      case 2:
        return NODES.numberNode(random.nextInt(1000) / 8.0);
      case 3:
        return NODES.booleanNode(random.nextBoolean());
      case 4:
        return NODES.nullNode();
      case 5:
        return NODES.textNode(Long.toString(random.nextLong(), 36));
      case 6:
        ArrayNode array = NODES.arrayNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          array.add(value(random, depth - 1));
        }
        return array;
      default:
        return object(random, depth - 1);
    }
  }

  /** The JSON text of the node, members of every object shuffled, random white space around. */
  private static String render(JsonNode node, Random random) throws Exception {
    StringBuilder out = new StringBuilder();
    space(random, out);
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
      members.addAll(node.properties());
      Collections.shuffle(members, random);
      out.append('{');
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        space(random, out);
        out.append(JSON.writeValueAsString(members.get(i).getKey()));
        space(random, out);
        out.append(':');
        out.append(render(members.get(i).getValue(), random));
      }
      space(random, out);
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(render(node.get(i), random));
      }
      space(random, out);
      out.append(']');
    } else {
      out.append(JSON.writeValueAsString(node));
    }
    space(random, out);
    return out.toString();
  }

  private static void space(Random random, StringBuilder out) {
    String[] spaces = {"", "", " ", "\n", "\t", "\r\n  "};
    out.append(spaces[random.nextInt(spaces.length)]);
  }

  private static void containers(JsonNode node, List<JsonNode> into) {
    if (node.isContainerNode()) {
      into.add(node);
      node.forEach(child -> containers(child, into));
    }
  }
}
