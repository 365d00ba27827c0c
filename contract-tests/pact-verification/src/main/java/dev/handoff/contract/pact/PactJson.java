package dev.handoff.contract.pact;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical form of a pact file: what the committed copy holds and what a fresh one is compared
 * in. It drops what changes without the contract changing (the pact-jvm version in the metadata)
 * and orders what pact-jvm orders by test execution (interactions, by description and provider
 * states), with object members sorted, two-space indentation and a final newline.
 */
final class PactJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private PactJson() {}

  /**
   * @param text a pact file's content
   * @return its canonical form
   * @throws IllegalArgumentException when the text is not a pact (JSON object)
   */
  static String canonical(String text) {
    JsonNode pact;
    try {
      pact = MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (pact == null || !pact.isObject()) {
      throw new IllegalArgumentException("a pact file must hold a JSON object");
    }
    ObjectNode root = (ObjectNode) pact;
    JsonNode metadata = root.get("metadata");
    if (metadata instanceof ObjectNode) {
      ((ObjectNode) metadata).remove("pact-jvm");
    }
    JsonNode interactions = root.get("interactions");
    if (interactions instanceof ArrayNode) {
      List<JsonNode> sorted = new ArrayList<>();
      interactions.forEach(sorted::add);
      sorted.sort(
          Comparator.comparing((JsonNode i) -> i.path("description").asText())
              .thenComparing(i -> i.path("providerStates").toString()));
      ArrayNode ordered = MAPPER.createArrayNode();
      sorted.forEach(ordered::add);
      root.set("interactions", ordered);
    }
    return write(sortMembers(root));
  }

  private static JsonNode sortMembers(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = MAPPER.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(Comparator.naturalOrder());
      for (String name : names) {
        sorted.set(name, sortMembers(node.get(name)));
      }
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode array = MAPPER.createArrayNode();
      node.forEach(element -> array.add(sortMembers(element)));
      return array;
    }
    return node;
  }

  private static String write(JsonNode node) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param expected the canonical committed pact
   * @param actual the canonical generated pact
   * @return the first line that differs, with its number, for the failure message
   */
  static String firstDifference(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String left = i < a.length ? a[i] : "<end of file>";
      String right = i < b.length ? b[i] : "<end of file>";
      if (!left.equals(right)) {
        return "line " + (i + 1) + ": committed " + left.trim() + " | generated " + right.trim();
      }
    }
    return "none";
  }
}
