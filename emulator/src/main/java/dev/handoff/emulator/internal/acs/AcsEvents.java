package dev.handoff.emulator.internal.acs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.internal.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Builds ACS callback events: CloudEvents 1.0 in a JSON array, {@code source} = {@code subject} =
 * {@code calling/callConnections/<id>}, {@code time} with seven fractional digits and {@code
 * +00:00}, and {@code data} carrying the undocumented {@code version} and {@code publicEventType}.
 */
final class AcsEvents {

  static final String PREFIX = "Microsoft.Communication.";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx").withZone(ZoneOffset.UTC);

  private AcsEvents() {}

  /** A result as {@code resultInformation} carries it. */
  record Result(int code, int subCode, String message) {
    ObjectNode toJson() {
      ObjectNode node = Json.object();
      node.put("code", code).put("subCode", subCode).put("message", message);
      return node;
    }
  }

  /** The common data of a mid-call event; the caller adds the event-specific fields. */
  static ObjectNode data(AcsCallConnection call, String operationContext, Result result) {
    ObjectNode data = Json.object();
    data.put("callConnectionId", call.callConnectionId);
    data.put("serverCallId", call.serverCallId);
    data.put("correlationId", call.correlationId);
    if (operationContext != null) {
      data.put("operationContext", operationContext);
    }
    if (result != null) {
      data.set("resultInformation", result.toJson());
    }
    return data;
  }

  /** Wraps one event's data into the CloudEvents array that is posted. */
  static ArrayNode envelope(
      AcsCallConnection call, String type, ObjectNode data, String id, Instant time) {
    data.put("version", call.apiVersion);
    data.put("publicEventType", PREFIX + type);
    String source = "calling/callConnections/" + call.callConnectionId;
    ObjectNode event = Json.object();
    event.put("id", id);
    event.put("source", source);
    event.put("type", PREFIX + type);
    event.set("data", data);
    event.put("time", TIME.format(time));
    event.put("specversion", "1.0");
    event.put("datacontenttype", "application/json");
    event.put("subject", source);
    ArrayNode array = Json.array();
    array.add(event);
    return array;
  }

  /** The {@code participants} of {@code ParticipantsUpdated}. */
  static ArrayNode participants(List<AcsIdentifier> participants) {
    ArrayNode array = Json.array();
    for (AcsIdentifier participant : participants) {
      ObjectNode p = array.addObject();
      p.set("identifier", participant.toJson());
      p.put("isMuted", false);
      p.put("isOnHold", false);
    }
    return array;
  }

  /** The result message pattern the service uses: action, participant, reason and DiagCode. */
  static String failureMessage(
      String action, AcsIdentifier participant, String reason, int code, int subCode) {
    return action
        + " failed for participant "
        + participant.rawId()
        + ". Underlying reason: "
        + reason
        + ". DiagCode: "
        + code
        + "#"
        + subCode
        + ".@";
  }
}
