package dev.handoff.adapter.acs.events;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.handoff.adapter.acs.AcsProvider;
import dev.handoff.adapter.acs.mapping.WireFormatException;
import dev.handoff.adapter.acs.wire.AcsJson;
import dev.handoff.adapter.acs.wire.SubscriptionValidationEventData;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.event.UnrecognizedEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses what ACS and Event Grid deliver to an application's endpoints into Handoff provider
 * events. Usable from any web framework: hand it the request body.
 *
 * <p>A delivery is a JSON array of events or a single event object, in the CloudEvents 1.0 schema
 * (Call Automation callbacks; Event Grid subscriptions with the CloudEvents schema) or the
 * EventGridEvent schema (Event Grid's default). Mapping:
 *
 * <table>
 *   <caption>Event types (with or without the {@code Microsoft.Communication.} prefix, any case)
 *   </caption>
 *   <tr><th>type</th><th>event</th></tr>
 *   <tr><td>CallTransferAccepted</td><td>{@code OperationUpdate} TRANSFER COMPLETED (ACS's final
 *       success event for a transfer; a 1:1 call then gets CallDisconnected); the participant is
 *       the transfer target</td></tr>
 *   <tr><td>CallTransferFailed</td><td>TRANSFER FAILED</td></tr>
 *   <tr><td>AddParticipantSucceeded</td><td>ADD_PARTICIPANT COMPLETED, with the participant</td></tr>
 *   <tr><td>AddParticipantFailed</td><td>ADD_PARTICIPANT FAILED, or CANCELLED when the result
 *       says the invitation was cancelled (e.g. 487/5234)</td></tr>
 *   <tr><td>CancelAddParticipantSucceeded</td><td>CANCEL_ADD_PARTICIPANT COMPLETED, with the
 *       invitation id</td></tr>
 *   <tr><td>CancelAddParticipantFailed</td><td>CANCEL_ADD_PARTICIPANT FAILED</td></tr>
 *   <tr><td>CallConnected, CallDisconnected, ParticipantsUpdated</td><td>{@code
 *       CallLifecycleEvent}</td></tr>
 *   <tr><td>IncomingCall</td><td>{@code IncomingCall}: call id = serverCallId</td></tr>
 *   <tr><td>Microsoft.EventGrid.SubscriptionValidationEvent</td><td>{@link
 *       AcsDelivery.SubscriptionValidation} (must be delivered alone)</td></tr>
 *   <tr><td>anything else</td><td>{@code UnrecognizedEvent}, never dropped</td></tr>
 * </table>
 *
 * <p>Every event's meta has the event's {@code id} and {@code type} as sent and {@code time} (or,
 * when absent, the time of parsing). Updates correlate by {@code data.operationContext}; the call
 * id is {@code data.callConnectionId}, or the id in {@code source} ({@code
 * calling/callConnections/{id}}, also the 2022 shape with a trailing event name). {@code
 * resultInformation} maps to a failure per {@link EventResultTable}, with every raw value kept as
 * evidence.
 *
 * <p>Unlike the Azure SDK's parser, which returns an empty list for a bad delivery, a malformed
 * delivery or event throws {@link MalformedEventException} naming the event's index and the reason.
 * Thread-safe.
 */
public final class AcsEventParser {
  /** The Event Grid type of the subscription validation handshake. */
  public static final String SUBSCRIPTION_VALIDATION =
      "Microsoft.EventGrid.SubscriptionValidationEvent";

  private final Clock clock;

  private AcsEventParser(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @return a parser that stamps events without a time with the system clock
   */
  public static AcsEventParser create() {
    return new AcsEventParser(Clock.systemUTC());
  }

  /**
   * @param clock the clock for events that carry no time
   * @return a parser
   */
  public static AcsEventParser create(Clock clock) {
    return new AcsEventParser(clock);
  }

  /**
   * @param body the request body, UTF-8
   * @return what the delivery holds
   * @throws MalformedEventException when the delivery or one of its events is malformed
   */
  public AcsDelivery parse(byte[] body) {
    Objects.requireNonNull(body, "body");
    return parse(new String(body, StandardCharsets.UTF_8));
  }

  /**
   * @param body the request body
   * @return what the delivery holds
   * @throws MalformedEventException when the delivery or one of its events is malformed
   */
  public AcsDelivery parse(String body) {
    Objects.requireNonNull(body, "body");
    List<JsonNode> elements = elements(body);
    List<ProviderEvent> events = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      JsonNode element = elements.get(i);
      if (!element.isObject()) {
        throw MalformedEventException.ofEvent(
            i, "must be a JSON object, got " + Envelope.kind(element));
      }
      Envelope envelope = Envelope.read(element, i);
      if (envelope.type().equalsIgnoreCase(SUBSCRIPTION_VALIDATION)) {
        if (elements.size() != 1) {
          throw MalformedEventException.ofEvent(
              i,
              "a subscription validation event must be delivered alone, this delivery holds "
                  + elements.size()
                  + " events");
        }
        return validation(envelope);
      }
      events.add(event(envelope));
    }
    return new AcsDelivery.Events(events);
  }

  /**
   * Parses a delivery that must hold events, e.g. a Call Automation callback.
   *
   * @param body the request body
   * @return the events
   * @throws MalformedEventException when the delivery is malformed or is a validation handshake
   */
  public List<ProviderEvent> parseEvents(String body) {
    AcsDelivery delivery = parse(body);
    if (delivery instanceof AcsDelivery.Events) {
      return ((AcsDelivery.Events) delivery).events();
    }
    throw MalformedEventException.ofEvent(
        0, "is an Event Grid subscription validation handshake, not an event");
  }

  private static List<JsonNode> elements(String body) {
    JsonNode root;
    try {
      root = AcsJson.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw MalformedEventException.ofDelivery("is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw MalformedEventException.ofDelivery("is empty");
    }
    if (root.isObject()) {
      return List.of(root);
    }
    if (root.isArray()) {
      List<JsonNode> elements = new ArrayList<>(root.size());
      root.forEach(elements::add);
      return elements;
    }
    throw MalformedEventException.ofDelivery(
        "must be a JSON array of events or a single event object, got " + Envelope.kind(root));
  }

  private ProviderEvent event(Envelope envelope) {
    EventMeta meta = meta(envelope);
    try {
      Optional<ProviderEvent> known =
          envelope.is("IncomingCall")
              ? Optional.of(IncomingCalls.map(envelope, meta))
              : MidCallEvents.map(envelope, meta).or(() -> ActionEvents.map(envelope, meta));
      return known.orElseGet(() -> unrecognized(envelope, meta));
    } catch (WireFormatException e) {
      throw MalformedEventException.ofEvent(envelope.index(), e.getMessage());
    } catch (ValidationException e) {
      throw MalformedEventException.ofEvent(
          envelope.index(), "does not make a valid " + envelope.name() + ": " + e.getMessage());
    }
  }

  private EventMeta meta(Envelope envelope) {
    try {
      return new EventMeta(
          AcsProvider.ID,
          envelope.id(),
          envelope.type(),
          envelope.time().orElseGet(clock::instant));
    } catch (ValidationException e) {
      throw MalformedEventException.ofEvent(envelope.index(), e.getMessage());
    }
  }

  private static ProviderEvent unrecognized(Envelope envelope, EventMeta meta) {
    JsonNode callConnectionId = envelope.data().get("callConnectionId");
    Optional<String> callId =
        callConnectionId != null
                && callConnectionId.isTextual()
                && !callConnectionId.asText().isBlank()
            ? Optional.of(callConnectionId.asText())
            : envelope.callConnectionFromSource();
    return new UnrecognizedEvent(meta, callId, envelope.raw().toString());
  }

  private static AcsDelivery validation(Envelope envelope) {
    SubscriptionValidationEventData data = data(envelope, SubscriptionValidationEventData.class);
    if (data.validationCode() == null || data.validationCode().isBlank()) {
      throw MalformedEventException.ofEvent(envelope.index(), "data.validationCode is missing");
    }
    Optional<URI> url = Optional.empty();
    if (data.validationUrl() != null) {
      try {
        url = Optional.of(URI.create(data.validationUrl()));
      } catch (IllegalArgumentException e) {
        throw MalformedEventException.ofEvent(
            envelope.index(), "data.validationUrl is not a URL: " + data.validationUrl());
      }
    }
    return new AcsDelivery.SubscriptionValidation(data.validationCode(), url);
  }

  /**
   * Reads an event's data into its wire type, strict about value types.
   *
   * @param envelope the event
   * @param type the wire type
   * @param <T> the wire type
   * @return the data
   */
  static <T> T data(Envelope envelope, Class<T> type) {
    try {
      return AcsJson.mapper().treeToValue(envelope.data(), type);
    } catch (MismatchedInputException e) {
      JsonNode actual = envelope.data().at(pointer(e));
      throw MalformedEventException.ofEvent(
          envelope.index(),
          "data"
              + path(e)
              + ": must be "
              + expected(e.getTargetType())
              + ", got "
              + Envelope.kind(actual)
              + (actual.isValueNode() ? " " + actual : ""));
    } catch (JsonMappingException e) {
      throw MalformedEventException.ofEvent(
          envelope.index(), "data" + path(e) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw MalformedEventException.ofEvent(envelope.index(), "data: " + e.getMessage());
    }
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }

  private static JsonPointer pointer(JsonMappingException e) {
    JsonPointer pointer = JsonPointer.empty();
    for (JsonMappingException.Reference reference : e.getPath()) {
      pointer =
          reference.getFieldName() != null
              ? pointer.appendProperty(reference.getFieldName())
              : pointer.appendIndex(reference.getIndex());
    }
    return pointer;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append('.').append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
