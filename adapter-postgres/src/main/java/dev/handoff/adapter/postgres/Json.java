package dev.handoff.adapter.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writing helpers shared by the document codecs. Absent optional values are left out of the
 * document; maps are written as arrays of {@code [key, value]} pairs because PostgreSQL's {@code
 * jsonb} does not keep the order of an object's keys, and the model's maps are ordered.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  static void putIfPresent(ObjectNode target, String field, Optional<?> value) {
    value.ifPresent(v -> target.put(field, v.toString()));
  }

  static void putNodeIfPresent(ObjectNode target, String field, Optional<? extends JsonNode> v) {
    v.ifPresent(node -> target.set(field, node));
  }

  static void putPairs(ObjectNode target, String field, Map<String, String> map) {
    putPairs(target, field, map, NODES::textNode);
  }

  static <T> void putPairs(
      ObjectNode target, String field, Map<String, T> map, Function<T, JsonNode> writer) {
    if (map.isEmpty()) {
      return;
    }
    ArrayNode pairs = target.putArray(field);
    map.forEach((key, value) -> pairs.addArray().add(key).add(writer.apply(value)));
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException impossible) {
      // A tree of plain nodes always serialises; anything else is a bug here.
      throw new IllegalStateException("could not write a JSON tree", impossible);
    }
  }

  static JsonNode read(String text, String what) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException malformed) {
      throw new UnreadableDocumentException(
          what + ": not valid JSON: " + malformed.getOriginalMessage(), malformed);
    }
  }
}
