package dev.handoff.app.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.domain.Shown;
import dev.handoff.domain.Violation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds every field of a JSON body that its request shape does not know, with its JSON path, by
 * walking the body beside the shape: records by their components, lists and maps by their elements,
 * and a participant by the subtype its {@code kind} names.
 */
final class UnknownFields {
  /**
   * Each record's components by name, with their generic types: reflecting them (which parses the
   * class's generic signatures each time) is done once per class, not per field of every request.
   */
  private static final ClassValue<Map<String, Type>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected Map<String, Type> computeValue(Class<?> record) {
          Map<String, Type> components = new HashMap<>();
          for (RecordComponent component : record.getRecordComponents()) {
            components.put(component.getName(), component.getGenericType());
          }
          return Map.copyOf(components);
        }
      };

  private UnknownFields() {}

  /**
   * @param node a part of the body
   * @param type the shape it should have
   * @param path its JSON path
   * @param found where each unknown field is added
   */
  static void collect(JsonNode node, Type type, String path, List<Violation> found) {
    if (node == null || node.isNull()) {
      return;
    }
    if (type instanceof ParameterizedType) {
      ParameterizedType generic = (ParameterizedType) type;
      Type raw = generic.getRawType();
      Type[] arguments = generic.getActualTypeArguments();
      if (raw == List.class && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          collect(node.get(i), arguments[0], path + "[" + i + "]", found);
        }
      } else if (raw == Map.class && node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          collect(entry.getValue(), arguments[1], path + "[" + entry.getKey() + "]", found);
        }
      }
      return;
    }
    if (!(type instanceof Class) || !node.isObject()) {
      return;
    }
    Class<?> shape = (Class<?>) type;
    String typeProperty = null;
    if (shape.isInterface() && shape.isAnnotationPresent(JsonSubTypes.class)) {
      Optional<Class<?>> subtype = subtype(shape, node);
      if (subtype.isEmpty()) {
        return; // an unknown or missing kind is reported by the reader, with the kinds there are
      }
      typeProperty = shape.getAnnotation(JsonTypeInfo.class).property();
      shape = subtype.get();
    }
    if (!shape.isRecord()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      String at = path.isEmpty() ? name : path + "." + name;
      if (name.equals(typeProperty)) {
        continue;
      }
      Type component = COMPONENTS.get(shape).get(name);
      if (component == null) {
        found.add(new Violation(at, "is not a known field", Optional.of(Shown.value(name))));
      } else {
        collect(field.getValue(), component, at, found);
      }
    }
  }

  private static Optional<Class<?>> subtype(Class<?> base, JsonNode node) {
    String property = base.getAnnotation(JsonTypeInfo.class).property();
    JsonNode kind = node.get(property);
    if (kind == null || !kind.isTextual()) {
      return Optional.empty();
    }
    for (JsonSubTypes.Type candidate : base.getAnnotation(JsonSubTypes.class).value()) {
      if (candidate.name().equals(kind.asText())) {
        return Optional.of(candidate.value());
      }
    }
    return Optional.empty();
  }
}
