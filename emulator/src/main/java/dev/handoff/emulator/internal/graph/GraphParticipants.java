package dev.handoff.emulator.internal.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.internal.graph.GraphCallState.Member;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.state.PageTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /communications/calls/{id}/participants} and {@code .../participants/{participantId}}:
 * the call's roster as it stands (the bot, then the other participants; a transferred participant
 * is gone; one on hold says so), in Graph's collection shape, in pages of the configured size with
 * {@code @odata.nextLink} while participants remain, as Graph collections page. A terminated or
 * unknown call is 404/8522, as the call itself is.
 */
final class GraphParticipants {
  /** The query option that carries a next page's token. */
  static final String SKIP_TOKEN = "$skiptoken";

  private final GraphCallFlows flows;
  private final PageTokens tokens;
  private final int pageSize;

  GraphParticipants(GraphCallFlows flows, PageTokens tokens, int pageSize) {
    this.flows = flows;
    this.tokens = tokens;
    this.pageSize = pageSize;
  }

  /**
   * One page of the roster.
   *
   * @param callId the call
   * @param version {@code v1.0} or {@code beta}, as asked
   * @param skipToken the token of a next link, empty for the first page
   * @param nextLinkPrefix the absolute URL of this collection ending in {@code $skiptoken=}: a next
   *     link is this prefix and the next page's token
   * @throws GraphException 404/8522 for an unknown call; 400 for a token that this call's roster
   *     did not issue
   */
  Response list(String callId, String version, Optional<String> skipToken, String nextLinkPrefix) {
    GraphCallState call = flows.existing(callId);
    String list = call.id + "\n" + call.myParticipantId;
    int offset = 0;
    if (skipToken.isPresent()) {
      offset =
          tokens
              .offset(list, skipToken.get())
              .orElseThrow(
                  () ->
                      GraphException.badRequest(
                          "The query option '"
                              + SKIP_TOKEN
                              + "' is not a page token of this call's participants."));
    }
    ObjectNode body = Json.object();
    body.put(
        "@odata.context",
        "https://graph.microsoft.com/"
            + version
            + "/$metadata#communications/calls('"
            + callId
            + "')/participants");
    synchronized (call) {
      List<ObjectNode> roster = new ArrayList<>();
      roster.add(GraphNotifications.participant(call.myParticipantId, call.botIdentity));
      for (Member member : call.members) {
        roster.add(onHold(call, member));
      }
      // A roster that shrank since the token was issued ends in an empty last page.
      int from = Math.min(offset, roster.size());
      int to = Math.min(roster.size(), from + pageSize);
      if (to < roster.size()) {
        body.put("@odata.nextLink", nextLinkPrefix + tokens.issue(list, to));
      }
      body.putArray("value").addAll(roster.subList(from, to));
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
