package dev.handoff.adapter.graph.notifications;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.handoff.adapter.graph.wire.CommsNotification;
import dev.handoff.adapter.graph.wire.GraphJson;
import dev.handoff.domain.ValidationException;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.participant.Cloud;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a Graph {@code commsNotifications} callback body into domain events, one or more per item
 * of the {@code value} batch, in order. Stateless and thread-safe; verify the callback's bearer
 * token first ({@link dev.handoff.adapter.graph.auth.GraphNotificationAuthenticator}).
 *
 * <p>Tolerated variations, all seen in Graph's examples or reported payloads: several items in one batch; {@code resourceUrl} or
 * the legacy {@code resource}; {@code resourceData} as an object or an array; nested {@code
 * @odata.type} missing (dispatch falls back to the shape of the URL); {@code subcode} or {@code
 * subCode}; states, statuses and change types in any case; unknown states; unknown members.
 *
 * <p>Mapping, for a call resource ({@code /communications/calls/{id}} or {@code /app/calls/{id}}):
 *
 * <table>
 *   <caption>call notifications</caption>
 *   <tr><th>notification</th><th>events</th></tr>
 *   <tr><td>{@code created}, state {@code incoming}</td><td>{@code IncomingCall}: call id (also
 *       the incoming-call context), caller from {@code source.identity}, callee from the first
 *       target, transferor from {@code incomingContext.transferor}, correlation id from {@code
 *       callChainId}</td></tr>
 *   <tr><td>{@code transferring}</td><td>{@code OperationUpdate(TRANSFER, IN_PROGRESS)}</td></tr>
 *   <tr><td>{@code transferAccepted}</td><td>{@code OperationUpdate(TRANSFER, ACCEPTED)}</td></tr>
 *   <tr><td>{@code established} with an error {@code resultInfo} (500/7000 blind, 500/7700
 *       consultative)</td><td>{@code OperationUpdate(TRANSFER, FAILED)}; the evidence keeps
 *       {@code replacesContext}</td></tr>
 *   <tr><td>{@code established}</td><td>{@code CallLifecycleEvent(CONNECTED)}</td></tr>
 *   <tr><td>{@code terminated} (or {@code deleted}) with {@code resultInfo} 0/7015 or 200/7015,
 *       or {@code terminationReason} {@code AppTransferred}</td><td>{@code
 *       OperationUpdate(TRANSFER, COMPLETED)}, then {@code CallLifecycleEvent(DISCONNECTED)}</td></tr>
 *   <tr><td>{@code terminated} incoming call without {@code resultInfo} or {@code
 *       terminationReason}: how Graph reports the end of a redirect</td><td>{@code
 *       OperationUpdate(REDIRECT, COMPLETED)}, then {@code CallLifecycleEvent(DISCONNECTED)}; the
 *       service reports it unmatched when the call had no redirect</td></tr>
 *   <tr><td>any other {@code terminated} or {@code deleted} call (a hang-up, another code, another
 *       reason)</td><td>{@code CallLifecycleEvent(DISCONNECTED)}, with the failure of an error
 *       {@code resultInfo} (never retryable: the call is gone). The service settles the operations
 *       under way on the call by it ({@code Operation.afterCallChange}): with an error {@code
 *       resultInfo} each fails with it; otherwise a transfer the target accepted completes, a
 *       redirect completes, and a transfer not yet accepted or an invitation becomes UNKNOWN at
 *       once (its own event, if it comes, still settles it)</td></tr>
 *   <tr><td>{@code establishing}, {@code incoming} not {@code created}, {@code hold}, {@code
 *       ringing}, {@code redirecting}, {@code terminating}, no state, unknown states</td>
 *       <td>{@code UnrecognizedEvent}. {@code establishing} means nothing in the domain (the leg is
 *       not connected yet, and it may arrive after {@code established})</td></tr>
 * </table>
 *
 * <p>An operation resource ({@code .../operations/{id}}) of type {@code
 * inviteParticipantsOperation} or {@code commsOperation} (or untyped) becomes {@code
 * OperationUpdate(ADD_PARTICIPANT)}: {@code notStarted}/{@code running} IN_PROGRESS, {@code
 * completed} COMPLETED, {@code failed} FAILED with the {@code resultInfo} failure; correlation =
 * {@code clientContext}, invitation id = the operation's {@code id}, participant = the one invitee.
 * A roster ({@code .../participants}, an array of {@code participant}) becomes {@code
 * CallLifecycleEvent(PARTICIPANTS_UPDATED)} with the participants. Everything else is an {@code
 * UnrecognizedEvent} carrying the item as received: nothing is dropped.
 *
 * <p>Graph's notifications have no id. Each event's id is derived from the item's content ({@code
 * graph:} + SHA-256 of the canonical JSON, plus {@code #role} when one item yields several events),
 * so a redelivered item is recognised. {@code occurredAt} is when the body was parsed, by the
 * injected clock: Graph does not say when a change happened.
 *
 * <p>A body that is not a {@code commsNotifications} object, or an item that is not readable
 * (wrong JSON types, no resource URL, no change type), fails the whole body with {@link
 * MalformedNotificationException} naming the item and the member.
 */
public final class GraphNotificationParser {
  private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");

  private final Clock clock;
  private final CallNotifications calls;
  private final OperationNotifications operations;
  private final RosterNotifications rosters;

  private GraphNotificationParser(Builder builder) {
    this.clock = builder.clock;
    IdentityReader identities = new IdentityReader(builder.cloud);
    this.calls = new CallNotifications(identities);
    this.operations = new OperationNotifications(identities);
    this.rosters = new RosterNotifications(identities);
  }

  /**
   * @return a builder: system UTC clock, public cloud
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param body the callback's body, UTF-8
   * @return the events, in the order of the items
   * @throws MalformedNotificationException when the body cannot be read
   */
  public List<ProviderEvent> parse(byte[] body) {
    return parse(new String(Objects.requireNonNull(body, "body"), StandardCharsets.UTF_8));
  }

  /**
   * @param body the callback's body
   * @return the events, in the order of the items
   * @throws MalformedNotificationException when the body cannot be read
   */
  public List<ProviderEvent> parse(String body) {
    Objects.requireNonNull(body, "body");
    Instant receivedAt = clock.instant();
    JsonValue root = read(body);
    if (!(root instanceof JsonValue.Members)) {
      throw envelope("the body must be a commsNotifications object", null);
    }
    JsonValue value = ((JsonValue.Members) root).get("value");
    if (!(value instanceof JsonValue.Elements)) {
      throw envelope("value is required and must be an array of commsNotification", null);
    }
    JsonValue.Elements items = (JsonValue.Elements) value;
    List<ProviderEvent> events = new ArrayList<>(items.size() + 1);
    Paths paths = new Paths();
    for (int i = 0; i < items.size(); i++) {
      events.addAll(item(i, items.get(i), receivedAt, paths));
    }
    return events;
  }

  /** The resource paths of one batch: its items usually all concern one call. */
  private static final class Paths {
    private String url;
    private ResourcePath path;

    ResourcePath of(String resourceUrl) {
      if (!resourceUrl.equals(url)) {
        url = resourceUrl;
        path = ResourcePath.parse(resourceUrl);
      }
      return path;
    }
  }

  /**
   * The body in one pass over its characters ({@link BodyScanner}), or, when the scanner leaves it
   * to Jackson, in one pass of Jackson's tokenizer, configured as the adapter's mapper; null when
   * it holds no value. Malformed text fails with Jackson's own message, as reading it into
   * Jackson's tree always did; so does content after the value.
   */
  private static JsonValue read(String body) {
    JsonValue scanned = BodyScanner.read(body);
    if (scanned != null) {
      return scanned;
    }
    try (JsonParser parser = GraphJson.mapper().createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      JsonValue root = JsonValue.read(parser, first);
      if (parser.nextToken() != null) {
        // The mapper words the refusal of trailing content; it refuses this body.
        GraphJson.mapper().readTree(body);
        throw new IllegalStateException("the mapper accepted content after the value");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw envelope("the body is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      // The body is in memory: nothing is read from a stream that could fail.
      throw new UncheckedIOException(e);
    }
  }

  private List<ProviderEvent> item(int index, JsonValue value, Instant receivedAt, Paths paths) {
    if (!(value instanceof JsonValue.Members)) {
      throw new MalformedNotificationException(
          OptionalInt.of(index),
          "value[" + index + "] must be a commsNotification object, was " + value.typeName(),
          null);
    }
    JsonValue.Members node = (JsonValue.Members) value;
    String eventId = EventIds.of(node);
    Item probe = new Item(index, node, "", ResourcePath.NONE, null, eventId, receivedAt);
    CommsNotification notification = envelope(probe, node);
    if (notification.changeType() == null || notification.changeType().isBlank()) {
      throw probe.malformed(".changeType", "is required", null);
    }
    String url =
        notification.resourceUrl() != null ? notification.resourceUrl() : notification.resource();
    if (url == null || url.isBlank()) {
      throw probe.malformed(".resourceUrl", "is required (or the legacy resource)", null);
    }
    JsonValue data = node.get("resourceData");
    if (data instanceof JsonValue.Scalar) {
      if (!((JsonValue.Scalar) data).isNull()) {
        throw probe.malformed(
            ".resourceData", "must be an object or an array, was " + data.typeName(), null);
      }
      data = null;
    }
    String change = Item.lower(notification.changeType());
    try {
      return dispatch(
          new Item(
              index,
              node,
              CHANGE_TYPES.contains(change) ? change : notification.changeType(),
              paths.of(url),
              data,
              eventId,
              receivedAt));
    } catch (ValidationException invalid) {
      // A value the domain refuses (an id too long, a malformed number) is a malformed item too.
      throw new MalformedNotificationException(
          OptionalInt.of(index), "value[" + index + "]: " + invalid.getMessage(), invalid);
    }
  }

  /**
   * The item's own members. Read straight when each is text or absent, which is what Graph sends;
   * anything else goes through data binding, which coerces or refuses it exactly as it always has.
   * The resource data is taken from the item itself, never copied.
   */
  private static CommsNotification envelope(Item probe, JsonValue.Members node) {
    JsonValue odataType = node.get("@odata.type");
    JsonValue changeType = node.get("changeType");
    JsonValue resourceUrl = node.get("resourceUrl");
    JsonValue resource = node.get("resource");
    if (isTextOrAbsent(odataType)
        && isTextOrAbsent(changeType)
        && isTextOrAbsent(resourceUrl)
        && isTextOrAbsent(resource)) {
      return new CommsNotification(
          text(odataType), text(changeType), text(resourceUrl), text(resource), null);
    }
    JsonValue.Members envelope = new JsonValue.Members();
    for (int i = 0; i < node.size(); i++) {
      if (!node.name(i).equals("resourceData")) {
        envelope.put(node.name(i), node.value(i));
      }
    }
    return probe.read(envelope, CommsNotification.class, "");
  }

  private static boolean isTextOrAbsent(JsonValue member) {
    return member == null
        || (member instanceof JsonValue.Scalar
            && (((JsonValue.Scalar) member).isString() || ((JsonValue.Scalar) member).isNull()));
  }

  private static String text(JsonValue member) {
    return member == null || ((JsonValue.Scalar) member).isNull()
        ? null
        : ((JsonValue.Scalar) member).text();
  }

  private List<ProviderEvent> dispatch(Item item) {
    if (item.path().callId().isEmpty() || !CHANGE_TYPES.contains(item.changeType())) {
      return List.of(item.unrecognized("microsoft.graph.commsNotification"));
    }
    JsonValue data = item.resourceData();
    if (data instanceof JsonValue.Elements) {
      return rosters.map(item);
    }
    Optional<String> type = Item.odataType(data).map(Item::lower);
    if (type.isPresent()) {
      if (type.get().equals("call")) {
        return calls.map(item);
      }
      if (type.get().equals("participant")) {
        return rosters.map(item);
      }
      if (type.get().endsWith("operation")) {
        return operations.map(item);
      }
      return List.of(item.unrecognized("microsoft.graph." + Item.odataType(data).get()));
    }
    switch (item.path().kind()) {
      case CALL:
        return calls.map(item);
      case OPERATION:
        return operations.map(item);
      case PARTICIPANTS:
        return data == null
            ? List.of(item.unrecognized(RosterNotifications.TYPE + ":" + item.changeType()))
            : rosters.map(item);
      default:
        return List.of(item.unrecognized("microsoft.graph.commsNotification"));
    }
  }

  private static MalformedNotificationException envelope(String reason, Throwable cause) {
    return new MalformedNotificationException(OptionalInt.empty(), reason, cause);
  }

  /** Builds a {@link GraphNotificationParser}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Cloud cloud = Cloud.PUBLIC;

    private Builder() {}

    /**
     * @param value the clock that stamps {@code occurredAt} (receive time)
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * @param value the cloud Teams identities are placed in; Graph identities carry none. Default
     *     {@link Cloud#PUBLIC}
     * @return this builder
     */
    public Builder cloud(Cloud value) {
      cloud = Objects.requireNonNull(value, "cloud");
      return this;
    }

    /**
     * @return the parser
     */
    public GraphNotificationParser build() {
      return new GraphNotificationParser(this);
    }
  }
}
