package dev.handoff.emulator.internal.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.internal.graph.GraphCallState.Member;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.json.Json;

/**
 * {@code GET /communications/calls/{id}/participants} and {@code .../participants/{participantId}}:
 * the call's roster as it stands (the bot, then the other participants; a transferred participant
 * is gone; one on hold says so), in Graph's collection shape. A terminated or unknown call is
 * 404/8522, as the call itself is.
 */
final class GraphParticipants {
  private final GraphCallFlows flows;

  GraphParticipants(GraphCallFlows flows) {
    this.flows = flows;
  }

  Response list(String callId, String version) {
    GraphCallState call = flows.existing(callId);
    ObjectNode body = Json.object();
    body.put(
        "@odata.context",
        "https://graph.microsoft.com/"
            + version
            + "/$metadata#communications/calls('"
            + callId
            + "')/participants");
    ArrayNode value = body.putArray("value");
    synchronized (call) {
      value.add(GraphNotifications.participant(call.myParticipantId, call.botIdentity));
      for (Member member : call.members) {
        value.add(onHold(call, member));
      }
    }
    return Response.json(200, body, GraphService.ODATA_JSON);
  }

  Response one(String callId, String participantId) {
    GraphCallState call = flows.existing(callId);
    synchronized (call) {
      if (call.myParticipantId.equals(participantId)) {
        return Response.json(
            200,
            GraphNotifications.participant(call.myParticipantId, call.botIdentity),
            GraphService.ODATA_JSON);
      }
      for (Member member : call.members) {
        if (member.participantId().equals(participantId)) {
          return Response.json(200, onHold(call, member), GraphService.ODATA_JSON);
        }
      }
    }
    throw new GraphException(404, "8522", "Participant not found.");
  }

  /** A member as a participant resource; {@code isOnHold} only when hold music plays to it. */
  private static ObjectNode onHold(GraphCallState call, Member member) {
    ObjectNode node = GraphNotifications.participant(member.participantId(), member.identity());
    if (call.holds.containsKey(member.participantId())) {
      node.put("isOnHold", true);
    }
    return node;
  }
}
