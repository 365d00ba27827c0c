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

  /** One pass over the members: a call carries many that are not read. */
  private static CallResource call(JsonValue.Members call) {
    String odataType = null;
    String id = null;
    String state = null;
    String direction = null;
    String callChainId = null;
    String tenantId = null;
    ResultInfo resultInfo = null;
    String terminationReason = null;
    String replacesContext = null;
    ParticipantInfo source = null;
    List<InvitationParticipantInfo> targets = null;
    IncomingContext incomingContext = null;
    for (int i = 0; i < call.size(); i++) {
      JsonValue value = call.value(i);
      switch (call.name(i)) {
        case "@odata.type":
          odataType = text(value);
          break;
        case "id":
          id = text(value);
          break;
        case "state":
          state = text(value);
          break;
        case "direction":
          direction = text(value);
          break;
        case "callChainId":
          callChainId = text(value);
          break;
        case "tenantId":
          tenantId = text(value);
          break;
        case "resultInfo":
          resultInfo = object(value, WireReader::resultInfo);
          break;
        case "terminationReason":
          terminationReason = text(value);
          break;
        case "replacesContext":
          replacesContext = text(value);
          break;
        case "source":
          source = object(value, WireReader::participantInfo);
          break;
        case "targets":
          targets = list(value, WireReader::invitationParticipantInfo);
          break;
        case "incomingContext":
          incomingContext = object(value, WireReader::incomingContext);
          break;
        default:
          break;
      }
    }
    return new CallResource(
        odataType,
        id,
        state,
        direction,
        callChainId,
        tenantId,
        resultInfo,
        terminationReason,
        replacesContext,
        source,
        targets,
        incomingContext);
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
    String odataType = null;
    GraphIdentity[] identities = new GraphIdentity[IDENTITY_KINDS.size()];
    for (int i = 0; i < set.size(); i++) {
      String name = set.name(i);
      if (name.equals("@odata.type")) {
        odataType = text(set.value(i));
      } else {
        int kind = IDENTITY_KINDS.indexOf(name);
        if (kind >= 0) {
          identities[kind] = object(set.value(i), WireReader::identity);
        }
      }
    }
    return new GraphIdentitySet(
        odataType,
        identities[0],
        identities[1],
        identities[2],
        identities[3],
        identities[4],
        identities[5],
        identities[6],
        identities[7],
        identities[8]);
  }

  /** The identity members of an identity set, in the order of its record's components. */
  private static final List<String> IDENTITY_KINDS =
      List.of(
          "user",
          "application",
          "applicationInstance",
          "phone",
          "azureCommunicationServicesUser",
          "guest",
          "encrypted",
          "onPremises",
          "device");

  private static GraphIdentity identity(JsonValue.Members identity) {
    String odataType = null;
    String id = null;
    String displayName = null;
    String tenantId = null;
    String acsResourceId = null;
    for (int i = 0; i < identity.size(); i++) {
      JsonValue value = identity.value(i);
      switch (identity.name(i)) {
        case "@odata.type":
          odataType = text(value);
          break;
        case "id":
          id = text(value);
          break;
        case "displayName":
          displayName = text(value);
          break;
        case "tenantId":
          tenantId = text(value);
          break;
        case "azureCommunicationServicesResourceId":
          acsResourceId = text(value);
          break;
        default:
          break;
      }
    }
    return new GraphIdentity(odataType, id, displayName, tenantId, acsResourceId);
  }

  /** Text, or an integer's digits; null when absent or null. */
  private static String text(JsonValue.Members object, String name) {
    return text(object.get(name));
  }

  private static String text(JsonValue value) {
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
    return object(object.get(name), reader);
  }

  private static <T> T object(JsonValue value, Function<JsonValue.Members, T> reader) {
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
    return list(object.get(name), reader);
  }

  private static <T> List<T> list(JsonValue value, Function<JsonValue.Members, T> reader) {
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
