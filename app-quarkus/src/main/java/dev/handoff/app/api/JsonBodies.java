package dev.handoff.app.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.handoff.domain.Shown;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads request bodies strictly: unknown fields, duplicate keys, wrong types and fractions where
 * whole numbers are expected are violations. Every unknown field is reported once, together with
 * every rule the converted command breaks, in one {@link ValidationException}. Rules are worded in
 * JSON terms ("must be a whole number"), never with the names of Java types.
 */
@ApplicationScoped
public class JsonBodies {
  /** The participant kinds a request may name, in the order the API documents them. */
  static final List<String> PARTICIPANT_KINDS =
      List.of("acsUser", "phoneNumber", "teamsUser", "teamsApp", "teamsExtensionUser", "raw");

  private final ObjectMapper mapper;

  /**
   * @param shared the application's object mapper, copied and made strict
   */
  @Inject
  public JsonBodies(ObjectMapper shared) {
    this.mapper =
        shared
            .copy()
            // Unknown fields are found in the tree (all of them, with their paths), not by Jackson.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /**
   * Reads a body and converts it to a command.
   *
   * @param body the request body
   * @param type the request shape
   * @param conversion builds the command, throwing a {@link ValidationException} when invalid
   * @param <T> the request shape
   * @param <C> the command
   * @return the command
   * @throws ValidationException listing every unknown field and every broken rule
   */
  public <T, C> C read(String body, Class<T> type, Function<T, C> conversion) {
    Parsed<T> parsed = parse(body, type);
    List<Violation> unknown = parsed.unknown();
    C command;
    try {
      command = conversion.apply(parsed.request());
    } catch (ValidationException invalid) {
      List<Violation> found = new ArrayList<>(unknown);
      invalid.violations().stream().filter(v -> !found.contains(v)).forEach(found::add);
      throw new ValidationException(type.getSimpleName(), found);
    }
    if (!unknown.isEmpty()) {
      throw new ValidationException(type.getSimpleName(), unknown);
    }
    return command;
  }

  /**
   * Reads a body that may be empty (then the result is empty), strictly as {@link #read}.
   *
   * @param body the request body
   * @param type the request shape
   * @param <T> the request shape
   * @return the request, or empty for an empty body
   * @throws ValidationException listing every unknown field and every malformed value
   */
  public <T> Optional<T> readOptional(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    Parsed<T> parsed = parse(body, type);
    if (!parsed.unknown().isEmpty()) {
      throw new ValidationException(type.getSimpleName(), parsed.unknown());
    }
    return Optional.of(parsed.request());
  }

  /** A body read into its shape, with the unknown fields met on the way. */
  private record Parsed<T>(T request, List<Violation> unknown) {}

  private <T> Parsed<T> parse(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      throw new ValidationException(
          type.getSimpleName(),
          List.of(new Violation("", "a JSON object is required", Optional.empty())));
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (JsonProcessingException malformed) {
      throw new ValidationException(type.getSimpleName(), List.of(violationOf(malformed)));
    }
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      throw new ValidationException(
          type.getSimpleName(),
          List.of(new Violation("", "a JSON object is required", Optional.empty())));
    }
    List<Violation> unknown = new ArrayList<>();
    UnknownFields.collect(tree, type, "", unknown);
    T request;
    try {
      request = mapper.readerFor(type).readValue(tree);
    } catch (IOException malformed) {
      List<Violation> found = new ArrayList<>(unknown);
      found.add(
          malformed instanceof JsonProcessingException
              ? violationOf((JsonProcessingException) malformed)
              : new Violation("", "is not valid JSON here", Optional.empty()));
      throw new ValidationException(type.getSimpleName(), found);
    }
    if (request == null) {
      throw new ValidationException(
          type.getSimpleName(),
          List.of(new Violation("", "a JSON object is required", Optional.empty())));
    }
    return new Parsed<>(request, unknown);
  }

  private static Violation violationOf(JsonProcessingException problem) {
    String path =
        problem instanceof JsonMappingException
            ? pathOf(((JsonMappingException) problem).getPath())
            : "";
    if (problem instanceof InvalidTypeIdException) {
      InvalidTypeIdException typeId = (InvalidTypeIdException) problem;
      String kinds = "must be one of " + String.join(", ", PARTICIPANT_KINDS);
      String kindPath = path.isEmpty() ? "kind" : path + ".kind";
      return typeId.getTypeId() == null
          ? new Violation(kindPath, "is required: " + kinds, Optional.empty())
          : new Violation(kindPath, kinds, Optional.of(Shown.value(typeId.getTypeId())));
    }
    if (problem instanceof InvalidFormatException) {
      InvalidFormatException format = (InvalidFormatException) problem;
      return new Violation(
          path,
          "must be " + expected(format.getTargetType()),
          Optional.ofNullable(format.getValue()).map(Shown::value));
    }
    if (problem instanceof MismatchedInputException) {
      MismatchedInputException mismatch = (MismatchedInputException) problem;
      String message = String.valueOf(mismatch.getOriginalMessage());
      if (message.startsWith("Trailing token")) {
        return new Violation(
            "", "must hold one JSON value only; more follows it", Optional.empty());
      }
      if (mismatch.getTargetType() != null) {
        return new Violation(
            path, "must be " + expected(mismatch.getTargetType()), Optional.empty());
      }
      return new Violation(path, "is not valid JSON here", Optional.empty());
    }
    if (problem instanceof JsonMappingException
        && problem.getCause() instanceof JsonProcessingException
        && !(problem.getCause() instanceof JsonMappingException)) {
      // A reading failure met inside a value: the mapping knows the value's path.
      return unreadable((JsonProcessingException) problem.getCause(), path);
    }
    if (!(problem instanceof JsonMappingException)) {
      Object processor = problem.getProcessor();
      String at =
          processor instanceof JsonParser
              ? pathOfContext(((JsonParser) processor).getParsingContext())
              : "";
      return unreadable(problem, at);
    }
    return new Violation(path, "is not valid JSON here", Optional.empty());
  }

  /**
   * @param problem a failure to read the text
   * @param path the path of the value (or of the object) it was met in
   */
  private static Violation unreadable(JsonProcessingException problem, String path) {
    String message = String.valueOf(problem.getOriginalMessage());
    if (problem instanceof InputCoercionException) {
      return new Violation(
          path,
          "must be a whole number from -2147483648 to 2147483647",
          Optional.ofNullable(textOf((InputCoercionException) problem)).map(Shown::value));
    }
    if (problem instanceof StreamConstraintsException) {
      return new Violation(
          "",
          "is beyond the limits of a request (nesting depth, length of a value)",
          Optional.empty());
    }
    if (message.startsWith("Duplicate field")) {
      String field = message.replaceAll("(?s)^Duplicate field '(.*?)'.*$", "$1");
      return new Violation(
          path.isEmpty() ? field : path + "." + field, "appears more than once", Optional.empty());
    }
    return new Violation(path, "is not valid JSON: " + plain(message), Optional.empty());
  }

  private static String textOf(InputCoercionException range) {
    try {
      return range.getProcessor() == null ? null : range.getProcessor().getText();
    } catch (IOException unreadable) {
      return null;
    }
  }

  /** Parser messages name JSON tokens; some add a Java-facing hint, which is cut off. */
  private static String plain(String message) {
    String first = message.split("\n", 2)[0];
    int hint = first.indexOf(" (for ");
    first = hint < 0 ? first : first.substring(0, hint);
    if (first.contains("`") || first.contains("java.") || first.contains("com.fasterxml")) {
      return "the text cannot be read as JSON";
    }
    return first.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + first.substring(1);
  }

  /** What a value of a type must be, in JSON terms. */
  static String expected(Class<?> type) {
    if (type == String.class || type == CharSequence.class) {
      return "a string";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object whose values are strings";
    }
    return "an object";
  }

  static String expected(JavaType type) {
    if (type.isMapLikeType()) {
      Class<?> values = type.getContentType().getRawClass();
      return values == String.class
          ? "an object whose values are strings"
          : "an object whose values are " + plural(expected(values));
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      return "an array";
    }
    return expected(type.getRawClass());
  }

  private static String plural(String kind) {
    return kind.replaceFirst("^an? ", "") + "s";
  }

  private static String pathOf(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** The path of the object a context stands for, from the root. */
  private static String pathOfContext(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    JsonStreamContext at = context;
    while (at != null && at.getParent() != null && !at.getParent().inRoot()) {
      JsonStreamContext parent = at.getParent();
      if (parent.inArray()) {
        path.insert(0, "[" + parent.getCurrentIndex() + "]");
      } else if (parent.getCurrentName() != null) {
        path.insert(0, "." + parent.getCurrentName());
      }
      at = parent;
    }
    return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
  }
}
