package dev.handoff.app.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import dev.handoff.domain.Shown;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads request bodies strictly: unknown fields, duplicate keys, wrong types and fractions where
 * whole numbers are expected are violations. Every unknown field is reported, together with every
 * rule the converted command breaks, in one {@link ValidationException}.
 */
@ApplicationScoped
public class JsonBodies {
  private static final String UNKNOWN_FIELDS = "handoff.unknownFields";

  private final ObjectMapper mapper;

  /**
   * @param shared the application's object mapper, copied and made strict
   */
  @Inject
  public JsonBodies(ObjectMapper shared) {
    this.mapper =
        shared
            .copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .addHandler(new CollectUnknownFields());
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
    List<Violation> unknown = new ArrayList<>();
    T request;
    try {
      if (body == null || body.isBlank()) {
        throw new ValidationException(
            type.getSimpleName(),
            List.of(new Violation("", "a JSON body is required", Optional.empty())));
      }
      request = mapper.readerFor(type).withAttribute(UNKNOWN_FIELDS, unknown).readValue(body);
    } catch (JsonProcessingException malformed) {
      List<Violation> found = new ArrayList<>(unknown);
      found.add(violationOf(malformed));
      throw new ValidationException(type.getSimpleName(), found);
    }
    try {
      C command = conversion.apply(request);
      if (!unknown.isEmpty()) {
        throw new ValidationException(type.getSimpleName(), unknown);
      }
      return command;
    } catch (ValidationException invalid) {
      List<Violation> found = new ArrayList<>(unknown);
      found.addAll(invalid.violations());
      throw new ValidationException(type.getSimpleName(), found);
    }
  }

  private static Violation violationOf(JsonProcessingException problem) {
    String path =
        problem instanceof JsonMappingException
            ? pathOf(((JsonMappingException) problem).getPath())
            : "";
    String rule = problem.getOriginalMessage();
    int details = rule.indexOf('\n');
    return new Violation(
        path,
        "is not valid JSON here: " + (details < 0 ? rule : rule.substring(0, details)),
        Optional.empty());
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

  private static String pathOf(JsonStreamContext context, String field) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext at = context.getParent();
        at != null && !at.inRoot();
        at = at.getParent()) {
      if (at.inArray()) {
        parts.add(0, "[" + at.getCurrentIndex() + "]");
      } else if (at.getCurrentName() != null) {
        parts.add(0, "." + at.getCurrentName());
      }
    }
    String prefix = String.join("", parts);
    prefix = prefix.startsWith(".") ? prefix.substring(1) : prefix;
    return prefix.isEmpty() ? field : prefix + "." + field;
  }

  /** Records an unknown field and skips its value, so that reading goes on to find the rest. */
  private static final class CollectUnknownFields extends DeserializationProblemHandler {
    @Override
    @SuppressWarnings("unchecked")
    public boolean handleUnknownProperty(
        DeserializationContext context,
        JsonParser parser,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      Object sink = context.getAttribute(UNKNOWN_FIELDS);
      if (!(sink instanceof List)) {
        return false;
      }
      ((List<Violation>) sink)
          .add(
              new Violation(
                  pathOf(parser.getParsingContext(), propertyName),
                  "is not a known field",
                  Optional.of(Shown.value(propertyName))));
      parser.skipChildren();
      return true;
    }
  }
}
