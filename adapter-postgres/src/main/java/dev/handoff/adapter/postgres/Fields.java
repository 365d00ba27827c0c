package dev.handoff.adapter.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads one JSON object of a stored document, knowing its path in the document so that every error
 * names the field and the rule it breaks. Absent and JSON {@code null} fields are the same.
 */
final class Fields {
  private final JsonNode node;
  private final String path;

  private Fields(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /**
   * @param node a parsed document
   * @param path what the document is, for messages
   * @return the reader of its top object
   */
  static Fields root(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new UnreadableDocumentException(path + ": must be a JSON object", null);
    }
    return new Fields(node, path);
  }

  String path() {
    return path;
  }

  private String pathOf(String field) {
    return path + "." + field;
  }

  UnreadableDocumentException error(String field, String rule) {
    return new UnreadableDocumentException(pathOf(field) + ": " + rule, null);
  }

  private JsonNode present(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  private JsonNode required(String field) {
    JsonNode value = present(field);
    if (value == null) {
      throw error(field, "is required");
    }
    return value;
  }

  boolean has(String field) {
    return present(field) != null;
  }

  /**
   * Builds a model value, turning a broken rule of the model into an error at this object's path.
   */
  <T> T make(Supplier<T> construction) {
    try {
      return construction.get();
    } catch (UnreadableDocumentException alreadyPlaced) {
      throw alreadyPlaced;
    } catch (RuntimeException broken) {
      throw new UnreadableDocumentException(path + ": " + broken.getMessage(), broken);
    }
  }

  Fields object(String field) {
    JsonNode value = required(field);
    if (!value.isObject()) {
      throw error(field, "must be a JSON object");
    }
    return new Fields(value, pathOf(field));
  }

  Optional<Fields> optionalObject(String field) {
    return has(field) ? Optional.of(object(field)) : Optional.empty();
  }

  List<Fields> objects(String field) {
    JsonNode value = present(field);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw error(field, "must be a JSON array");
    }
    List<Fields> items = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String itemPath = pathOf(field) + "[" + i + "]";
      if (!item.isObject()) {
        throw new UnreadableDocumentException(itemPath + ": must be a JSON object", null);
      }
      items.add(new Fields(item, itemPath));
    }
    return items;
  }

  String text(String field) {
    JsonNode value = required(field);
    if (!value.isTextual()) {
      throw error(field, "must be a string");
    }
    return value.textValue();
  }

  Optional<String> optionalText(String field) {
    return has(field) ? Optional.of(text(field)) : Optional.empty();
  }

  boolean bool(String field) {
    JsonNode value = required(field);
    if (!value.isBoolean()) {
      throw error(field, "must be true or false");
    }
    return value.booleanValue();
  }

  Optional<Boolean> optionalBool(String field) {
    return has(field) ? Optional.of(bool(field)) : Optional.empty();
  }

  long integer(String field) {
    JsonNode value = required(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw error(field, "must be an integer");
    }
    return value.longValue();
  }

  int smallInteger(String field) {
    JsonNode value = required(field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw error(field, "must be a 32-bit integer");
    }
    return value.intValue();
  }

  OptionalInt optionalSmallInteger(String field) {
    return has(field) ? OptionalInt.of(smallInteger(field)) : OptionalInt.empty();
  }

  Instant instant(String field) {
    String value = text(field);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException malformed) {
      throw error(field, "must be an ISO-8601 instant, was '" + value + "'");
    }
  }

  Optional<Instant> optionalInstant(String field) {
    return has(field) ? Optional.of(instant(field)) : Optional.empty();
  }

  Optional<Duration> optionalDuration(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    String value = text(field);
    try {
      return Optional.of(Duration.parse(value));
    } catch (DateTimeParseException malformed) {
      throw error(field, "must be an ISO-8601 duration, was '" + value + "'");
    }
  }

  Optional<URI> optionalUri(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    String value = text(field);
    try {
      return Optional.of(new URI(value));
    } catch (URISyntaxException malformed) {
      throw error(field, "must be a URI: " + malformed.getMessage());
    }
  }

  UUID uuid(String field) {
    String value = text(field);
    try {
      UUID uuid = UUID.fromString(value);
      if (!uuid.toString().equals(value.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(value);
      }
      return uuid;
    } catch (IllegalArgumentException malformed) {
      throw error(field, "must be a UUID, was '" + value + "'");
    }
  }

  <E extends Enum<E>> E enumeration(String field, Class<E> type) {
    String value = text(field);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException unknown) {
      throw error(field, "unknown " + type.getSimpleName() + " '" + value + "'");
    }
  }

  /** Reads an ordered map written as an array of {@code [key, value]} string pairs. */
  Map<String, String> pairs(String field) {
    return pairs(field, (value, valuePath) -> textOf(value, valuePath));
  }

  /** Reads an ordered map written as an array of {@code [key, object]} pairs. */
  <T> Map<String, T> objectPairs(String field, Function<Fields, T> reader) {
    return pairs(
        field,
        (value, valuePath) -> {
          if (!value.isObject()) {
            throw new UnreadableDocumentException(valuePath + ": must be a JSON object", null);
          }
          return reader.apply(new Fields(value, valuePath));
        });
  }

  private interface PairValue<T> {
    T read(JsonNode value, String valuePath);
  }

  private <T> Map<String, T> pairs(String field, PairValue<T> valueReader) {
    JsonNode value = present(field);
    if (value == null) {
      return Map.of();
    }
    if (!value.isArray()) {
      throw error(field, "must be a JSON array of [key, value] pairs");
    }
    Map<String, T> map = new LinkedHashMap<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode pair = value.get(i);
      String pairPath = pathOf(field) + "[" + i + "]";
      if (!pair.isArray() || pair.size() != 2) {
        throw new UnreadableDocumentException(pairPath + ": must be a [key, value] pair", null);
      }
      String key = textOf(pair.get(0), pairPath + "[0]");
      if (map.put(key, valueReader.read(pair.get(1), pairPath + "[1]")) != null) {
        throw new UnreadableDocumentException(pairPath + ": repeats the key '" + key + "'", null);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  private static String textOf(JsonNode value, String valuePath) {
    if (value == null || !value.isTextual()) {
      throw new UnreadableDocumentException(valuePath + ": must be a string", null);
    }
    return value.textValue();
  }
}
