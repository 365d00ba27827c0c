package dev.handoff.app.api.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model field path in one JSON request type's terms: each component of the request record names
 * the model fields it fills ({@link Fills}, else its own name), and nested request records (also in
 * lists) answer for the rest of the path. The mapping is read from the types themselves, so a
 * request that renames a field says so where the field is declared.
 */
public final class JsonFieldPaths {
  private static final ClassValue<JsonFieldPaths> OF_TYPE =
      new ClassValue<>() {
        @Override
        protected JsonFieldPaths computeValue(Class<?> type) {
          return new JsonFieldPaths(type);
        }
      };

  /** One name a path may start with, and the component it leads to. */
  private record Name(String model, RecordComponent component) {}

  private final List<Name> names;

  private JsonFieldPaths(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a request record");
    }
    List<Name> found = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      found.add(new Name(component.getName(), component));
      Fills fills = component.getAnnotation(Fills.class);
      if (fills != null) {
        for (String model : fills.value()) {
          found.add(new Name(model, component));
        }
      }
    }
    found.sort(Comparator.comparingInt((Name name) -> name.model().length()).reversed());
    this.names = List.copyOf(found);
  }

  /**
   * @param requestType a JSON request record
   * @return its field paths
   */
  public static JsonFieldPaths of(Class<? extends Record> requestType) {
    return OF_TYPE.get(requestType);
  }

  /**
   * @param modelPath a path such as {@code targets[0].ringTimeout}, relative to the model object
   *     the request builds; a path already in JSON terms is returned as it is
   * @return the same path in the request's JSON terms; unchanged where no component claims it
   */
  public String toJson(String modelPath) {
    for (Name name : names) {
      String model = name.model();
      if (modelPath.equals(model)
          || modelPath.startsWith(model + ".")
          || modelPath.startsWith(model + "[")) {
        RecordComponent component = name.component();
        return component.getName() + below(component, modelPath.substring(model.length()));
      }
    }
    return modelPath;
  }

  private static String below(RecordComponent component, String rest) {
    Type type = component.getGenericType();
    String indexes = "";
    String remaining = rest;
    while (remaining.startsWith("[") && remaining.indexOf(']') > 0) {
      int end = remaining.indexOf(']') + 1;
      indexes += remaining.substring(0, end);
      remaining = remaining.substring(end);
      type = elementType(type).orElse(Object.class);
    }
    if (remaining.startsWith(".") && type instanceof Class<?> && ((Class<?>) type).isRecord()) {
      return indexes + "." + OF_TYPE.get((Class<?>) type).toJson(remaining.substring(1));
    }
    return indexes + remaining;
  }

  /** The element of a {@code List<E>} or the value of a {@code Map<K, V>}. */
  private static Optional<Type> elementType(Type type) {
    if (type instanceof ParameterizedType) {
      ParameterizedType generic = (ParameterizedType) type;
      Type[] arguments = generic.getActualTypeArguments();
      boolean isMap =
          generic.getRawType() instanceof Class<?>
              && Map.class.isAssignableFrom((Class<?>) generic.getRawType());
      return Optional.of(arguments[isMap ? 1 : 0]);
    }
    return Optional.empty();
  }
}
