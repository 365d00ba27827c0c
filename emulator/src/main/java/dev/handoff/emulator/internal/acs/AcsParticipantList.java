package dev.handoff.emulator.internal.acs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.state.PageTokens;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET …/participants} and {@code GET …/participants/{rawId}}: the call's participants other
 * than the application, as they stand now (after a group transfer, without the transferee), each
 * saying whether it is on hold. The list comes in pages of the configured size, as the spec's
 * {@code x-ms-pageable} operation does: {@code GetParticipantsResponse} carries {@code nextLink}
 * while participants remain.
 */
final class AcsParticipantList {
  /** The query parameter that carries a next page's token. */
  static final String SKIP_TOKEN = "skipToken";

  private final AcsCallFlows flows;
  private final PageTokens tokens;
  private final int pageSize;

  AcsParticipantList(AcsCallFlows flows, PageTokens tokens, int pageSize) {
    this.flows = flows;
    this.tokens = tokens;
    this.pageSize = pageSize;
  }

  /**
   * One page of the participants.
   *
   * @param callConnectionId the call connection
   * @param skipToken the token of a next link, empty for the first page
   * @param nextLinkPrefix the absolute URL of this list with its api-version, ending in {@code
   *     skipToken=}: a next link is this prefix and the next page's token
   * @throws AcsException 404/8522 for an unknown call; 400/8523 for a token that this call's list
   *     did not issue
   */
  AcsResult page(String callConnectionId, Optional<String> skipToken, String nextLinkPrefix) {
    AcsCallConnection call = flows.connected(callConnectionId);
    String list = call.callConnectionId + "\n" + call.correlationId;
    int offset = 0;
    if (skipToken.isPresent()) {
      offset =
          tokens
              .offset(list, skipToken.get())
              .orElseThrow(
                  () ->
                      AcsException.invalid(
                          SKIP_TOKEN, "is not a page token of this call's participant list"));
    }
    ObjectNode body = Json.object();
    synchronized (call) {
      int size = call.participants.size();
      // A roster that shrank since the token was issued ends in an empty last page.
      int from = Math.min(offset, size);
      int to = Math.min(size, from + pageSize);
      ArrayNode value = body.putArray("value");
      for (AcsIdentifier participant : call.participants.subList(from, to)) {
        value.add(entry(call, participant));
      }
      if (to < size) {
        body.put("nextLink", nextLinkPrefix + tokens.issue(list, to));
      }
    }
    return new AcsResult(Response.json(200, body), call.correlationId);
  }

  /** One {@code CallParticipant} by raw id; 404/8522 when it is not (or no longer) in the call. */
  AcsResult one(String callConnectionId, String rawId) {
    AcsCallConnection call = flows.connected(callConnectionId);
    synchronized (call) {
      for (AcsIdentifier participant : call.participants) {
        if (participant.rawId().equals(rawId)) {
          return new AcsResult(Response.json(200, entry(call, participant)), call.correlationId);
        }
      }
    }
    throw new AcsException(404, "8522", "Participant not found.");
  }

  /** A {@code CallParticipant}; the caller holds the call's lock. */
  private static ObjectNode entry(AcsCallConnection call, AcsIdentifier participant) {
    ObjectNode entry = (ObjectNode) AcsEvents.participants(List.of(participant)).get(0);
    entry.put("isOnHold", call.holds.containsKey(participant.rawId()));
    return entry;
  }
}
