package dev.handoff.adapter.acs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.adapter.acs.wire.AcsJson;
import java.util.Iterator;

/** JSON helpers for tests. */
public final class Json {
  private Json() {}

  public static JsonNode tree(String json) {
    try {
      return AcsJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("test JSON is broken: " + json, e);
    }
  }

  /** Serialises a wire object exactly as the adapter does and reads it back as a tree. */
  public static JsonNode wire(Object value) {
    try {
      return tree(AcsJson.mapper().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A deep copy of the tree without any {@code rawId} fields. */
  public static JsonNode withoutRawIds(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      ((ObjectNode) node).remove("rawId");
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      strip(it.next());
    }
  }
}
