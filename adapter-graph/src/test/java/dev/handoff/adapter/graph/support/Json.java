package dev.handoff.adapter.graph.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON helpers for assertions. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * @param text JSON
   * @return its tree; object member order does not matter for equality
   */
  public static JsonNode tree(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("not JSON: " + text, e);
    }
  }

  /**
   * @param node a tree
   * @return a copy without any {@code @odata.type} member, at any depth
   */
  public static JsonNode withoutOdataTypes(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      ((ObjectNode) node).remove("@odata.type");
      node.forEach(Json::strip);
    } else if (node.isArray()) {
      node.forEach(Json::strip);
    }
  }
}
