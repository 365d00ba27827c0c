package dev.handoff.adapter.graph.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.handoff.adapter.graph.GraphProvider;
import dev.handoff.adapter.graph.wire.GraphJson;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.UnrecognizedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * One notification of a batch, as the mappers see it.
 *
 * @param index its index in {@code value}
 * @param node the item as received
 * @param changeType {@code created}, {@code updated}, {@code deleted} (lower case) or another value
 *     as received
 * @param path what its resource URL points at
 * @param resourceData its resource data, null when absent or JSON null
 * @param eventId the id derived from its content
 * @param receivedAt when the batch was received
 */
record Item(
    int index,
    JsonValue.Members node,
    String changeType,
    ResourcePath path,
    JsonValue resourceData,
    String eventId,
    Instant receivedAt) {

  boolean is(String change) {
    return change.equals(changeType);
  }

  String callId() {
    return path.callId().orElseThrow();
  }

  /**
   * @param role empty for the item's only event; a suffix such as {@code redirect} when the item
   *     yields several events, so that each has its own id
   * @param type the event's type
   */
  EventMeta meta(String role, String type) {
    return new EventMeta(
        GraphProvider.ID, role.isEmpty() ? eventId : eventId + "#" + role, type, receivedAt);
  }

  UnrecognizedEvent unrecognized(String type) {
    return new UnrecognizedEvent(meta("", type), path.callId(), node.toString());
  }

  /**
   * Binds resource data (or a part of it) to a wire type with Jackson, as Jackson's tree of it,
   * naming the member on failure: the way every part was read before the parser read the usual
   * shapes by hand ({@link WireReader}), and still the way for any other.
   */
  <T> T read(JsonValue data, Class<T> type, String where) {
    try {
      return READERS.get(type).readValue(data.toJackson());
    } catch (JsonMappingException e) {
      throw malformed(where + pathOf(e), e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw malformed(where, e.getOriginalMessage(), e);
    } catch (IOException e) {
      // A tree is in memory: nothing is read from a stream that could fail.
      throw new UncheckedIOException(e);
    }
  }

  /** One reader per wire type, so that each read skips the type and deserializer look-ups. */
  private static final ClassValue<ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return GraphJson.mapper().readerFor(type);
        }
      };

  /** Runs a domain construction, reporting its violations against this item. */
  <T> T build(String where, Supplier<T> construction) {
    try {
      return construction.get();
    } catch (ValidationException e) {
      throw malformed(where, e.getMessage(), e);
    }
  }

  MalformedNotificationException malformed(String where, String why, Throwable cause) {
    return new MalformedNotificationException(
        OptionalInt.of(index), "value[" + index + "]" + where + ": " + why, cause);
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        out.append('.').append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** The {@code @odata.type} of a node without {@code #} and {@code microsoft.graph.}. */
  static Optional<String> odataType(JsonValue data) {
    if (!(data instanceof JsonValue.Members)) {
      return Optional.empty();
    }
    JsonValue type = ((JsonValue.Members) data).get("@odata.type");
    if (!(type instanceof JsonValue.Scalar)
        || !((JsonValue.Scalar) type).isString()
        || ((JsonValue.Scalar) type).text().isBlank()) {
      return Optional.empty();
    }
    String text = ((JsonValue.Scalar) type).text().trim();
    int from = text.startsWith("#") ? 1 : 0;
    if (text.startsWith(GRAPH_NAMESPACE, from)) {
      from += GRAPH_NAMESPACE.length();
    }
    return Optional.of(text.substring(from));
  }

  private static final String GRAPH_NAMESPACE = "microsoft.graph.";

  /**
   * @return the value trimmed and in lower case; empty for null
   */
  static String lower(String value) {
    if (value == null) {
      return "";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || (c >= 'A' && c <= 'Z') || c >= 0x80) {
        return value.trim().toLowerCase(Locale.ROOT);
      }
    }
    return value; // what Graph usually sends: nothing to trim or to lower
  }
}
