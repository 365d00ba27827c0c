package dev.handoff.contract.pacts;

import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pact bodies written as JSON: every value is expected exactly, except at the paths given a rule (a
 * type match, a regex, or a value the provider state supplies).
 */
final class PactBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the value at one path is matched. */
  interface Rule {
    void apply(PactDslJsonBody body, String name, JsonNode example);
  }

  private final Map<String, Rule> rules = new LinkedHashMap<>();

  private PactBodies() {}

  static PactBodies rules() {
    return new PactBodies();
  }

  /** Any string at this dotted path (e.g. {@code targetParticipant.rawId}). */
  PactBodies anyString(String path) {
    rules.put(path, (body, name, example) -> body.stringType(name, example.asText()));
    return this;
  }

  /** A string matching the regex at this path. */
  PactBodies matching(String path, String regex) {
    rules.put(path, (body, name, example) -> body.stringMatcher(name, regex, example.asText()));
    return this;
  }

  /** The value the provider state returns under {@code expression}, e.g. {@code ${callId}}. */
  PactBodies fromState(String path, String expression) {
    rules.put(
        path,
        (body, name, example) -> body.valueFromProviderState(name, expression, example.asText()));
    return this;
  }

  /** The JSON object text as a body with these rules. */
  PactDslJsonBody body(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PactDslJsonBody body = new PactDslJsonBody();
    fill(body, root, "");
    for (String path : rules.keySet()) {
      if (root.at("/" + path.replace('.', '/').replace("[", "/").replace("]", ""))
          .isMissingNode()) {
        throw new IllegalArgumentException("a rule names " + path + ", which the body lacks");
      }
    }
    return body;
  }

  private void fill(PactDslJsonBody body, JsonNode node, String prefix) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      String path = prefix + name;
      Rule rule = rules.get(path);
      if (rule != null) {
        rule.apply(body, name, value);
      } else if (value.isObject()) {
        PactDslJsonBody child = body.object(name);
        fill(child, value, path + ".");
        child.closeObject();
      } else if (value.isArray()) {
        PactDslJsonArray array = body.array(name);
        fillArray(array, value, path);
        array.closeArray();
      } else if (value.isTextual()) {
        body.stringValue(name, value.asText());
      } else if (value.isBoolean()) {
        body.booleanValue(name, value.asBoolean());
      } else if (value.isNumber()) {
        body.numberValue(name, value.numberValue());
      } else {
        body.nullValue(name);
      }
    }
  }

  private void fillArray(PactDslJsonArray array, JsonNode node, String path) {
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = node.get(i);
      if (element.isObject()) {
        PactDslJsonBody child = array.object();
        fill(child, element, path + "[" + i + "].");
        child.closeObject();
      } else if (element.isTextual()) {
        array.stringValue(element.asText());
      } else if (element.isNumber()) {
        array.numberValue(element.numberValue());
      } else if (element.isBoolean()) {
        array.booleanValue(element.asBoolean());
      } else {
        array.nullValue();
      }
    }
  }
}
