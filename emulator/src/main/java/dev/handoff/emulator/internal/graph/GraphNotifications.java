package dev.handoff.emulator.internal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.internal.auth.CallbackTokens;
import dev.handoff.emulator.internal.callback.OutgoingCallback;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.state.Simulation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders Graph resources and sends commsNotifications ({@code #microsoft.graph.commsNotifications}
 * envelopes, one notification each) with the headers and bearer JWT Graph puts on them.
 */
final class GraphNotifications {

  private final Simulation simulation;

  GraphNotifications(Simulation simulation) {
    this.simulation = simulation;
  }

  void notifyState(GraphCallState call, String state, ObjectNode extra) {
    notify(
        call,
        call.callbackUri,
        "call." + state,
        notification("updated", call.resourceUrl(), callData(call, state, extra)));
  }

  void notifyRoster(GraphCallState call) {
    ArrayNode roster = Json.array();
    roster.add(participant(call.myParticipantId, call.botIdentity));
    call.members.forEach(
        member -> roster.add(participant(member.participantId(), member.identity())));
    notify(
        call,
        call.callbackUri,
        "participants.updated",
        notification("updated", call.resourceUrl() + "/participants", roster));
  }

  static ObjectNode participant(String id, ObjectNode identity) {
    ObjectNode node = Json.object();
    node.put("@odata.type", "#microsoft.graph.participant");
    node.put("id", id);
    ObjectNode info = node.putObject("info");
    info.put("@odata.type", "#microsoft.graph.participantInfo");
    info.set("identity", identity);
    info.put("endpointType", "default");
    node.putArray("mediaStreams");
    node.put("isMuted", false);
    node.put("isInLobby", false);
    return node;
  }

  static ObjectNode callData(GraphCallState call, String state, ObjectNode extra) {
    ObjectNode data = Json.object();
    data.put("@odata.type", "#microsoft.graph.call");
    data.put("@odata.id", call.resourceUrl());
    data.put("id", call.id);
    data.put("state", state);
    data.put("callChainId", call.callChainId);
    if (extra != null) {
      data.setAll(extra);
    }
    return data;
  }

  static ObjectNode notification(String changeType, String resourceUrl, JsonNode resourceData) {
    ObjectNode node = Json.object();
    node.put("@odata.type", "#microsoft.graph.commsNotification");
    node.put("changeType", changeType);
    node.put("resourceUrl", resourceUrl);
    node.set("resourceData", resourceData);
    return node;
  }

  void notify(GraphCallState call, String url, String event, ObjectNode notification) {
    ObjectNode envelope = Json.object();
    envelope.put("@odata.type", "#microsoft.graph.commsNotifications");
    envelope.putArray("value").add(notification);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(
        "Authorization",
        "Bearer "
            + simulation
                .callbackTokens()
                .take(
                    new CallbackTokens.Graph(
                        simulation.settings().graphBotAppId(), call.tenantId)));
    headers.put("User-Agent", "Microsoft-Skype/3.0,(Calling/1.0)");
    headers.put("Scenario-ID", call.ids.uuidString());
    headers.put("X-Microsoft-Skype-Chain-ID", call.callChainId);
    headers.put("X-Microsoft-Skype-Message-ID", call.ids.uuidString());
    simulation
        .dispatcher()
        .send(
            new OutgoingCallback(
                "graph",
                event,
                call.id,
                "graph:" + call.id,
                url,
                headers,
                Json.string(envelope),
                null));
  }

  ObjectNode resultInfo(int code, int subcode, String message) {
    ObjectNode node = Json.object();
    node.put("@odata.type", "#microsoft.graph.resultInfo");
    node.put("code", code);
    node.put(simulation.settings().graphSubCodeCamelCase() ? "subCode" : "subcode", subcode);
    node.put("message", message);
    return node;
  }

  ObjectNode callResource(GraphCallState call) {
    ObjectNode node = Json.object();
    node.put("@odata.type", "#microsoft.graph.call");
    node.put("id", call.id);
    node.put("state", call.state);
    node.put("direction", call.direction);
    node.put("callbackUri", call.callbackUri);
    node.put("tenantId", call.tenantId);
    node.put("myParticipantId", call.myParticipantId);
    node.put("callChainId", call.callChainId);
    node.putArray("requestedModalities").add("audio");
    ObjectNode source = node.putObject("source");
    source.put("@odata.type", "#microsoft.graph.participantInfo");
    source.set("identity", call.direction.equals("incoming") ? call.source : call.botIdentity);
    ArrayNode targets = node.putArray("targets");
    if (call.direction.equals("incoming")) {
      targets.add(invitation(call.botIdentity, call.myParticipantId));
    } else {
      call.members.forEach(
          member -> targets.add(invitation(member.identity(), member.participantId())));
    }
    return node;
  }

  private static ObjectNode invitation(ObjectNode identity, String participantId) {
    ObjectNode node = Json.object();
    node.put("@odata.type", "#microsoft.graph.invitationParticipantInfo");
    node.set("identity", identity);
    node.put("endpointType", "default");
    node.put("id", participantId);
    return node;
  }

  static ObjectNode withTenant(JsonNode identitySet, String tenantId) {
    ObjectNode copy = identitySet.deepCopy();
    JsonNode user = copy.get("user");
    if (user != null && user.isObject()) {
      ObjectNode u = (ObjectNode) user;
      if (!u.has("tenantId")) {
        u.put("tenantId", tenantId);
      }
      if (!u.has("identityProvider")) {
        u.put("identityProvider", "AAD");
      }
    }
    return copy;
  }
}
