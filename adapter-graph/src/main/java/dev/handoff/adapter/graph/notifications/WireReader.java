package dev.handoff.adapter.graph.notifications;

import dev.handoff.adapter.graph.wire.CallResource;
import dev.handoff.adapter.graph.wire.CommsOperationResource;
import dev.handoff.adapter.graph.wire.GraphIdentity;
import dev.handoff.adapter.graph.wire.GraphIdentitySet;
import dev.handoff.adapter.graph.wire.IncomingContext;
import dev.handoff.adapter.graph.wire.InvitationParticipantInfo;
import dev.handoff.adapter.graph.wire.ParticipantInfo;
import dev.handoff.adapter.graph.wire.ParticipantResource;
import dev.handoff.adapter.graph.wire.ResultInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Resource data to the adapter's wire records, read by hand where the data has the shape Graph
 * sends: text members as text (an integer as its digits, as data binding coerces it), nested
 * objects as objects, lists as arrays of objects, null or absent as null, other members ignored.
 * Any other shape (a number where text is expected, text where an object is, ...) is handed to
 * Jackson's data binding of the whole part instead, so it is coerced or refused, with the same
 * message, exactly as before the parser read the usual shapes itself.
 */
final class WireReader {
  private WireReader() {}

  /** A part this reader leaves to data binding; thrown without a stack trace, caught here. */
  private static final class Unusual extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unusual() {
      super(null, null, false, false);
    }
  }

  private static final Unusual UNUSUAL = new Unusual();

  static CallResource call(Item item, JsonValue data, String where) {
    return read(item, data, where, CallResource.class, WireReader::call);
  }

  static CommsOperationResource operation(Item item, JsonValue data, String where) {
    return read(item, data, where, CommsOperationResource.class, WireReader::operation);
  }

  static ParticipantResource participant(Item item, JsonValue data, String where) {
    return read(item, data, where, ParticipantResource.class, WireReader::participant);
  }

  private static <T> T read(
      Item item,
      JsonValue data,
      String where,
      Class<T> type,
      Function<JsonValue.Members, T> byHand) {
    if (data instanceof JsonValue.Members) {
      try {
        return byHand.apply((JsonValue.Members) data);
      } catch (Unusual unusual) {
        // falls through to data binding
      }
    }
    return item.read(data, type, where);
  }

  private static CallResource call(JsonValue.Members call) {
    return new CallResource(
        text(call, "@odata.type"),
        text(call, "id"),
        text(call, "state"),
        text(call, "direction"),
        text(call, "callChainId"),
        text(call, "tenantId"),
        object(call, "resultInfo", WireReader::resultInfo),
        text(call, "terminationReason"),
        text(call, "replacesContext"),
        object(call, "source", WireReader::participantInfo),
        list(call, "targets", WireReader::invitationParticipantInfo),
        object(call, "incomingContext", WireReader::incomingContext));
  }

  private static CommsOperationResource operation(JsonValue.Members operation) {
    return new CommsOperationResource(
        text(operation, "@odata.type"),
        text(operation, "id"),
        text(operation, "status"),
        text(operation, "clientContext"),
        object(operation, "resultInfo", WireReader::resultInfo),
        list(operation, "participants", WireReader::invitationParticipantInfo));
  }

  private static ParticipantResource participant(JsonValue.Members participant) {
    return new ParticipantResource(
        text(participant, "@odata.type"),
        text(participant, "id"),
        object(participant, "info", WireReader::participantInfo));
  }

  private static ResultInfo resultInfo(JsonValue.Members info) {
    return new ResultInfo(
        text(info, "code"), text(info, "subcode"), text(info, "subCode"), text(info, "message"));
  }

  private static ParticipantInfo participantInfo(JsonValue.Members info) {
    return new ParticipantInfo(
        object(info, "identity", WireReader::identitySet), text(info, "participantId"));
  }

  private static InvitationParticipantInfo invitationParticipantInfo(JsonValue.Members info) {
    return new InvitationParticipantInfo(
        object(info, "identity", WireReader::identitySet), text(info, "replacesCallId"));
  }

  private static IncomingContext incomingContext(JsonValue.Members context) {
    return new IncomingContext(
        text(context, "sourceParticipantId"),
        text(context, "observedParticipantId"),
        object(context, "onBehalfOf", WireReader::identitySet),
        object(context, "transferor", WireReader::identitySet));
  }

  private static GraphIdentitySet identitySet(JsonValue.Members set) {
    return new GraphIdentitySet(
        text(set, "@odata.type"),
        object(set, "user", WireReader::identity),
        object(set, "application", WireReader::identity),
        object(set, "applicationInstance", WireReader::identity),
        object(set, "phone", WireReader::identity),
        object(set, "azureCommunicationServicesUser", WireReader::identity),
        object(set, "guest", WireReader::identity),
        object(set, "encrypted", WireReader::identity),
        object(set, "onPremises", WireReader::identity),
        object(set, "device", WireReader::identity));
  }

  private static GraphIdentity identity(JsonValue.Members identity) {
    return new GraphIdentity(
        text(identity, "@odata.type"),
        text(identity, "id"),
        text(identity, "displayName"),
        text(identity, "tenantId"),
        text(identity, "azureCommunicationServicesResourceId"));
  }

  /** Text, or an integer's digits; null when absent or null. */
  private static String text(JsonValue.Members object, String name) {
    JsonValue value = object.get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonValue.Scalar) {
      JsonValue.Scalar scalar = (JsonValue.Scalar) value;
      switch (scalar.kind()) {
        case STRING:
        case INT:
        case LONG:
        case BIG_INTEGER:
          return scalar.text();
        case NULL:
          return null;
        default:
          throw UNUSUAL;
      }
    }
    throw UNUSUAL;
  }

  private static <T> T object(
      JsonValue.Members object, String name, Function<JsonValue.Members, T> reader) {
    JsonValue value = object.get(name);
    if (value == null || isNull(value)) {
      return null;
    }
    if (value instanceof JsonValue.Members) {
      return reader.apply((JsonValue.Members) value);
    }
    throw UNUSUAL;
  }

  private static <T> List<T> list(
      JsonValue.Members object, String name, Function<JsonValue.Members, T> reader) {
    JsonValue value = object.get(name);
    if (value == null || isNull(value)) {
      return null;
    }
    if (!(value instanceof JsonValue.Elements)) {
      throw UNUSUAL;
    }
    JsonValue.Elements array = (JsonValue.Elements) value;
    List<T> list = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonValue element = array.get(i);
      if (isNull(element)) {
        list.add(null);
      } else if (element instanceof JsonValue.Members) {
        list.add(reader.apply((JsonValue.Members) element));
      } else {
        throw UNUSUAL;
      }
    }
    return list;
  }

  private static boolean isNull(JsonValue value) {
    return value instanceof JsonValue.Scalar && ((JsonValue.Scalar) value).isNull();
  }
}
