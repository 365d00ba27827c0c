package dev.handoff.emulator.internal.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.json.SwaggerSchemas;
import dev.handoff.emulator.internal.json.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a callback the emulator sends must look like, checked before it is sent.
 *
 * <ul>
 *   <li>ACS mid-call events: a CloudEvents 1.0 array; each event's {@code type} names an event
 *       definition of the ACS Call Automation spec, and its {@code data} validates against that
 *       definition, the two members the service adds undocumented ({@code version}, {@code
 *       publicEventType}) aside.
 *   <li>Event Grid: an EventGridEvent array; an {@code IncomingCall}'s data validates against the
 *       spec's {@code IncomingCall}; the subscription handshake carries {@code validationCode} and
 *       {@code validationUrl}.
 *   <li>Graph: the shapes of Graph's published notification examples: a {@code commsNotifications}
 *       envelope of {@code commsNotification} items, {@code changeType} created, updated or
 *       deleted, a call, roster or operation {@code resourceUrl}, and resource data of the matching
 *       type: a call with a documented state and only documented call members, an array of
 *       participants, or an invite, hold music or prompt operation with status completed or failed;
 *       every {@code resultInfo} has a numeric code and subcode and a message.
 * </ul>
 */
public final class CallbackContract {
  private static final String ACS_PREFIX = "Microsoft.Communication.";
  private static final Set<String> UNDOCUMENTED_ACS_DATA = Set.of("version", "publicEventType");
  private static final Set<String> CLOUD_EVENT =
      Set.of("id", "source", "type", "data", "time", "specversion", "datacontenttype", "subject");
  private static final Set<String> EVENT_GRID_EVENT =
      Set.of(
          "id",
          "topic",
          "subject",
          "data",
          "eventType",
          "eventTime",
          "metadataVersion",
          "dataVersion");
  private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");
  private static final Set<String> CALL_STATES =
      Set.of(
          "incoming",
          "establishing",
          "established",
          "hold",
          "transferring",
          "transferAccepted",
          "redirecting",
          "terminating",
          "terminated");

  /** The members of a Graph {@code call} in notifications: the resource's, and the docs' extras. */
  private static final Set<String> CALL_MEMBERS =
      Set.of(
          "@odata.type",
          "@odata.id",
          "@odata.etag",
          "id",
          "state",
          "direction",
          "callbackUri",
          "callChainId",
          "callRoutes",
          "chatInfo",
          "incomingContext",
          "mediaConfig",
          "mediaState",
          "meetingInfo",
          "myParticipantId",
          "requestedModalities",
          "resultInfo",
          "source",
          "subject",
          "targets",
          "tenantId",
          "answeredBy",
          "terminationReason",
          "replacesContext");

  private static final Set<String> OPERATION_MEMBERS =
      Set.of("@odata.type", "id", "status", "clientContext", "resultInfo", "participants");

  /**
   * The operations whose end Graph notifies: an invitation, and a warm handoff's hold music and
   * prompts.
   */
  private static final Set<String> OPERATION_TYPES =
      Set.of(
          "#microsoft.graph.inviteParticipantsOperation",
          "#microsoft.graph.startHoldMusicOperation",
          "#microsoft.graph.stopHoldMusicOperation",
          "#microsoft.graph.playPromptOperation");

  private static final Pattern CALL_URL = Pattern.compile("^/communications/calls/[^/]+$");
  private static final Pattern ROSTER_URL =
      Pattern.compile("^/communications/calls/[^/]+/participants$");
  private static final Pattern OPERATION_URL =
      Pattern.compile("^/communications/calls/[^/]+/operations/[^/]+$");

  private final SwaggerSchemas acs;

  /**
   * @param acs the ACS Call Automation spec the events are checked against
   */
  public CallbackContract(SwaggerSchemas acs) {
    this.acs = acs;
  }

  /**
   * @param callback a callback about to be sent
   * @return what in it breaks the provider's contract; empty when nothing does
   */
  public List<String> violations(OutgoingCallback callback) {
    return violations(callback.provider(), callback.body());
  }

  /**
   * @param provider {@code acs}, {@code eventgrid} or {@code graph}
   * @param body the callback's body
   * @return what in it breaks the provider's contract; empty when nothing does
   */
  public List<String> violations(String provider, String body) {
    List<String> out = new ArrayList<>();
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (java.io.IOException e) {
      return List.of("the body is not JSON: " + e.getMessage());
    }
    switch (provider) {
      case "acs" -> acsEvents(root, out);
      case "eventgrid" -> eventGridEvents(root, out);
      case "graph" -> graphNotifications(root, out);
      default -> out.add("unknown provider " + provider);
    }
    return out;
  }

  private void acsEvents(JsonNode root, List<String> out) {
    if (!root.isArray() || root.isEmpty()) {
      out.add("$ must be a non-empty array of CloudEvents");
      return;
    }
    for (int i = 0; i < root.size(); i++) {
      String at = "$[" + i + "]";
      JsonNode event = root.get(i);
      if (!members(event, CLOUD_EVENT, CLOUD_EVENT, at, out)) {
        continue;
      }
      expect(event, "specversion", "1.0", at, out);
      expect(event, "datacontenttype", "application/json", at, out);
      String type = event.get("type").asText();
      if (!type.startsWith(ACS_PREFIX)) {
        out.add(at + ".type '" + type + "' is no Call Automation event");
        continue;
      }
      ObjectNode data = event.get("data").deepCopy();
      data.remove(UNDOCUMENTED_ACS_DATA);
      spec(type.substring(ACS_PREFIX.length()), data, at + ".data", out);
    }
  }

  private void eventGridEvents(JsonNode root, List<String> out) {
    if (!root.isArray() || root.isEmpty()) {
      out.add("$ must be a non-empty array of EventGridEvents");
      return;
    }
    for (int i = 0; i < root.size(); i++) {
      String at = "$[" + i + "]";
      JsonNode event = root.get(i);
      if (!members(event, EVENT_GRID_EVENT, EVENT_GRID_EVENT, at, out)) {
        continue;
      }
      String type = event.get("eventType").asText();
      if (type.equals(ACS_PREFIX + "IncomingCall")) {
        spec("IncomingCall", event.get("data"), at + ".data", out);
      } else if (type.equals("Microsoft.EventGrid.SubscriptionValidationEvent")) {
        Set<String> handshake = Set.of("validationCode", "validationUrl");
        members(event.get("data"), handshake, handshake, at + ".data", out);
      } else {
        out.add(at + ".eventType '" + type + "' is not an event the emulator publishes");
      }
    }
  }

  private void spec(String definition, JsonNode data, String at, List<String> out) {
    if (!acs.hasDefinition(definition)) {
      out.add(at + ": the spec defines no event " + definition);
      return;
    }
    for (Violation violation : acs.validate(definition, data)) {
      String path = violation.path().equals("$") ? "" : "." + violation.path();
      out.add(at + path + " " + violation.rule());
    }
  }

  private void graphNotifications(JsonNode root, List<String> out) {
    Set<String> envelope = Set.of("@odata.type", "value");
    if (!members(root, envelope, envelope, "$", out)) {
      return;
    }
    expect(root, "@odata.type", "#microsoft.graph.commsNotifications", "$", out);
    JsonNode value = root.get("value");
    if (!value.isArray() || value.isEmpty()) {
      out.add("$.value must be a non-empty array");
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      graphItem(value.get(i), "$.value[" + i + "]", out);
    }
  }

  private void graphItem(JsonNode item, String at, List<String> out) {
    Set<String> required = Set.of("@odata.type", "changeType", "resourceUrl", "resourceData");
    if (!members(item, required, required, at, out)) {
      return;
    }
    expect(item, "@odata.type", "#microsoft.graph.commsNotification", at, out);
    String change = item.get("changeType").asText();
    if (!CHANGE_TYPES.contains(change)) {
      out.add(at + ".changeType '" + change + "' is not created, updated or deleted");
    }
    String url = item.get("resourceUrl").asText();
    JsonNode data = item.get("resourceData");
    String dataAt = at + ".resourceData";
    if (CALL_URL.matcher(url).matches()) {
      call(data, change, dataAt, out);
    } else if (ROSTER_URL.matcher(url).matches()) {
      roster(data, dataAt, out);
    } else if (OPERATION_URL.matcher(url).matches()) {
      operation(data, dataAt, out);
    } else {
      out.add(at + ".resourceUrl '" + url + "' is no call, roster or operation");
    }
  }

  private void call(JsonNode data, String change, String at, List<String> out) {
    if (!members(data, Set.of("@odata.type", "state"), CALL_MEMBERS, at, out)) {
      return;
    }
    expect(data, "@odata.type", "#microsoft.graph.call", at, out);
    String state = data.get("state").asText();
    if (!CALL_STATES.contains(state)) {
      out.add(at + ".state '" + state + "' is no call state");
    }
    if (change.equals("created") != state.equals("incoming")) {
      out.add(at + ": a created call is incoming, and only a created call is ('" + state + "')");
    }
    if (change.equals("deleted") != state.equals("terminated")) {
      out.add(at + ": a deleted call is terminated, and only a deleted call is ('" + state + "')");
    }
    if (data.has("resultInfo")) {
      resultInfo(data.get("resultInfo"), at + ".resultInfo", out);
    }
  }

  private void roster(JsonNode data, String at, List<String> out) {
    if (!data.isArray() || data.isEmpty()) {
      out.add(at + " must be a non-empty array of participants");
      return;
    }
    Set<String> participant =
        Set.of("@odata.type", "id", "info", "mediaStreams", "isMuted", "isInLobby");
    for (int i = 0; i < data.size(); i++) {
      String each = at + "[" + i + "]";
      if (members(data.get(i), Set.of("@odata.type", "id", "info"), participant, each, out)) {
        expect(data.get(i), "@odata.type", "#microsoft.graph.participant", each, out);
        if (!data.get(i).get("info").path("identity").isObject()) {
          out.add(each + ".info.identity must be an identity set");
        }
      }
    }
  }

  private void operation(JsonNode data, String at, List<String> out) {
    if (!members(
        data, Set.of("@odata.type", "id", "status", "resultInfo"), OPERATION_MEMBERS, at, out)) {
      return;
    }
    String type = data.get("@odata.type").asText();
    if (!OPERATION_TYPES.contains(type)) {
      out.add(
          at
              + ".@odata.type must be one of "
              + new java.util.TreeSet<>(OPERATION_TYPES)
              + ", was '"
              + type
              + "'");
    }
    String status = data.get("status").asText();
    if (!status.equals("completed") && !status.equals("failed")) {
      out.add(at + ".status '" + status + "' is not completed or failed");
    }
    resultInfo(data.get("resultInfo"), at + ".resultInfo", out);
  }

  private void resultInfo(JsonNode info, String at, List<String> out) {
    Set<String> allowed = Set.of("@odata.type", "code", "subcode", "subCode", "message");
    if (!members(info, Set.of("code", "message"), allowed, at, out)) {
      return;
    }
    if (!info.get("code").isIntegralNumber()) {
      out.add(at + ".code must be a number");
    }
    if (info.has("subcode") == info.has("subCode")) {
      out.add(at + " must carry the subcode once, as subcode or subCode");
    } else if (!info.path(info.has("subcode") ? "subcode" : "subCode").isIntegralNumber()) {
      out.add(at + ".subcode must be a number");
    }
    if (!info.get("message").isTextual()) {
      out.add(at + ".message must be text");
    }
    if (info.has("@odata.type")) {
      expect(info, "@odata.type", "#microsoft.graph.resultInfo", at, out);
    }
  }

  /** Checks required and allowed members; false when the node is not an object. */
  private static boolean members(
      JsonNode node, Set<String> required, Set<String> allowed, String at, List<String> out) {
    if (node == null || !node.isObject()) {
      out.add(at + " must be an object");
      return false;
    }
    boolean complete = true;
    for (String name : required) {
      if (!node.has(name) || node.get(name).isNull()) {
        out.add(at + "." + name + " is required");
        complete = false;
      }
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        out.add(at + "." + name + " is not a member of this shape");
      }
    }
    return complete;
  }

  private static void expect(
      JsonNode node, String member, String value, String at, List<String> out) {
    if (!value.equals(node.path(member).asText())) {
      out.add(at + "." + member + " must be '" + value + "', was '" + node.path(member) + "'");
    }
  }
}
