package dev.handoff.emulator.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates JSON values against the definitions of a Swagger 2.0 document, for the subset of the
 * schema language the ACS Call Automation spec uses: {@code $ref} (local and into the common-types
 * file), {@code type}, {@code required}, {@code properties}, {@code additionalProperties} ({@code
 * false} or a schema), {@code enum}, {@code minimum}/{@code maximum}, {@code format} (int32, int64,
 * uuid), {@code items} and {@code allOf}. A JSON {@code null} is treated as an absent value.
 */
public final class SwaggerSchemas {

  /** The relative reference the 2026-03-12 spec uses for its common types. */
  static final String COMMON_REF_PREFIX = "../../../Common/stable/2025-06-30/common.json";

  private static final Pattern UUID =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Set<String> SUPPORTED =
      Set.of(
          "$ref",
          "type",
          "required",
          "properties",
          "additionalProperties",
          "enum",
          "minimum",
          "maximum",
          "format",
          "items",
          "allOf",
          "description",
          "readOnly",
          "x-ms-enum",
          "x-ms-client-name",
          "x-ms-discriminator-value",
          "discriminator");

  private final JsonNode main;
  private final JsonNode common;

  private SwaggerSchemas(JsonNode main, JsonNode common) {
    this.main = main;
    this.common = common;
  }

  /** The verbatim ACS Call Automation 2026-03-12 spec and its common types, from the classpath. */
  public static SwaggerSchemas acsCallAutomation() {
    return new SwaggerSchemas(
        load("acs-callautomation-2026-03-12.json"), load("acs-common-2025-06-30.json"));
  }

  private static JsonNode load(String name) {
    String resource = "/dev/handoff/emulator/spec/" + name;
    try (InputStream in = SwaggerSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the main document has a definition of that name. */
  public boolean hasDefinition(String name) {
    return main.path("definitions").has(name);
  }

  /**
   * Validates a value against a named definition of the main document.
   *
   * @return the violations in document order; empty when the value conforms
   */
  public List<Violation> validate(String definition, JsonNode value) {
    List<Violation> out = new ArrayList<>();
    Schema schema = resolve(new Schema(main, main.path("definitions").path(definition)));
    if (schema.node().isMissingNode()) {
      throw new IllegalArgumentException("no definition " + definition);
    }
    check(schema, value, "$", out);
    return out;
  }

  private record Schema(JsonNode document, JsonNode node) {}

  private Schema resolve(Schema schema) {
    Schema current = schema;
    for (int depth = 0; current.node().has("$ref"); depth++) {
      if (depth > 32) {
        throw new IllegalStateException("reference cycle at " + current.node());
      }
      String ref = current.node().get("$ref").asText();
      JsonNode document = current.document();
      String pointer;
      if (ref.startsWith("#")) {
        pointer = ref.substring(1);
      } else if (ref.startsWith(COMMON_REF_PREFIX + "#")) {
        document = common;
        pointer = ref.substring(COMMON_REF_PREFIX.length() + 1);
      } else {
        throw new IllegalStateException("unsupported $ref " + ref);
      }
      JsonNode target = document.at(pointer);
      if (target.isMissingNode()) {
        throw new IllegalStateException("unresolvable $ref " + ref);
      }
      current = new Schema(document, target);
    }
    return current;
  }

  private void check(Schema raw, JsonNode value, String path, List<Violation> out) {
    Schema schema = resolve(raw);
    JsonNode node = schema.node();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String keyword = names.next();
      if (!SUPPORTED.contains(keyword)) {
        throw new IllegalStateException("unsupported schema keyword " + keyword + " at " + path);
      }
    }
    if (node.has("allOf")) {
      for (JsonNode part : node.get("allOf")) {
        check(new Schema(schema.document(), part), value, path, out);
      }
    }
    String type = node.path("type").asText(node.has("properties") ? "object" : "");
    switch (type) {
      case "object" -> checkObject(schema, value, path, out);
      case "array" -> checkArray(schema, value, path, out);
      case "string" -> checkString(node, value, path, out);
      case "integer" -> checkInteger(node, value, path, out);
      case "number" -> checkNumber(node, value, path, out);
      case "boolean" -> {
        if (!value.isBoolean()) {
          out.add(new Violation(path, "must be a boolean"));
        }
      }
      case "" -> {
        // an untyped schema accepts any value
      }
      default -> throw new IllegalStateException("unsupported type " + type + " at " + path);
    }
  }

  private void checkObject(Schema schema, JsonNode value, String path, List<Violation> out) {
    if (!value.isObject()) {
      out.add(new Violation(path, "must be a JSON object"));
      return;
    }
    JsonNode node = schema.node();
    JsonNode properties = node.path("properties");
    for (JsonNode required : node.path("required")) {
      JsonNode present = value.get(required.asText());
      if (present == null || present.isNull()) {
        out.add(new Violation(child(path, required.asText()), "is required"));
      }
    }
    JsonNode additional = node.get("additionalProperties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String name = field.getKey();
      JsonNode fieldValue = field.getValue();
      String fieldPath = child(path, name);
      if (properties.has(name)) {
        if (!fieldValue.isNull()) {
          check(new Schema(schema.document(), properties.get(name)), fieldValue, fieldPath, out);
        }
      } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
        out.add(new Violation(fieldPath, "is not a known field of this request"));
      } else if (additional != null && additional.isObject() && !fieldValue.isNull()) {
        check(new Schema(schema.document(), additional), fieldValue, fieldPath, out);
      }
    }
  }

  private void checkArray(Schema schema, JsonNode value, String path, List<Violation> out) {
    if (!value.isArray()) {
      out.add(new Violation(path, "must be a JSON array"));
      return;
    }
    JsonNode items = schema.node().get("items");
    if (items == null) {
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      check(new Schema(schema.document(), items), value.get(i), path + "[" + i + "]", out);
    }
  }

  private void checkString(JsonNode node, JsonNode value, String path, List<Violation> out) {
    if (!value.isTextual()) {
      out.add(new Violation(path, "must be a string"));
      return;
    }
    String text = value.asText();
    if (node.has("enum")) {
      boolean known = false;
      for (JsonNode allowed : node.get("enum")) {
        known |= allowed.asText().equals(text);
      }
      if (!known) {
        out.add(
            new Violation(path, "must be one of " + node.get("enum") + " but was '" + text + "'"));
      }
    }
    if ("uuid".equals(node.path("format").asText()) && !UUID.matcher(text).matches()) {
      out.add(new Violation(path, "must be a UUID"));
    }
  }

  private void checkInteger(JsonNode node, JsonNode value, String path, List<Violation> out) {
    if (!value.isIntegralNumber()) {
      out.add(new Violation(path, "must be an integer"));
      return;
    }
    String format = node.path("format").asText();
    if ("int32".equals(format) && !value.canConvertToInt()) {
      out.add(new Violation(path, "must fit a 32-bit integer"));
      return;
    }
    if ("int64".equals(format) && !value.canConvertToLong()) {
      out.add(new Violation(path, "must fit a 64-bit integer"));
      return;
    }
    checkBounds(node, value.decimalValue(), path, out);
  }

  private void checkNumber(JsonNode node, JsonNode value, String path, List<Violation> out) {
    if (!value.isNumber()) {
      out.add(new Violation(path, "must be a number"));
      return;
    }
    checkBounds(node, value.decimalValue(), path, out);
  }

  private static void checkBounds(
      JsonNode node, BigDecimal number, String path, List<Violation> out) {
    if (node.has("minimum") && number.compareTo(node.get("minimum").decimalValue()) < 0) {
      out.add(
          new Violation(
              path,
              "must be at least "
                  + node.get("minimum").asText()
                  + " but was "
                  + number.toPlainString()));
    }
    if (node.has("maximum") && number.compareTo(node.get("maximum").decimalValue()) > 0) {
      out.add(
          new Violation(
              path,
              "must be at most "
                  + node.get("maximum").asText()
                  + " but was "
                  + number.toPlainString()));
    }
  }

  private static String child(String path, String name) {
    return "$".equals(path) ? name : path + "." + name;
  }
}
