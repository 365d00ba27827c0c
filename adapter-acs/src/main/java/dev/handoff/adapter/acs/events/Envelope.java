package dev.handoff.adapter.acs.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The envelope of one delivered event, in either schema: CloudEvents 1.0 ({@code id}, {@code type},
 * {@code source}, {@code data}, optional {@code time}, {@code subject}, {@code specversion}) or
 * EventGridEvent ({@code id}, {@code eventType}, {@code eventTime}, {@code data}, optional {@code
 * subject}, {@code topic}). An element with {@code eventType} and no {@code type} is read as an
 * EventGridEvent.
 *
 * @param index the event's index in the delivery
 * @param id the event id
 * @param type the event type as sent
 * @param name the type without the {@code Microsoft.Communication.} prefix
 * @param source the CloudEvents source, or the Event Grid topic or subject
 * @param subject the subject, when given
 * @param time when the event happened, when given
 * @param data the data object
 * @param raw the whole event as received
 */
record Envelope(
    int index,
    String id,
    String type,
    String name,
    String source,
    Optional<String> subject,
    Optional<Instant> time,
    JsonNode data,
    JsonNode raw) {

  /** The prefix of ACS event types. */
  static final String TYPE_PREFIX = "Microsoft.Communication.";

  private static final Pattern CALL_CONNECTION = Pattern.compile("callConnections/([^/?#]+)");

  static Envelope read(JsonNode event, int index) {
    if (event.has("eventType") && !event.has("type")) {
      String type = text(event, "eventType", index);
      String id = text(event, "id", index);
      Instant time =
          time(event, "eventTime", index)
              .orElseThrow(() -> MalformedEventException.ofEvent(index, "is missing 'eventTime'"));
      Optional<String> subject = descriptive(event, "subject", index);
      Optional<String> topic = descriptive(event, "topic", index);
      return new Envelope(
          index,
          id,
          type,
          name(type),
          topic.or(() -> subject).orElse(""),
          subject,
          Optional.of(time),
          data(event, index),
          event);
    }
    String id = text(event, "id", index);
    String type = text(event, "type", index);
    String source = text(event, "source", index);
    Optional<String> specVersion = optionalText(event, "specversion", index);
    if (specVersion.isPresent() && !specVersion.get().startsWith("1.")) {
      throw MalformedEventException.ofEvent(
          index, "'specversion' must be 1.x (CloudEvents 1.0), got '" + specVersion.get() + "'");
    }
    return new Envelope(
        index,
        id,
        type,
        name(type),
        source,
        descriptive(event, "subject", index),
        time(event, "time", index),
        data(event, index),
        event);
  }

  /**
   * @return the call connection the source or subject names ({@code calling/callConnections/{id}},
   *     with or without a trailing event name)
   */
  Optional<String> callConnectionFromSource() {
    for (String where : new String[] {source, subject.orElse("")}) {
      Matcher m = CALL_CONNECTION.matcher(where);
      if (m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  private static String name(String type) {
    return type.regionMatches(true, 0, TYPE_PREFIX, 0, TYPE_PREFIX.length())
        ? type.substring(TYPE_PREFIX.length())
        : type;
  }

  /**
   * @param name an event name without prefix, e.g. {@code CallConnected}
   * @return whether this event has that name, ignoring case
   */
  boolean is(String name) {
    return this.name.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
  }

  private static JsonNode data(JsonNode event, int index) {
    JsonNode data = event.get("data");
    if (data == null || data.isNull()) {
      throw MalformedEventException.ofEvent(index, "is missing 'data'");
    }
    if (!data.isObject()) {
      throw MalformedEventException.ofEvent(
          index, "'data' must be a JSON object, got " + kind(data));
    }
    return data;
  }

  private static String text(JsonNode event, String field, int index) {
    return optionalText(event, field, index)
        .orElseThrow(() -> MalformedEventException.ofEvent(index, "is missing '" + field + "'"));
  }

  private static Optional<String> optionalText(JsonNode event, String field, int index) {
    JsonNode value = event.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw MalformedEventException.ofEvent(
          index, "'" + field + "' must be a string, got " + kind(value));
    }
    if (value.asText().isBlank()) {
      throw MalformedEventException.ofEvent(index, "'" + field + "' must not be blank");
    }
    return Optional.of(value.asText());
  }

  /**
   * A field that only describes the event, where an empty string means "none": Event Grid sends
   * {@code "subject": ""} on its subscription validation event.
   */
  private static Optional<String> descriptive(JsonNode event, String field, int index) {
    JsonNode value = event.get(field);
    if (value != null && value.isTextual() && value.asText().isEmpty()) {
      return Optional.empty();
    }
    return optionalText(event, field, index);
  }

  private static Optional<Instant> time(JsonNode event, String field, int index) {
    return optionalText(event, field, index)
        .map(
            text -> {
              try {
                return OffsetDateTime.parse(text).toInstant();
              } catch (DateTimeParseException e) {
                throw MalformedEventException.ofEvent(
                    index, "'" + field + "' must be an RFC 3339 timestamp, got '" + text + "'");
              }
            });
  }

  static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
